import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropFixtureGraph } from "../helpers/fixture-graph.js";
import { loadHubGraph } from "../helpers/hub-graph.js";
import { startTestServer, useTestServer, type TestServer } from "../helpers/test-app.js";

const WHOLE_GRAPH = ["/export/graphml", "/export/cytoscape", "/export/csv/nodes.csv", "/export/csv/edges.csv", "/export/ftm"];

describe("GET /export/:format while Neo4j is unreachable", () => {
  let t: TestServer;
  // Port 1 is closed: every connection is refused, as when Neo4j is stopped.
  beforeAll(async () => {
    t = await startTestServer({ NEO4J_URI: "bolt://127.0.0.1:1", QUERY_TIMEOUT_MS: "1000" });
  });
  afterAll(async () => t.close());

  it.each(WHOLE_GRAPH)("answers %s with a JSON 503 DATABASE_UNAVAILABLE before any header of the file", async (path) => {
    const res = await fetch(`${t.server.url}${path}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
  });

  it("answers HEAD with the export's headers without reading the graph", async () => {
    const started = Date.now();
    const res = await fetch(`${t.server.url}/export/graphml`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?actorgraph\.graphml"?$/);
    expect(Date.now() - started).toBeLessThan(500);
    const bad = await fetch(`${t.server.url}/export/graphml?scope=neighborhood`, { method: "HEAD" });
    expect(bad.status).toBe(400);
  });
});

describe("concurrent whole-graph exports", () => {
  const server = useTestServer();
  const prefix = `exbusy-${Date.now().toString(36)}-`;
  // Large enough (about 20 MB of GraphML) that an export whose client stops reading stays open.
  beforeAll(async () => {
    await loadHubGraph(server().app.db, prefix, 10, 4990);
  });
  afterAll(async () => dropFixtureGraph(server().app.db, prefix));

  it("streams at most two at once; a third answers 503 SERVER_BUSY with Retry-After, and a slot frees when a client leaves", async () => {
    const url = `${server().server.url}/export/graphml`;
    const held = [await fetch(url), await fetch(`${url}?scope=all`)];
    for (const res of held) expect(res.status).toBe(200);
    const busy = await fetch(url);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await busy.json()) as any).errors[0].extensions).toMatchObject({ code: "SERVER_BUSY", max: 2 });
    // Bounded scopes are not counted.
    expect((await fetch(`${server().server.url}/export/graphml?scope=neighborhood&id=dji`)).status).toBe(200);
    await held[0]!.body!.cancel();
    let again = 503;
    for (let i = 0; i < 40 && again === 503; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await fetch(`${server().server.url}/export/csv/nodes.csv`);
      again = res.status;
      await res.body?.cancel();
    }
    expect(again).toBe(200);
    await held[1]!.body!.cancel();
  });

  it("aborts a response whose database goes away after the first bytes, so no cut file looks whole", async () => {
    const target = new URL(inject("neo4j").uri.replace(/^[a-z+]+:/, "http:"));
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 7687), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const logLines: string[] = [];
    const t = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, QUERY_TIMEOUT_MS: "1000" }, { logLines });
    try {
      const res = await fetch(`${t.server.url}/export/graphml`);
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await new Promise<void>((resolve) => proxy.close(() => resolve()) && sockets.forEach((s) => s.destroy()));
      const rest = (async () => {
        for (;;) if ((await reader.read()).done) return "ended";
      })();
      await expect(rest).rejects.toThrow();
      // The expected DatabaseUnavailableError is the server's log line with the request's id, not a stack trace on the console.
      const aborted = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === "aborted an export after its first bytes");
      expect(aborted).toHaveLength(1);
      expect(aborted[0]).toMatchObject({
        level: 40,
        reqId: expect.any(String),
        err: { type: "DatabaseUnavailableError", message: expect.stringContaining("unavailable") },
      });
    } finally {
      await t.close();
    }
  });
});
