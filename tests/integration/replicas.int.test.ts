import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveProcess, type ServeProcess } from "../helpers/cli-process.js";

// Issue 21, "Stateless API": two API processes on one Neo4j, one client's requests split across
// them, give identical answers; /ready on each reflects the database. Writes do not exist yet:
// when they land, add a write through one replica read back through the other to `READS_AND_WRITES`.

/** A TCP proxy in front of Neo4j that the test can cut and restore, as a database outage. */
function boltProxy(): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const target = new URL(inject("neo4j").uri.replace(/^[a-z+]+:/, "http:"));
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return void client.destroy();
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        cut: () => {
          open = false;
          for (const s of sockets) s.destroy();
        },
        restore: () => {
          open = true;
        },
        close: () => new Promise<void>((done) => server.close(() => done()) && sockets.forEach((s) => s.destroy())),
      }),
    ),
  );
}

/** One client's request, answered as text (the body) with its status. */
type Ask = (base: string) => Promise<{ status: number; body: string }>;

const gql =
  (query: string): Ask =>
  async (base) => {
    const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    return { status: res.status, body: await res.text() };
  };
const get =
  (path: string): Ask =>
  async (base) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: await res.text() };
  };

/** The reads one client makes, split across the replicas (a write read back through the other replica goes here once writes exist). */
const READS_AND_WRITES: [string, Ask][] = [
  [
    "routes",
    gql(
      '{ routes(from: "dji", to: "russian-front-lines") { exhausted routes { rank confidence summary hops { relationship { id status evidence { quote start end } } } } } }',
    ),
  ],
  ["routes via", gql('{ routes(from: "dji", to: "russian-front-lines", via: ["country-kz"], asOf: "2023-01-15") { routes { confidence summary } } }')],
  ["search", gql('{ search(text: "Kyiv") { id name kind aliases } }')],
  ["neighborhood", gql('{ neighborhood(id: "dji", depth: 2) { nodes { id } edges { id type } truncated } }')],
  ["GraphML export of a neighbourhood", get("/export/graphml?scope=neighborhood&id=dji&depth=2")],
  ["CSV export of routes", get("/export/csv/edges.csv?scope=routes&from=dji&to=russian-front-lines")],
  ["FtM export of elements", get("/export/ftm?scope=elements&nodes=dji,country-ru")],
];

describe("two API replicas on one Neo4j", () => {
  let proxy: Awaited<ReturnType<typeof boltProxy>>;
  let replicas: ServeProcess[];
  beforeAll(async () => {
    proxy = await boltProxy();
    const env = { NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`, QUERY_TIMEOUT_MS: "2000", LOG_LEVEL: "warn" };
    replicas = await Promise.all([serveProcess(env), serveProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((r) => r.stop()));
    await proxy?.close();
  });

  it("answers one client's requests, alternating between them, identically", async () => {
    for (const [name, ask] of READS_AND_WRITES) {
      // Alternate which replica answers first, as a round-robin balancer would.
      const order = READS_AND_WRITES.findIndex(([n]) => n === name) % 2 === 0 ? replicas : [...replicas].reverse();
      const [first, second] = [await ask(order[0]!.url), await ask(order[1]!.url)];
      expect(first.status, name).toBe(200);
      expect(first.body.length, name).toBeGreaterThan(50);
      expect(second, name).toEqual(first);
    }
  });

  it("reports /ready on each replica from the database: 503 on both while it is unreachable, 200 on both once it returns", async () => {
    for (const r of replicas) expect((await fetch(`${r.url}/ready`)).status).toBe(200);
    proxy.cut();
    try {
      for (const r of replicas) {
        const res = await fetch(`${r.url}/ready`);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ ready: false, database: "down" });
        const health = (await (await fetch(`${r.url}/health`)).json()) as any;
        expect(health).toEqual({ status: "ok", live: true, database: "down" });
      }
    } finally {
      proxy.restore();
    }
    for (const r of replicas) {
      let status = 503;
      // Back up: the replica plans its route queries again (Neo4j was seen down), then answers 200.
      for (let i = 0; i < 300 && status !== 200; i += 1) {
        status = (await fetch(`${r.url}/ready`)).status;
        if (status !== 200) await new Promise((done) => setTimeout(done, 200));
      }
      expect(status).toBe(200);
    }
    const [a, b] = await Promise.all(replicas.map((r) => READS_AND_WRITES[0]![1](r.url)));
    expect(a!.status).toBe(200);
    expect(b).toEqual(a);
  });
});
