import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import neo4j from "neo4j-driver";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { MAX_EVIDENCE_PER_RELATIONSHIP } from "../../src/import/batch-facts.js";
import { DEFAULT_BATCH_SIZES } from "../../src/import/importer.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { oursDeciles, progressDeciles, RssSampler, type Decile } from "./memory.js";
import { PEER_LOAD_CSV } from "./peer.js";

/**
 * Import benchmark: `actorgraph import customs` (in-process, through ImportService) against a
 * peer, Neo4j's own `LOAD CSV … CALL {…} IN TRANSACTIONS` writing the same graph with the same
 * evidence model (bench/import/peer.ts), on the same generated customs.csv, each into an emptied
 * database with the same schema. Prints rows/s, wall seconds, our peak RSS, ours/peer, deciles
 * (batch time and RSS for ours, rows/s for both) and a per-type comparison of the two graphs.
 *
 *   npm run bench:import                     # BENCH_DECLARATIONS=1000000 BENCH_SEED=20230321
 *   BENCH_DECLARATIONS=50000 BENCH_BATCH_SIZE=5000 BENCH_PEER_BATCH=1000 npm run bench:import
 *   BENCH_DECLARATIONS=100000 BENCH_PEER=false npm run bench:import   # ours only, with stage times
 *   BENCH_WARMUP=0 npm run bench:import                               # no warm-up (default 50 000 declarations)
 *
 * Without NEO4J_URI it starts a separate local Neo4j in .neo4j-bench-import/ on 127.0.0.1:
 * $BENCH_BOLT_PORT (default 7694; heap 4g, page cache 4g, NEO4J_HEAP / NEO4J_PAGECACHE override)
 * whose LOAD CSV import directory is .neo4j-bench-import/home/import, where the file is
 * generated; `BENCH_STOP_DB=true` stops it at the end. With NEO4J_URI, set BENCH_DATA_DIR to
 * that server's import directory. Both runs start by deleting every node in the database, after
 * both sides imported a small warm-up file ($BENCH_WARMUP declarations, default 50 000).
 */
const SEED = Number(process.env.BENCH_SEED ?? 20230321);
const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
/** Our records per transaction: the customs import's default (DEFAULT_BATCH_SIZES) unless BENCH_BATCH_SIZE says otherwise. */
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? DEFAULT_BATCH_SIZES.customs);
/** Rows per transaction of the peer's CALL { … } IN TRANSACTIONS; same as our batch, so neither side pays more commits. */
const PEER_BATCH = Number(process.env.BENCH_PEER_BATCH ?? BATCH_SIZE);
const STATE_DIR = join(PROJECT_ROOT, ".neo4j-bench-import");
/** BENCH_PEER=false runs our side only (while working on it); no ratio is printed then. */
const PEER = process.env.BENCH_PEER !== "false";
const BOLT_PORT = process.env.BENCH_BOLT_PORT ?? "7694";
/** Declarations of the warm-up file both sides import before the measured runs (0: none). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50_000);

/** Without NEO4J_URI the bench starts its own Neo4j, whose pid file and /proc entry are ours to read. */
const OWN_NEO4J = !process.env.NEO4J_URI;

