import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.js";

/**
 * Throughput families of bench/routes: the same question sent by autocannon (16 connections,
 * `BENCH_THROUGHPUT_SECONDS` each, default 10) to our server and to a peer, each in its own
 * process, one after the other, on the seed graph (loaded into the bench database).
 */

/** One measured server: requests per second and latency, in **milliseconds**. */
export interface ThroughputResult {
  readonly label: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Responses that were not HTTP 200 or carried GraphQL errors in the sampled check. */
  readonly errors: number;
}

const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const CONNECTIONS = 16;

/** The center of the neighbourhood family: the seed entity with the most relationships of its own. */
export const NEIGHBORHOOD_CENTER = "small-intermediaries-and-exporters";

/** Our routes question: the seed's DJI → front, with what an investigator reads of each hop. */
export const OUR_ROUTES = `{ routes(from: "dji", to: "russian-front-lines") { routes { confidence hops { from { id name } to { id name } relationship { id type status confidence evidence { quote } } } } } }`;
/** The peer's: the same routes and fields, in its schema. */
export const PEER_ROUTES = `{ routes(from: "dji", to: "russian-front-lines") { confidence hops { from { id name } to { id name } relationship { id type status confidence evidenceQuotes } } } }`;

/** Our neighbourhood question at `depth`: entities and relationships with evidence. */
export function ourNeighborhood(depth: number): string {
  return `{ neighborhood(id: "${NEIGHBORHOOD_CENTER}", depth: ${depth}) { nodes { id name kind } edges { id type status confidence from { id } to { id } evidence { quote } } } }`;
}

/**
 * The @neo4j/graphql query for the same neighbourhood: nested relationship fields to `depth`,
 * with the claim's properties. `fields[i]` lists the fields (`TYPE_out`, `TYPE_in`) that occur
 * on the entities i hops from the center (see {@link neighborhoodFields}): selecting every field
 * of the schema at depth 2 makes a query Neo4j does not even plan within a minute.
 */
export function peerNeighborhood(depth: number, fields: readonly (readonly string[])[]): string {
  const level = (d: number): string => {
    const inner = d + 1 < depth ? ` ${level(d + 1)}` : "";
    return (fields[d] ?? [])
      .map((f) => `${f}Connection { edges { properties { id status confidence evidenceQuotes } node { id name kind${inner} } } }`)
      .join(" ");
  };
  return `{ entities(where: { id: { eq: "${NEIGHBORHOOD_CENTER}" } }) { id name kind ${level(0)} } }`;
}

/** Cypher for {@link neighborhoodFields}: the relationship types and directions around the center and its neighbours. */
export const NEIGHBORHOOD_FIELDS_QUERY = `
  MATCH (c:Entity {id: $center})
  CALL (c) { MATCH (c)-[r]-(x) RETURN collect(DISTINCT type(r) + CASE WHEN startNode(r) = c THEN '_out' ELSE '_in' END) AS first, collect(DISTINCT x) AS around }
  CALL (around) { UNWIND around AS n MATCH (n)-[r]-(y) RETURN collect(DISTINCT type(r) + CASE WHEN startNode(r) = n THEN '_out' ELSE '_in' END) AS second }
  RETURN first, second`;
/** Starts a server process and resolves with its GraphQL URL once it answers. */
export async function startServerProcess(
  kind: "ours" | "naive" | "neo4j-graphql",
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = kind === "ours" ? join(PROJECT_ROOT, "dist", "src", "cli.js") : join(PROJECT_ROOT, "dist", "bench", "routes", "peer-server.js");
  const args = kind === "ours" ? [script, "serve"] : [script, kind];
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...env, PORT: String(port), LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] });
  const url = `http://127.0.0.1:${port}/${kind === "ours" ? "graphql" : ""}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode}`);
    const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${kind} server did not answer on ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** POSTs one query and returns its JSON: the sanity check before a run. */
export async function ask(url: string, query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

/** Loads `url` with `query` from 16 connections for BENCH_THROUGHPUT_SECONDS, after a 2 s warm-up. */
export async function measureThroughput(label: string, url: string, query: string): Promise<ThroughputResult> {
  const body = JSON.stringify({ query });
  const headers = { "content-type": "application/json" };
  await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration: SECONDS });
  return {
    label,
    rps: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.non2xx + r.errors,
  };
}
