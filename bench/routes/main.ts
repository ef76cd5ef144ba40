import neo4j from "neo4j-driver";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { summarize, timed, type Summary } from "../lib/stats.js";
import { flowAdjacency, flowDistances, generateBenchGraph, nodeId, randomStream, type BenchGraph } from "./graph.js";
import { loadBenchGraph, loadedBenchMeta } from "./load.js";

/**
 * Route benchmark: actorgraph's route engine against a peer, the naive Cypher that
 * enumerates variable-length paths and sorts them, on a deterministic synthetic supply-chain
 * graph (about 1M nodes and 5M relationships by default).
 *
 *   npm run bench:routes                  # BENCH_COMPANIES=1000000 BENCH_SEED=20230321
 *   BENCH_LOAD_ONLY=1 npm run bench:routes   # generate and load the graph, measure nothing
 *
 * Without NEO4J_URI it starts a separate local Neo4j in .neo4j-bench/ on 127.0.0.1:7690
 * (heap 4g, page cache 6g), loads the graph once, and reuses it on later runs.
 */
const SEED = Number(process.env.BENCH_SEED ?? 20230321);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 1_000_000);
const PAIRS_PER_DISTANCE = Number(process.env.BENCH_PAIRS ?? 20);
const ADVERSARIAL = Number(process.env.BENCH_ADVERSARIAL ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PEER_TIMEOUT_MS = Number(process.env.BENCH_PEER_TIMEOUT_MS ?? 10_000);
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
} as const;
const PEER_TAIL =
  " WITH p, reduce(c = 1.0, r IN relationships(p) | c * r.confidence) AS confidence" +
  " RETURN [r IN relationships(p) | r.id] AS rels, confidence ORDER BY confidence DESC, length(p) ASC LIMIT $k";

interface Sample {
  family: string;
  label: string;
  oursMs: number;
  peerMs: number;
  peerTimedOut: boolean;
  oursRoutes: number;
  oursReason: string | null;
  withinBudget: boolean;
}

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
      throw new Error(`.neo4j-bench holds another graph (seed ${meta.seed}, ${meta.nodes} nodes); delete .neo4j-bench/ or set BENCH_SEED/BENCH_COMPANIES to match`);
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
        family, label, oursMs: o.ms, peerMs: p.ms, peerTimedOut,
        oursRoutes: o.value.routes, oursReason: o.value.reason, withinBudget: o.ms <= BUDGET_MS + GRACE_MS,
      });
    };
    const routes = (from: number, to: number, maxHops: number, direction: "FLOW" | "ANY") => async () => {
      const r = await app.services.routes.findRoutes({ from: nodeId(from), to: nodeId(to), maxHops, limit: 5, direction });
      return { routes: r.routes.length, reason: r.reason };
    };
    const peer = (q: keyof typeof PEER, from: number, to: number) => () =>
      driver.executeQuery(PEER[q] + PEER_TAIL, { from: nodeId(from), to: nodeId(to), k: neo4j.int(5) }, {
        database, transactionConfig: { timeout: PEER_TIMEOUT_MS },
      });

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
    report(samples, g);
  } finally {
    await app.close();
  }
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
    qs.push({ label: "random pair, ANY, 10 hops (country hubs)", from: inTier(1), to: inTier(5), maxHops: 10, direction: "ANY", peer: "any10" });
  }
  return qs;
}

function report(samples: Sample[], g: BenchGraph): void {
  const families = ["routes", "adversarial", "connections"];
  const rows: string[] = [];
  const fmt = (s: Summary) => `${s.p50} / ${s.p95} / ${s.p99}`;
  rows.push(`graph: ${g.nodeCount.toLocaleString()} nodes, ${g.relCount.toLocaleString()} relationships (seed ${SEED}); budget ${BUDGET_MS} ms; peer timeout ${PEER_TIMEOUT_MS} ms`);
  rows.push("");
  rows.push("| family | n | ours p50 / p95 / p99 (ms) | peer p50 / p95 / p99 (ms) | ours/peer p50 | ours/peer p95 | ours/peer p99 | peer timeouts | ours within budget |");
  rows.push("|---|---|---|---|---|---|---|---|---|");
  const json: Record<string, unknown> = {};
  for (const family of families) {
    const fs = samples.filter((s) => s.family === family);
    if (fs.length === 0) continue;
    const ours = summarize(fs.map((s) => s.oursMs));
    const peer = summarize(fs.map((s) => s.peerMs));
    const ratio = (a: number, b: number) => (a / b).toFixed(3);
    const within = fs.filter((s) => s.withinBudget).length;
    rows.push(
      `| ${family} | ${fs.length} | ${fmt(ours)} | ${fmt(peer)} | ${ratio(ours.p50, peer.p50)} | ${ratio(ours.p95, peer.p95)} | ${ratio(ours.p99, peer.p99)} | ${fs.filter((s) => s.peerTimedOut).length} | ${within}/${fs.length} (${((100 * within) / fs.length).toFixed(0)}%) |`,
    );
    json[family] = { ours, peer, within, n: fs.length };
  }
  rows.push("");
  rows.push("per label (ours p95 ms, reasons):");
  for (const label of [...new Set(samples.map((s) => `${s.family}: ${s.label}`))]) {
    const ls = samples.filter((s) => `${s.family}: ${s.label}` === label);
    const reasons = [...new Set(ls.map((s) => s.oursReason ?? "complete"))].join(", ");
    rows.push(`  ${label}: n=${ls.length}, ours p95 ${summarize(ls.map((s) => s.oursMs)).p95}, peer p95 ${summarize(ls.map((s) => s.peerMs)).p95}, routes found ${ls.filter((s) => s.oursRoutes > 0).length}/${ls.length}, ${reasons}`);
  }
  process.stdout.write(`${rows.join("\n")}\n`);
  mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, "bench", "results", "routes.json"), JSON.stringify({ seed: SEED, nodes: g.nodeCount, relationships: g.relCount, families: json, samples }, null, 1));
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
