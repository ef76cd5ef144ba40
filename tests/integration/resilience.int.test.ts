import net from "node:net";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, useTestServer, type TestServer } from "../helpers/test-app.js";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import type { OracleEdge } from "../support/route-oracle.js";

/**
 * A TCP proxy in front of the real Neo4j, so a test can take the database "down" (close the
 * proxy and every connection through it) and bring it back, without stopping Neo4j itself.
 */
class BoltProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const PING = `{ entity(id: "dji") { name } }`;

describe("database outages", () => {
  let proxy: BoltProxy;
  let t: TestServer;
  beforeAll(async () => {
    const target = new URL(inject("neo4j").uri.replace(/^[a-z+]+:/, "http:"));
    proxy = new BoltProxy({ host: target.hostname, port: Number(target.port || 7687) });
    await proxy.open();
    t = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` });
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });

  it("is not ready until Neo4j has planned the route queries: /ready answers 503 'planning', starts the planning, then 200", async () => {
    const fresh = await startTestServer();
    try {
      const first = await fetch(`${fresh.server.url}/ready`);
      expect(first.status).toBe(503);
      expect(await first.json()).toEqual({ ready: false, database: "up", routeQueries: "planning" });
      let last: Response = first;
      for (let i = 0; i < 600 && last.status !== 200; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        last = await fetch(`${fresh.server.url}/ready`);
      }
      expect(last.status).toBe(200);
      expect(await last.json()).toEqual({ ready: true, database: "up", routeQueries: "planned" });
      expect(fresh.app.services.routes.isWarm()).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it("answers DATABASE_UNAVAILABLE while Neo4j is unreachable, stays up, and recovers", async () => {
    expect((await t.gql(PING)).data.entity.name).toBe("DJI");

    await proxy.close();
    const down = await t.gql(PING);
    expect(down.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(JSON.stringify(down)).not.toMatch(/stacktrace|ECONNREFUSED|\.js:\d+/);
    const health = await fetch(`${t.server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ live: true, database: "down" });
    expect((await fetch(`${t.server.url}/ready`)).status).toBe(503);

    await proxy.open(proxy.port);
    let recovered: any;
    for (let i = 0; i < 20 && !recovered?.data?.entity; i += 1) {
      recovered = await t.gql(PING);
      if (!recovered.data?.entity) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered.data.entity.name).toBe("DJI");
    expect(await (await fetch(`${t.server.url}/health`)).json()).toMatchObject({ database: "up" });
  });
});

describe("a heavy route search", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "20000" });
  const prefix = `heavy-${Date.now()}-`;

  /** A complete digraph on 40 nodes whose only way into `t` is one weak hop: the search must wade through it. */
  beforeAll(async () => {
    const nodes = [...Array.from({ length: 40 }, (_, i) => `n${i}`), "t"];
    const edges: OracleEdge[] = [
      { id: "weak", type: "SUPPLIED", start: "n5", end: "t", confidence: 0.001, status: "REPORTED", validFrom: null, validTo: null },
    ];
    for (let i = 0; i < 40; i += 1) {
      for (let j = 0; j < 40; j += 1) {
        if (i !== j)
          edges.push({ id: `e${i}-${j}`, type: "SUPPLIED", start: `n${i}`, end: `n${j}`, confidence: 0.9, status: "REPORTED", validFrom: null, validTo: null });
      }
    }
    await loadFixtureGraph(server().app.db, prefix, nodes, edges);
  });
  afterAll(async () => {
    await dropFixtureGraph(server().app.db, prefix);
  });

  it("is cut off with LIMIT_REACHED while the server keeps answering other requests", async () => {
    const order: string[] = [];
    // Five aliased searches, each expanding until LIMIT_REACHED: a few seconds of route search.
    const search = `routes(from: "${prefix}n0", to: "${prefix}t", maxHops: 10, limit: 1) { truncated exhausted reason routes { length } }`;
    const heavy = server()
      .gql(`{ routes: ${search} r1: ${search} r2: ${search} r3: ${search} r4: ${search} }`)
      .then((res) => {
        order.push("heavy");
        return res;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const light = await server().gql(`{ entity(id: "dji") { name } }`);
    order.push("light");
    const res = await heavy;
    expect(light.data.entity.name).toBe("DJI");
    expect(res.data.routes).toMatchObject({ truncated: true, exhausted: false, reason: "LIMIT_REACHED" });
    expect(order).toEqual(["light", "heavy"]);
  });
});

describe("a Neo4j that accepts connections but never answers", () => {
  let blackhole: net.Server;
  const held = new Set<net.Socket>();
  let t: TestServer;
  beforeAll(async () => {
    blackhole = net.createServer((socket) => {
      held.add(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    t = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${(blackhole.address() as net.AddressInfo).port}` });
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await t.close();
    await new Promise((resolve) => blackhole.close(resolve));
  });

  it("still gets a /health answer saying the database is down", async () => {
    const res = await fetch(`${t.server.url}/health`);
    expect(await res.json()).toMatchObject({ live: true, database: "down" });
  });

  it("answers DATABASE_UNAVAILABLE instead of hanging", async () => {
    const res = await t.gql(PING);
    expect(res.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
  });
});

describe("request limits and error masking", () => {
  const server = useTestServer({ MAX_QUERY_COMPLEXITY: "2000" });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server().server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it.each([
    ["malformed JSON", "{not json", 400],
    ["a body over the 4 MB limit", JSON.stringify({ query: `{ search(text: "${"x".repeat(4_300_000)}") { id } }` }), 413],
  ])("answers %s with a JSON BAD_REQUEST, not an HTML stack trace", async (_label, body, status) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const json: any = await res.json();
    expect(json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(json)).not.toMatch(/node_modules|\.js:\d+/);
  });

  it("rejects a variable of the wrong type with BAD_USER_INPUT", async () => {
    const res = await server().gql(`query($l: Int!) { search(text: "dji", limit: $l) { id } }`, { l: "x" });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects an unknown operationName with OPERATION_RESOLUTION_FAILURE", async () => {
    const res = await post(JSON.stringify({ query: "{ __typename }", operationName: "Nope" }));
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });

  it("rejects a query nested past the depth limit before running it", async () => {
    let selection = "id";
    for (let i = 0; i < 12; i += 1) selection = `relationships(limit: 1) { from { ${selection} } }`;
    const res = await server().gql(`{ entity(id: "country-ru") { ${selection} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/depth limit of 10/);
  });

  it("counts each aliased route search against the cost ceiling", async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `r${i}: routes(from: "dji", to: "russian-front-lines", limit: 1) { hasMore }`).join(" ");
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("QUERY_TOO_COSTLY");
  });

  it("rejects an operation over the cost ceiling with QUERY_TOO_COSTLY before running it", async () => {
    const res = await server().gql(`{ neighborhood(id: "country-ru", limit: 2000) { nodes { id name relationships(limit: 500) { id } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
  });

  it("sends no stack trace outside development", async () => {
    const res = await server().gql(`{ entity(id: "nobody") { id } }`);
    expect(res.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });
});

describe("schema.graphql and cypher/seed.cypher", () => {
  it.each(["schema:check", "seed:check"])("are current (%s)", (command) => {
    expect(() => execFileSync("node", ["dist/src/cli.js", command], { stdio: "pipe" })).not.toThrow();
  });
});