interface GraphShape {
  nodes: number;
  relationships: number;
  /** Per relationship type: count, summed statementCount, summed evidence entries. */
  types: Record<string, { n: number; statements: number; evidence: number }>;
}

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR ?? join(STATE_DIR, "home", "import");
  const env = OWN_NEO4J ? startBenchNeo4j() : process.env;
  const app = createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  const database = app.config.neo4jDatabase;
  // Auto-commit: CALL { … } IN TRANSACTIONS cannot run inside an explicit transaction.
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = app.driver.session({ database });
    try {
      return await session.run(cypher, params, { timeout: 6 * 3_600_000 });
    } finally {
      await session.close();
    }
  };
  // Relationships first, then nodes: DETACH DELETE of 2000 nodes that include hubs (tens of
  // thousands of relationships each) exceeded the 2 GiB transaction memory cap at 500 000 rows.
  const clear = async () => {
    await run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS");
    await run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS");
  };
  const shape = async (): Promise<GraphShape> => {
    const nodes = Number((await run("MATCH (n) RETURN count(n) AS n")).records[0]!.get("n"));
    const rows = await run(
      "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n, sum(coalesce(r.statementCount, 0)) AS statements, sum(size(coalesce(r.evidenceQuotes, []))) AS evidence ORDER BY type",
    );
    const types: GraphShape["types"] = {};
    for (const r of rows.records)
      types[String(r.get("type"))] = { n: Number(r.get("n")), statements: Number(r.get("statements")), evidence: Number(r.get("evidence")) };
    return { nodes, relationships: Object.values(types).reduce((a, t) => a + t.n, 0), types };
  };
  try {
    const file = generate(dataDir);
    const rows = DECLARATIONS;
    await app.admin.applySchema();

    if (WARMUP > 0) {
      // Both sides once on a small file first, so that neither measured run pays for a cold
      // server (JIT compilation, first plans): before, ours ran first on a fresh server and
      // its first decile took 25–30 % longer than the rest, while the peer came second, warm.
      const warmFile = generate(join(dataDir, "warmup"), WARMUP);
      await clear();
      const w0 = performance.now();
      await app.imports.importFile({ format: "customs", path: warmFile, rejectsFile: null, batchSize: BATCH_SIZE });
      const w1 = performance.now();
      await clear();
      await run(PEER_LOAD_CSV, {
        url: "file:///warmup/customs.csv",
        sourceId: "dataset-customs-peer",
        maxEvidence: MAX_EVIDENCE_PER_RELATIONSHIP,
        rowsPerTransaction: neo4j.int(PEER_BATCH),
      });
      log(
        `warm-up on ${WARMUP.toLocaleString("en-US")} declarations: ours ${((w1 - w0) / 1000).toFixed(1)} s, peer ${((performance.now() - w1) / 1000).toFixed(1)} s`,
      );
    }

    await clear();
    log("ours: importing");
    const sampler = new RssSampler();
    const oursCpu = cpuClock();
    const stageMs = new Map<string, number>();
    const bets = { won: 0, lost: 0, none: 0 };
    const t0 = performance.now();
    const summary = await app.imports.importFile({
      format: "customs",
      path: file,
      rejectsFile: null,
      batchSize: BATCH_SIZE,
      onProgress: (p) => {
        sampler.batch(p.written, p.batch.ms);
        for (const [stage, ms] of Object.entries(p.batch.stages)) stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms);
        bets[p.batch.freshSupplied] += 1;
      },
    });
    const oursS = (performance.now() - t0) / 1000;
    const oursCpuS = oursCpu();
    const memory = sampler.stop();
    const ours = await shape();
    log(
      `ours: ${summary.read} read, ${summary.created} created, ${summary.rejected} rejected in ${oursS.toFixed(1)} s (${(rows / oursS).toFixed(0)} rows/s), peak RSS ${(memory.peak / 2 ** 20).toFixed(0)} MiB`,
    );
    log(
      `ours deciles: ${JSON.stringify(oursDeciles(memory.batches, rows).map((d) => [d.decile, d.rows, +d.atS.toFixed(1), Math.round(d.batchMsMean!), Math.round(d.rssMax! / 2 ** 20)]))}`,
    );
    const batches = memory.batches.length;
    const stages = `${[...stageMs].map(([stage, ms]) => `${stage} ${Math.round(ms / batches)}`).join(", ")}; batches whose new SUPPLIED were bet new (BatchOptions.freshSupplied): won ${bets.won}, lost ${bets.lost}, not bet ${bets.none}`;
    log(`ours stages, mean ms per batch: ${stages}`);
    log(`ours CPU: ${cpuText(oursCpuS)}`);
    log(`ours graph: ${JSON.stringify(ours)}`);
    if (!PEER) return;

    await clear();
    log("peer: LOAD CSV");
    const peerProgress: { atS: number; rows: number }[] = [];
    const peerCpu = cpuClock();
    const t1 = performance.now();
    // The peer writes two SUPPLIED per generated row (every row names a manufacturer); the count store answers in O(1).
    const poll = setInterval(() => {
      run("MATCH ()-[r:SUPPLIED]->() RETURN count(r) AS n")
        .then((r) => peerProgress.push({ atS: (performance.now() - t1) / 1000, rows: Number(r.records[0]!.get("n")) / 2 }))
        .catch(() => undefined);
    }, 2000);
    try {
      await run(PEER_LOAD_CSV, {
        url: "file:///customs.csv",
        sourceId: "dataset-customs-peer",
        maxEvidence: MAX_EVIDENCE_PER_RELATIONSHIP,
        rowsPerTransaction: neo4j.int(PEER_BATCH),
      });
    } finally {
      clearInterval(poll);
    }
    const peerS = (performance.now() - t1) / 1000;
    const peerCpuS = peerCpu();
    peerProgress.push({ atS: peerS, rows });
    const peer = await shape();

    const oursRate = rows / oursS;
    const peerRate = rows / peerS;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    const od = oursDeciles(memory.batches, rows);
    const pd = progressDeciles(peerProgress, rows);
    const sameShape = JSON.stringify(ours) === JSON.stringify(peer);
    const first = od[0];
    const last = od[od.length - 1];
    const lines = [
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${mib(totalmem())} RAM, shared with other work; Node ${process.version}`,
      `declarations: ${rows.toLocaleString("en-US")} (seed ${SEED}, ${mib(readSize(file))} customs.csv, after a warm-up of ${WARMUP.toLocaleString("en-US")} for each side); our batch ${BATCH_SIZE} records, peer ${PEER_BATCH} rows per transaction; evidence cap ${MAX_EVIDENCE_PER_RELATIONSHIP}`,
      "",
      "| side | seconds | rows/s | nodes | relationships |",
      "|---|---|---|---|---|",
      `| ours (actorgraph import customs) | ${oursS.toFixed(1)} | ${oursRate.toFixed(0)} | ${ours.nodes} | ${ours.relationships} |`,
      `| peer (LOAD CSV … IN TRANSACTIONS OF ${PEER_BATCH} ROWS) | ${peerS.toFixed(1)} | ${peerRate.toFixed(0)} | ${peer.nodes} | ${peer.relationships} |`,
      "",
      `ours/peer throughput: ${(oursRate / peerRate).toFixed(2)}x`,
      `same graph (nodes, and per type: relationships, summed statementCount, evidence entries): ${sameShape ? "yes" : "NO"}`,
      ...Object.keys({ ...ours.types, ...peer.types })
        .sort()
        .map((t) => `  ${t}: ours ${fmt(ours.types[t])}, peer ${fmt(peer.types[t])}`),
      `ours peak RSS: ${mib(memory.peak)}`,
      `ours stages, mean ms per batch: ${stages}`,
      `CPU seconds, ours: ${cpuText(oursCpuS)}; peer: ${cpuText(peerCpuS)}`,
      "",
      "| decile | rows | ours s | ours rows/s | ours batch ms mean / max | ours RSS max | peer s | peer rows/s |",
      "|---|---|---|---|---|---|---|---|",
      ...Array.from({ length: 10 }, (_, i) =>
        decileRow(
          i + 1,
          od.find((d) => d.decile === i + 1),
          pd.find((d) => d.decile === i + 1),
          mib,
        ),
      ),
      "",
      first && last
        ? `ours first vs last decile: batch ${first.batchMsMean!.toFixed(0)} → ${last.batchMsMean!.toFixed(0)} ms (x${(last.batchMsMean! / first.batchMsMean!).toFixed(2)}), RSS ${mib(first.rssMax!)} → ${mib(last.rssMax!)}`
        : "",
      pd.length >= 10 ? `peer first vs last decile: ${pd[0]!.rowsPerS.toFixed(0)} → ${pd[9]!.rowsPerS.toFixed(0)} rows/s` : "",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
    writeFileSync(
      join(PROJECT_ROOT, "bench", "results", "import.json"),
      JSON.stringify(
        {
          seed: SEED,
          declarations: rows,
          batchSize: BATCH_SIZE,
          peerBatch: PEER_BATCH,
          ours: { seconds: oursS, rowsPerSecond: oursRate, ...ours, peakRss: memory.peak, deciles: od, batches: memory.batches },
          peer: { seconds: peerS, rowsPerSecond: peerRate, ...peer, deciles: pd },
        },
        null,
        1,
      ),
    );
  } finally {
    await app.close();
    if (OWN_NEO4J && process.env.BENCH_STOP_DB === "true") stopBenchNeo4j();
  }
}

function fmt(t: { n: number; statements: number; evidence: number } | undefined): string {
  return t ? `${t.n} rels / ${t.statements} statements / ${t.evidence} evidence` : "none";
}

function decileRow(d: number, o: Decile | undefined, p: Decile | undefined, mib: (b: number) => string): string {
  const ours = o
    ? `${o.atS.toFixed(1)} | ${o.rowsPerS.toFixed(0)} | ${o.batchMsMean!.toFixed(0)} / ${o.batchMsMax!.toFixed(0)} | ${mib(o.rssMax!)}`
    : "– | – | – | –";
  const peer = p ? `${p.atS.toFixed(1)} | ${p.rowsPerS.toFixed(0)}` : "– | –";
  return `| ${d * 10}% | ${(o?.rows ?? p?.rows ?? 0).toLocaleString("en-US")} | ${ours} | ${peer} |`;
}

/** Writes customs.csv (and the generator's other files) into `dir` with `actorgraph generate`, in a child process so its memory is not ours. */
function generate(dir: string, declarations = DECLARATIONS): string {
  const t = performance.now();
  const res = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, "dist", "src", "cli.js"), "generate", "--out", dir, "--declarations", String(declarations), "--seed", String(SEED)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (res.status !== 0) throw new Error("actorgraph generate failed");
  log(`generated ${declarations.toLocaleString("en-US")} declarations in ${Math.round((performance.now() - t) / 1000)} s`);
  return join(dir, "customs.csv");
}

/** CPU seconds used so far by this process and, when the bench started it, the Neo4j JVM. */
interface CpuSeconds {
  node: number;
  /** Null when the server is not ours to read (NEO4J_URI given, or no procfs). */
  server: number | null;
}

/** Starts a CPU clock: the returned function gives the CPU seconds used since, per process (utime + stime from /proc/<pid>/stat for the server). */
function cpuClock(): () => CpuSeconds {
  const read = (): CpuSeconds => {
    const { user, system } = process.cpuUsage();
    return { node: (user + system) / 1e6, server: serverCpuSeconds() };
  };
  const start = read();
  return () => {
    const now = read();
    return { node: now.node - start.node, server: now.server === null || start.server === null ? null : now.server - start.server };
  };
}

/** The bench's Neo4j JVM CPU seconds (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s on Linux), or null. */
function serverCpuSeconds(): number | null {
  if (!OWN_NEO4J) return null;
  try {
    const pid = readFileSync(join(STATE_DIR, "neo4j.pid"), "utf8").trim();
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function cpuText(c: CpuSeconds): string {
  return `Node ${c.node.toFixed(1)} s, Neo4j ${c.server === null ? "n/a" : `${c.server.toFixed(1)} s`}`;
}

function readSize(file: string): number {
  return statSync(file).size;
}

function benchEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_STATE_DIR: STATE_DIR,
    NEO4J_BOLT_PORT: BOLT_PORT,
    NEO4J_HTTP_PORT: "off",
    NEO4J_HEAP: process.env.NEO4J_HEAP ?? "4g",
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? "4g",
    NEO4J_TX_MEMORY_MAX: process.env.NEO4J_TX_MEMORY_MAX ?? "2g",
    NEO4J_TX_TIMEOUT: process.env.NEO4J_TX_TIMEOUT ?? "6h",
  };
}

/** Starts (or reuses) the benchmark's own Neo4j, with LOAD CSV reading from its home/import, and returns the environment to reach it. */
function startBenchNeo4j(): NodeJS.ProcessEnv {
  mkdirSync(join(STATE_DIR, "home", "conf"), { recursive: true });
  // Transaction logs are kept to 1 GB, pruned at checkpoints taken every minute: with Neo4j's
  // defaults (logs kept two days, a checkpoint every 15 min) a 1M-row run of both sides wrote
  // over 30 GB of logs and filled the disk before the peer finished.
  writeFileSync(
    join(STATE_DIR, "home", "conf", "neo4j.conf"),
    `server.directories.import=${join(STATE_DIR, "home", "import")}\ndbms.security.allow_csv_import_from_file_urls=true\n` +
      "db.tx_log.rotation.retention_policy=1G size\ndb.checkpoint.interval.time=1m\n",
  );
  const res = spawnSync("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "start"], { env: benchEnv(), stdio: "inherit" });
  if (res.status !== 0) throw new Error("could not start the benchmark Neo4j");
  const password = readFileSync(join(STATE_DIR, "password"), "utf8").trim();
  return { ...process.env, NEO4J_URI: `neo4j://127.0.0.1:${BOLT_PORT}`, NEO4J_PASSWORD: password };
}

function stopBenchNeo4j(): void {
  spawnSync("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "stop"], { env: benchEnv(), stdio: "inherit" });
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
