import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtureGraph } from "../helpers/fixture-graph.js";
import { loadHubGraph } from "../helpers/hub-graph.js";
import { startTestServer, type TestServer } from "../helpers/test-app.js";

// Issue 21, items 2 and 3: stalled readers must not hold export slots for ever, scoped exports
// share a ceiling, and overload answers 503 SERVER_BUSY with Retry-After, never a 4xx.

const prefix = `exfair-${Date.now().toString(36)}-`;
const hub = `${prefix}h0`;
const NEIGHBORHOOD = `/export/graphml?scope=neighborhood&id=${hub}&depth=3&limit=2000`;

/**
 * Sends a GET over a raw socket, reads `bytes` of the answer, then stops reading (the socket is
 * paused, so the kernel buffers fill and the server's writes stall), as a hostile or stuck client does.
 */
function stalledReader(t: TestServer, path: string, bytes = 2048): Promise<{ socket: net.Socket; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(t.server.port, "127.0.0.1", () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    let got = "";
    socket.on("error", () => socket.destroy());
    socket.on("data", (d: Buffer) => {
      got += d.toString("latin1");
      if (got.length >= bytes) {
        socket.pause();
        resolve({ socket, head: got.slice(0, 200) });
      }
    });
    socket.once("close", () => reject(new Error(`closed after ${got.length} bytes: ${got.slice(0, 200)}`)));
  });
}

async function status(t: TestServer, path: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const res = await fetch(`${t.server.url}${path}`);
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: res.status === 200 ? null : JSON.parse(text) };
}

describe("export slots under hostile load", () => {
  let seed: TestServer;
  beforeAll(async () => {
    seed = await startTestServer();
    // About 20 MB of whole-graph GraphML and a 2 000-node neighbourhood of the hub: enough to fill socket buffers.
    await loadHubGraph(seed.app.db, prefix, 10, 4990);
  });
  afterAll(async () => {
    await dropFixtureGraph(seed.app.db, prefix);
    await seed.close();
  });

  it("aborts a whole-graph export whose client reads nothing for EXPORT_IDLE_TIMEOUT_MS and frees its slot", async () => {
    const logLines: string[] = [];
    const t = await startTestServer({ EXPORT_IDLE_TIMEOUT_MS: "1500" }, { logLines });
    try {
      const held = [await stalledReader(t, "/export/graphml"), await stalledReader(t, "/export/graphml")];
      for (const h of held) expect(h.head).toMatch(/^HTTP\/1\.1 200/);
      const busy = await status(t, "/export/csv/nodes.csv");
      expect(busy.status).toBe(503);
      expect(busy.body.errors[0].extensions.code).toBe("SERVER_BUSY");
      const started = Date.now();
      let freed = 503;
      while (freed === 503 && Date.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 250));
        const res = await fetch(`${t.server.url}/export/csv/nodes.csv`);
        freed = res.status;
        await res.body?.cancel();
      }
      expect(freed).toBe(200);
      expect(Date.now() - started).toBeLessThan(8_000);
      // Both stalled responses are aborted (reset), each logged with its request id; the second
      // may come a moment after the first freed a slot.
      const aborts = () => logLines.map((l) => JSON.parse(l)).filter((l) => /read nothing for EXPORT_IDLE_TIMEOUT_MS/.test(l.msg));
      for (let i = 0; i < 50 && aborts().length < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
      const aborted = aborts();
      expect(aborted).toHaveLength(2);
      for (const line of aborted) expect(line).toMatchObject({ level: 40, idleMs: 1500, reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      held.forEach((h) => h.socket.destroy());
    } finally {
      await t.close();
    }
  });

  it("caps exports of every scope together: with EXPORT_SLOTS taken, a neighbourhood export answers 503 SERVER_BUSY with Retry-After", async () => {
    // Two stalled whole-graph exports (their files outgrow the socket buffers, so they stay open) fill two slots.
    const t = await startTestServer({ EXPORT_SLOTS: "2", EXPORT_IDLE_TIMEOUT_MS: "60000" });
    const held: net.Socket[] = [];
    try {
      for (const path of ["/export/graphml", "/export/ftm"]) {
        const h = await stalledReader(t, path);
        expect(h.head).toMatch(/^HTTP\/1\.1 200/);
        held.push(h.socket);
      }
      const over = await status(t, NEIGHBORHOOD);
      expect(over.status).toBe(503);
      expect(over.retryAfter).toMatch(/^\d+$/);
      expect(over.body.errors[0].extensions).toMatchObject({ code: "SERVER_BUSY", max: 2 });
      held.pop()!.destroy();
      let again = 503;
      for (let i = 0; i < 40 && again === 503; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        again = (await status(t, `/export/cytoscape?scope=neighborhood&id=${hub}`)).status;
      }
      expect(again).toBe(200);
    } finally {
      held.forEach((s) => s.destroy());
      await t.close();
    }
  });

  it("answers 16 parallel neighbourhood exports of a hub with 200 or 503 SERVER_BUSY and Retry-After, never a 4xx", async () => {
    const t = await startTestServer();
    try {
      const answers = await Promise.all(Array.from({ length: 16 }, () => status(t, NEIGHBORHOOD)));
      const codes = answers.map((a) => (a.status === 200 ? "200" : `${a.status} ${a.body.errors[0].extensions.code}`));
      for (const code of codes) expect(["200", "503 SERVER_BUSY"]).toContain(code);
      expect(codes.filter((c) => c === "200").length).toBeGreaterThanOrEqual(1);
      expect(codes.filter((c) => c !== "200").length).toBeGreaterThanOrEqual(8);
      for (const a of answers) if (a.status === 503) expect(a.retryAfter).toMatch(/^\d+$/);
    } finally {
      await t.close();
    }
  });
});
