import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-app.js";

// Issue 21 items 4, 5, 6 and 8, and issue 20's request id and `GET /` redirect: what a hostile
// or careless client sends gets a 4xx with a stable code, bounded logs and no internal detail.

/** Sends raw bytes (a request node:http and fetch would refuse to write) and reads the whole answer. */
function rawRequest(t: TestServer, text: string): Promise<{ status: number; head: string; json: any }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(t.server.port, "127.0.0.1", () => socket.write(text));
    let got = "";
    socket.on("data", (d: Buffer) => (got += d.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = got.split("\r\n\r\n");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // Not JSON: the assertions on `json` say so.
      }
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, json });
    });
  });
}

const post = (t: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("hostile requests", () => {
  let t: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer({}, { logLines });
  });
  afterAll(async () => t.close());

  it("answers a subscription operation, which the server does not offer, with 400 GRAPHQL_VALIDATION_FAILED and logs nothing above info", async () => {
    const before = logLines.length;
    const res = await post(t, JSON.stringify({ query: 'subscription { search(text: "dji") { id } }' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].message).toContain("does not offer subscription operations");
    expect(logLines.slice(before).filter((l) => JSON.parse(l).level > 30)).toEqual([]);
  });

  it("answers a mutation without a token as the client's error, UNAUTHENTICATED, and logs nothing above info", async () => {
    const before = logLines.length;
    const res = await post(t, JSON.stringify({ query: 'mutation { retractClaim(claimId: "x", reason: "r", expectedVersion: 1) { id } }' }));
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(body.data).toBeNull();
    expect(logLines.slice(before).filter((l) => JSON.parse(l).level > 30)).toEqual([]);
  });

  it("refuses a document nested 10 000 deep before parsing it, naming the token limit, without internal detail", async () => {
    const res = await post(t, JSON.stringify({ query: "{a".repeat(10_000) + "}".repeat(10_000) }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0].message).toMatch(/more tha[nt] 3000 tokens/);
    expect(JSON.stringify(body)).not.toMatch(/call stack/i);
  });

  it("logs a refused 15 KB Host header clipped, so 300 such requests make well under 1 MB of logs", async () => {
    const before = logLines.length;
    const host = `${"a".repeat(15_000)}.example`;
    for (let i = 0; i < 300; i += 1) {
      const res = await rawRequest(t, `GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(421);
    }
    const lines = logLines.slice(before);
    expect(lines).toHaveLength(300);
    const bytes = lines.reduce((n, l) => n + l.length, 0);
    expect(bytes).toBeLessThan(300 * 1024);
    expect(JSON.parse(lines[0]!).host).toMatch(/^a{200}…\[\+14808 chars\]$/);
  });

  it("refuses two Host headers with 400 BAD_REQUEST, whichever comes first", async () => {
    for (const [first, second] of [
      ["127.0.0.1", "attacker.example"],
      ["attacker.example", "127.0.0.1"],
    ]) {
      const res = await rawRequest(t, `GET /health HTTP/1.1\r\nHost: ${first}\r\nHost: ${second}\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(res.json.errors[0].message).toContain("2 Host headers");
    }
  });

  it.each(["http://attacker.example/health", "http://127.0.0.1/health", "*"])(
    "refuses the request target %s (absolute or asterisk form) with 400 BAD_REQUEST",
    async (target) => {
      const res = await rawRequest(t, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe("BAD_REQUEST");
    },
  );

  it("answers an origin-form request with one Host as before", async () => {
    const res = await rawRequest(t, `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", database: "up" });
  });
});

describe("request ids", () => {
  let t: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer({}, { logLines });
  });
  afterAll(async () => t.close());

  it("echoes a sane x-request-id and puts it in every error's extensions", async () => {
    const res = await post(t, JSON.stringify({ query: '{ entity(id: "nobody-at-all") { id } }' }), { "x-request-id": "trace-42.a:b" });
    expect(res.headers.get("x-request-id")).toBe("trace-42.a:b");
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: "NOT_FOUND", requestId: "trace-42.a:b" });
    const exported = await fetch(`${t.server.url}/export/graphml?scope=neighborhood`, { headers: { "x-request-id": "trace-43" } });
    expect(exported.status).toBe(400);
    expect(((await exported.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", requestId: "trace-43" });
  });

  it.each(["has spaces", "x".repeat(65), "semi;colon"])("replaces the unusable incoming id %j with a generated UUID", async (incoming) => {
    const res = await fetch(`${t.server.url}/nope`, { headers: { "x-request-id": incoming } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(((await res.json()) as any).errors[0].extensions).toEqual({ code: "NOT_FOUND", requestId: id });
  });

  it("writes the request id into the log lines of a request", async () => {
    const before = logLines.length;
    const res = await rawRequest(t, "GET /health HTTP/1.1\r\nHost: attacker.example\r\nX-Request-Id: logged-id-1\r\nConnection: close\r\n\r\n");
    expect(res.status).toBe(421);
    expect(res.head).toMatch(/\r\nx-request-id: logged-id-1\r\n/i);
    const lines = logLines.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: "logged-id-1", msg: expect.stringContaining("refused a request for a host") });
  });
});

describe("GET /", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.close());

  it("redirects to the route explorer, which answers its page", async () => {
    const res = await fetch(`${t.server.url}/`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/explorer");
    const followed = await fetch(`${t.server.url}/`);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${t.server.url}/explorer`);
    expect(await followed.text()).toContain("<html");
  });
});
