import neo4j from "neo4j-driver";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { timed } from "../lib/stats.js";
import { flowAdjacency, flowDistances, generateBenchGraph, nodeId, randomStream, type BenchGraph } from "./graph.js";
import { loadBenchGraph, loadedBenchMeta } from "./load.js";
import { applyRealShape, realShape } from "./real-shaped.js";
import { report, type Sample, type ThroughputFamily } from "./report.js";
import {
  ask,
  measureThroughput,
  NEIGHBORHOOD_CENTER,
  NEIGHBORHOOD_FIELDS_QUERY,
  ourNeighborhood,
  OUR_ROUTES,
  peerNeighborhood,
  PEER_ROUTES,
  startServerProcess,
} from "./throughput.js";

/**
 * Route benchmark: actorgraph's route engine against a peer, the naive Cypher that
 * enumerates variable-length paths and sorts them, on a deterministic synthetic supply-chain
 * graph (about 1M nodes and 5M relationships by default).
 *
 *   npm run bench:routes                  # BENCH_COMPANIES=1000000 BENCH_SEED=20230321
 *   BENCH_LOAD_ONLY=1 npm run bench:routes   # generate and load the graph, measure nothing
 *   BENCH_THROUGHPUT=0 npm run bench:routes  # skip the throughput families
 *
 * Without NEO4J_URI it starts a separate local Neo4j in .neo4j-bench/ on 127.0.0.1:7690
 * (heap 4g, page cache 6g), loads the graph once (and makes it real-shaped, real-shaped.ts, and
 * adds the seed), and reuses it on later runs. BENCHMARKS.md describes every family.
 */
