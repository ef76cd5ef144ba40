import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { CLI, cliEnv, serveProcess as serve } from "../helpers/cli-process.js";

// Issue 20: SIGTERM drains in-flight requests before exit, and `npx actorgraph export … | head` exits quietly.

/** Opens a connection and sends the head and the first half of a GraphQL POST; `finish` sends the rest and resolves with the whole answer. */
async function halfSentRequest(port: number, query: string): Promise<{ finish(): Promise<string>; closed: Promise<string> }> {
  const body = JSON.stringify({ query });
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((r) => socket.once("connect", () => r()));
  let got = "";
  socket.on("data", (d: Buffer) => (got += d.toString()));
  socket.on("error", () => undefined);
  const closed = new Promise<string>((r) => socket.once("close", () => r(got)));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  // Until the server has read the head, the connection is idle to it and a drain closes it at once.
  await new Promise((r) => setTimeout(r, 500));
  return {
    closed,
    finish: () => {
      socket.write(body.slice(10));
      return closed;
    },
  };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(false)));
    s.once("error", () => resolve(true));
  });

describe("SIGTERM", () => {
  it("stops accepting connections, lets a slow in-flight request finish, closes the driver and exits 0", async () => {
    const { proc, port, exited, output } = await serve();
    const slow = await halfSentRequest(port, '{ entity(id: "dji") { name } }');
    proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    expect(await refused(port)).toBe(true);
    expect(proc.exitCode).toBeNull();
    const answer = await slow.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('{"data":{"entity":{"name":"DJI"}}}');
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"draining in-flight requests before exit"');
    expect(output()).toContain('"msg":"stopped"');
  });

  it("closes a request still unfinished after SHUTDOWN_TIMEOUT_MS and exits 0", async () => {
    const { proc, port, exited, output } = await serve({ SHUTDOWN_TIMEOUT_MS: "1000" });
    const stuck = await halfSentRequest(port, '{ entity(id: "dji") { name } }');
    const started = Date.now();
    proc.kill("SIGTERM");
    expect(await exited, output()).toBe(0);
    await stuck.closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe("npx actorgraph export … | head", () => {
  it("exits 0 without a word on stderr when the reader closes the pipe early", async () => {
    const proc = spawn("node", [CLI, "export", "graphml"], { env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => proc.stdout.once("data", (d: Buffer) => resolve(d.toString())));
    expect(first).toContain("<?xml");
    proc.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => proc.once("exit", (c) => resolve(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