const SEED = Number(process.env.BENCH_SEED ?? 20230321);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 1_000_000);
const PAIRS_PER_DISTANCE = Number(process.env.BENCH_PAIRS ?? 20);
const ADVERSARIAL = Number(process.env.BENCH_ADVERSARIAL ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PEER_TIMEOUT_MS = Number(process.env.BENCH_PEER_TIMEOUT_MS ?? 10_000);
const EXPOSURE = Number(process.env.BENCH_EXPOSURE ?? 20);
const THROUGHPUT = process.env.BENCH_THROUGHPUT !== "0";
/** HTTP port of the servers the throughput families start (not 4190: fetch refuses it, a "bad port" of the Fetch standard). */
const HTTP_PORT = Number(process.env.BENCH_HTTP_PORT ?? 4196);
const BUDGET_MS = 2000;
/** A response counts as within budget when it arrives by the budget plus this grace, for result loading and HTTP-free overhead. */
const GRACE_MS = 200;

/**
 * The peer's queries. Cypher cannot take hop bounds as parameters, so each bound used here
 * is its own literal query; the values (ids, k) are still parameters.
 */
const PEER = {
  flow6: "MATCH p = (a:Entity {id: $from})-[:SUPPLIED|PAID|DEPLOYED_TO|FINANCED*1..6]->(b:Entity {id: $to})",
  flow10: "MATCH p = (a:Entity {id: $from})-[:SUPPLIED|PAID|DEPLOYED_TO|FINANCED*1..10]->(b:Entity {id: $to})",
  any10: "MATCH p = (a:Entity {id: $from})-[*1..10]-(b:Entity {id: $to})",
  any4: "MATCH p = (a:Entity {id: $from})-[*1..4]-(b:Entity {id: $to})",
  /** ANY over the types ours walks by default on this graph (not the context BASED_IN). */
  route6: "MATCH p = (a:Entity {id: $from})-[:SUPPLIED|PAID|PART_OF*1..6]-(b:Entity {id: $to})",
  /** Exposure: paths of up to 4 hops to any entity with the topic. */
  exposure4: "MATCH p = (a:Entity {id: $from})-[:SUPPLIED|PAID|PART_OF*1..4]-(b:Entity) WHERE 'sanction' IN coalesce(b.topics, []) AND b <> a",
} as const;
const PEER_TAIL =
  " WITH p, reduce(c = 1.0, r IN relationships(p) | c * r.confidence) AS confidence" +
  " RETURN [r IN relationships(p) | r.id] AS rels, confidence ORDER BY confidence DESC, length(p) ASC LIMIT $k";

async function main(): Promise<void> {
  const env = process.env.NEO4J_URI ? process.env : startBenchNeo4j();
  const app = createApp(loadConfig({ ...env, LOG_LEVEL: "silent", ROUTE_BUDGET_MS: String(BUDGET_MS) }));
  const { driver } = app;
  const database = app.config.neo4jDatabase;
  try {
    const t0 = performance.now();
    const g = generateBenchGraph(SEED, COMPANIES);
    log(`generated ${g.nodeCount.toLocaleString()} nodes, ${g.relCount.toLocaleString()} relationships in ${Math.round(performance.now() - t0)} ms`);
    await app.admin.applySchema();
    const meta = await loadedBenchMeta(driver, database);
    if (meta && (meta.seed !== SEED || meta.nodes !== g.nodeCount)) {
      throw new Error(
        `.neo4j-bench holds another graph (seed ${meta.seed}, ${meta.nodes} nodes); delete .neo4j-bench/ or set BENCH_SEED/BENCH_COMPANIES to match`,
      );
    }
    if (!meta) {
      const t1 = performance.now();
      await loadBenchGraph(driver, database, g, SEED, (done, total) => {
        if (done % 500_000 < 20_000 || done === total) log(`  loaded ${done.toLocaleString()} / ${total.toLocaleString()} relationships`);
      });
      log(`loaded in ${Math.round((performance.now() - t1) / 1000)} s`);
    } else {
      log("reusing the graph already loaded in the benchmark database");
    }
    await applyRealShape(driver, database, g, SEED, log);
    await app.admin.applySeed();

    if (process.env.BENCH_LOAD_ONLY === "1") return;
    const samples: Sample[] = [];
    const measure = async (family: string, label: string, ours: () => Promise<{ routes: number; reason: string | null }>, peer: () => Promise<unknown>) => {
      const o = await timed(ours);
      let peerTimedOut = false;
      const p = await timed(async () => {
        try {
          await peer();
        } catch (err) {
          if (!/TransactionTimedOut|timed out|terminated/i.test(String((err as Error).message) + String((err as { code?: string }).code))) throw err;
          peerTimedOut = true;
        }
      });
      samples.push({
        family,
        label,
        oursMs: o.ms,
        peerMs: p.ms,
        peerTimedOut,
        oursRoutes: o.value.routes,
        oursReason: o.value.reason,
        withinBudget: o.ms <= BUDGET_MS + GRACE_MS,
      });
    };
    const routes = (from: number, to: number, maxHops: number, direction: "FLOW" | "ANY") => async () => {
      const r = await app.services.routes.findRoutes({ from: nodeId(from), to: nodeId(to), maxHops, limit: 5, direction });
      return { routes: r.routes.length, reason: r.reason };
    };
    const peer = (q: keyof typeof PEER, from: number, to: number) => () =>
      driver.executeQuery(
        PEER[q] + PEER_TAIL,
        { from: nodeId(from), to: nodeId(to), k: neo4j.int(5) },
        {
          database,
          transactionConfig: { timeout: PEER_TIMEOUT_MS },
        },
      );

    // Warm the page cache and the query plans once, unmeasured.
    const adj = flowAdjacency(g);
    const pairs = pickPairs(g, adj);
    for (const [a, b] of pairs.slice(0, 5)) await routes(a, b, 6, "FLOW")();

    for (const [a, b, d] of pairs) await measure("routes", `d=${d}`, routes(a, b, 6, "FLOW"), peer("flow6", a, b));
    log(`routes: ${pairs.length} pairs measured`);

    const adversarial = pickAdversarial(g);
    for (const q of adversarial) await measure("adversarial", q.label, routes(q.from, q.to, q.maxHops, q.direction), peer(q.peer, q.from, q.to));
    log(`adversarial: ${adversarial.length} queries measured`);

    const rnd = randomStream(SEED + 7);
    for (let i = 0; i < CONNECTIONS; i += 1) {
      const ids = Array.from({ length: 5 }, () => g.tierStart[0]! + Math.floor(rnd() * (g.tierStart[6]! - g.tierStart[0]!)));
      await measure(
        "connections",
        "5 ids",
        async () => {
          const c = await app.services.connections.connect(ids.map(nodeId), { maxHops: 4, direction: "ANY" });
          return { routes: c.routes.length, reason: c.reason };
        },
        async () => {
          for (let x = 0; x < ids.length; x += 1) for (let y = x + 1; y < ids.length; y += 1) await peer("any4", ids[x]!, ids[y]!)().catch(() => undefined);
        },
      );
    }
    const rndAny = randomStream(SEED + 11);
    const company = () => Math.floor(rndAny() * g.tierStart[7]!);
    for (let i = 0; i < ADVERSARIAL; i += 1) {
      const [a, b] = [company(), company()];
      await measure("any real-shaped", "random pair, ANY, 6 hops, jurisdiction and country present", routes(a, b, 6, "ANY"), peer("route6", a, b));
    }
    log(`any real-shaped: ${ADVERSARIAL} pairs measured`);
    const rndExp = randomStream(SEED + 13);
    for (let i = 0; i < EXPOSURE; i += 1) {
      const from = g.tierStart[1]! + Math.floor(rndExp() * (g.tierStart[6]! - g.tierStart[1]!));
      await measure(
        "exposure",
        "random company, topic sanction, 4 hops",
        async () => {
          const r = await app.services.routes.exposure({ id: nodeId(from), topics: ["sanction"], limit: 5 });
          return { routes: r.routes.length, reason: r.reason };
        },
        () =>
          driver.executeQuery(
            PEER.exposure4 + PEER_TAIL,
            { from: nodeId(from), k: neo4j.int(5) },
            { database, transactionConfig: { timeout: PEER_TIMEOUT_MS } },
          ),
      );
    }
    log(`exposure: ${EXPOSURE} companies measured`);
    const extra = realShape(g, SEED).jurisdiction.length;
    const header = `graph: ${g.nodeCount.toLocaleString()} nodes, ${(g.relCount + extra).toLocaleString()} relationships (seed ${SEED}; ${extra.toLocaleString()} of them real-shaped jurisdictions), plus the article's seed graph; budget ${BUDGET_MS} ms; peer timeout ${PEER_TIMEOUT_MS} ms`;
    const summary = { seed: SEED, nodes: g.nodeCount, relationships: g.relCount + extra };
    report(header, samples, [], summary);
    if (THROUGHPUT) {
      const fields = await driver.executeQuery(NEIGHBORHOOD_FIELDS_QUERY, { center: NEIGHBORHOOD_CENTER }, { database });
      const rec = fields.records[0]!;
      const levels = [rec.get("first") as string[], rec.get("second") as string[]];
      report(header, samples, await throughputFamilies(env, levels), summary);
    }
  } finally {
    await app.close();
  }
}

/**
 * Our server (as `actorgraph serve` runs it), with and without its route cache, against a
 * minimal Apollo server running the naive Cypher (routes) and against @neo4j/graphql 7 (neighbourhoods).
 */
async function throughputFamilies(env: NodeJS.ProcessEnv, fields: readonly (readonly string[])[]): Promise<ThroughputFamily[]> {
  const questions = [
    { family: "routes DJI → front", ours: OUR_ROUTES, peerKind: "naive" as const, peer: PEER_ROUTES },
    { family: "neighborhood depth 1", ours: ourNeighborhood(1), peerKind: "neo4j-graphql" as const, peer: peerNeighborhood(1, fields) },
    { family: "neighborhood depth 2", ours: ourNeighborhood(2), peerKind: "neo4j-graphql" as const, peer: peerNeighborhood(2, fields) },
  ];
  const run = async (kind: "ours" | "naive" | "neo4j-graphql", extraEnv: Record<string, string>, label: string, query: string) => {
    const server = await startServerProcess(kind, { ...env, ...extraEnv }, HTTP_PORT);
    try {
      const check = await ask(server.url, query);
      if (check.errors || !check.data) throw new Error(`${label} answered ${JSON.stringify(check).slice(0, 500)}`);
      log(`${label}: ${JSON.stringify(check.data).length} bytes of data per answer`);
      return await measureThroughput(label, server.url, query);
    } finally {
      await server.stop();
    }
  };
  const out: ThroughputFamily[] = [];
  for (const q of questions) {
    out.push({
      family: q.family,
      ours: await run("ours", {}, "ours", q.ours),
      oursCold: await run("ours", { ROUTE_CACHE_RELATIONSHIPS: "0" }, "ours, cache off", q.ours),
      peer: await run(q.peerKind, {}, q.peerKind === "naive" ? "Apollo + naive Cypher" : "@neo4j/graphql 7", q.peer),
    });
    log(`throughput: ${q.family} measured`);
  }
  return out;
}

/** Pairs (from, to, distance) whose FLOW hop distance is exactly 2…6, PAIRS_PER_DISTANCE each. */
function pickPairs(g: BenchGraph, adj: ReturnType<typeof flowAdjacency>): [number, number, number][] {
  const rnd = randomStream(SEED + 1);
  const out: [number, number, number][] = [];
  for (let d = 2; d <= 6; d += 1) {
    let found = 0;
    for (let tries = 0; found < PAIRS_PER_DISTANCE && tries < 10_000; tries += 1) {
      const from = g.tierStart[0]! + Math.floor(rnd() * (g.tierStart[2]! - g.tierStart[0]!));
      const dist = flowDistances(adj, from, d);
      const atD = [...dist].filter(([, k]) => k === d).map(([v]) => v);
      if (atD.length === 0) continue;
      out.push([from, atD[Math.floor(rnd() * atD.length)]!, d]);
      found += 1;
    }
  }
  return out;
}

/** Hubs, unreachable targets and maxHops at its cap, ADVERSARIAL of each. */
function pickAdversarial(g: BenchGraph) {
  const rnd = randomStream(SEED + 2);
  const inTier = (t: number) => g.tierStart[t]! + Math.floor(rnd() * (g.tierStart[t + 1]! - g.tierStart[t]!));
  const qs: { label: string; from: number; to: number; maxHops: number; direction: "FLOW" | "ANY"; peer: keyof typeof PEER }[] = [];
  for (let i = 0; i < ADVERSARIAL; i += 1) {
    // tier starts are the power-law hubs: the busiest intermediary, shell and importer.
    qs.push({ label: "hub→hub, FLOW, 10 hops", from: g.tierStart[2]! + i, to: g.tierStart[5]!, maxHops: 10, direction: "FLOW", peer: "flow10" });
    qs.push({ label: "no path (end user→manufacturer), FLOW, 10 hops", from: inTier(6), to: inTier(0), maxHops: 10, direction: "FLOW", peer: "flow10" });
    qs.push({ label: "random pair, ANY, 10 hops", from: inTier(1), to: inTier(5), maxHops: 10, direction: "ANY", peer: "any10" });
  }
  return qs;
}

/** Starts (or reuses) the benchmark's own Neo4j and returns the environment to reach it. */
function startBenchNeo4j(): NodeJS.ProcessEnv {
  const env = {
    ...process.env,
    NEO4J_STATE_DIR: join(PROJECT_ROOT, ".neo4j-bench"),
    NEO4J_BOLT_PORT: "7690",
    NEO4J_HTTP_PORT: "off",
    NEO4J_HEAP: process.env.NEO4J_HEAP ?? "4g",
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? "6g",
  };
  const res = spawnSync("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "start"], { env, stdio: "inherit" });
  if (res.status !== 0) throw new Error("could not start the benchmark Neo4j");
  const password = readFileSync(join(PROJECT_ROOT, ".neo4j-bench", "password"), "utf8").trim();
  return { ...process.env, NEO4J_URI: "neo4j://127.0.0.1:7690", NEO4J_PASSWORD: password };
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
