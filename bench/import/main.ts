import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { RssSampler } from "./memory.js";
import { PEER_LOAD_CSV } from "./peer.js";

/**
 * Import benchmark: `actorgraph import customs` (in-process, through ImportService) against a
 * peer, Neo4j's own `LOAD CSV … CALL {…} IN TRANSACTIONS OF 1000 ROWS` writing the same graph
 * shape (bench/import/peer.ts), on the same generated customs.csv, each into an empty database.
 *
 *   npm run bench:import                     # BENCH_DECLARATIONS=1000000 BENCH_SEED=20230321
 *   BENCH_DECLARATIONS=50000 BENCH_BATCH_SIZE=5000 npm run bench:import
 *
 * Without NEO4J_URI it starts a separate local Neo4j in .neo4j-bench-import/ on 127.0.0.1:7694
 * (heap 4g, page cache 2g) whose LOAD CSV import directory is .neo4j-bench-import/home/import,
 * where the file is generated. With NEO4J_URI, set BENCH_DATA_DIR to that server's import
 * directory. Both runs start by deleting every node in the database.
 */
const SEED = Number(process.env.BENCH_SEED ?? 20230321);
const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
const BATCH_SIZE = process.env.BENCH_BATCH_SIZE ? Number(process.env.BENCH_BATCH_SIZE) : undefined;
const STATE_DIR = join(PROJECT_ROOT, ".neo4j-bench-import");
const BOLT_PORT = "7694";

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR ?? join(STATE_DIR, "home", "import");
  const env = process.env.NEO4J_URI ? process.env : startBenchNeo4j();
  const app = createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  const database = app.config.neo4jDatabase;
  // Auto-commit: CALL { … } IN TRANSACTIONS cannot run inside an explicit transaction.
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = app.driver.session({ database });
    try {
      return await session.run(cypher, params, { timeout: 4 * 3_600_000 });
    } finally {
      await session.close();
    }
  };
  const clear = () => run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  const counts = async () => {
    const r = await run("MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels");
    return { nodes: Number(r.records[0]!.get("nodes")), relationships: Number(r.records[0]!.get("rels")) };
  };
  try {
    const file = generate(dataDir);
    const rows = DECLARATIONS;
    await app.admin.applySchema();

    await clear();
    const sampler = new RssSampler();
    const t0 = performance.now();
    const summary = await app.imports.importFile({
      format: "customs", path: file, rejectsFile: null, batchSize: BATCH_SIZE,
      onProgress: (p) => sampler.progress(p.read / rows),
    });
    const oursS = (performance.now() - t0) / 1000;
    const memory = sampler.stop();
    const ours = await counts();
    log(`ours: ${summary.read} read, ${summary.created} created, ${summary.rejected} rejected in ${oursS.toFixed(1)} s`);

    await clear();
    const t1 = performance.now();
    await run(PEER_LOAD_CSV, { url: "file:///customs.csv", sourceId: "dataset-customs-peer" });
    const peerS = (performance.now() - t1) / 1000;
    const peer = await counts();

    const oursRate = rows / oursS;
    const peerRate = rows / peerS;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    const lines = [
      `declarations: ${rows.toLocaleString("en-US")} (seed ${SEED}, ${mib(readSize(file))} customs.csv); batch size ${BATCH_SIZE ?? "default"}`,
      "",
      "| side | seconds | rows/s | nodes | relationships |",
      "|---|---|---|---|---|",
      `| ours (actorgraph import customs) | ${oursS.toFixed(1)} | ${oursRate.toFixed(0)} | ${ours.nodes} | ${ours.relationships} |`,
      `| peer (LOAD CSV … IN TRANSACTIONS OF 1000 ROWS) | ${peerS.toFixed(1)} | ${peerRate.toFixed(0)} | ${peer.nodes} | ${peer.relationships} |`,
      "",
      `ours/peer throughput: ${(oursRate / peerRate).toFixed(2)}x`,
      `same graph size: ${ours.nodes === peer.nodes && ours.relationships === peer.relationships ? "yes" : "NO"}`,
      `ours peak RSS: ${mib(memory.peak)}; RSS at 10% of rows ${mib(memory.at10)}, at 100% ${mib(memory.at100)} (growth ${mib(memory.at100 - memory.at10)})`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
    writeFileSync(
      join(PROJECT_ROOT, "bench", "results", "import.json"),
      JSON.stringify({ seed: SEED, declarations: rows, batchSize: BATCH_SIZE ?? null, ours: { seconds: oursS, rowsPerSecond: oursRate, ...ours, memory }, peer: { seconds: peerS, rowsPerSecond: peerRate, ...peer } }, null, 1),
    );
  } finally {
    await app.close();
  }
}

/** Writes customs.csv (and the generator's other files) into `dir` with `actorgraph generate`, in a child process so its memory is not ours. */
function generate(dir: string): string {
  const t = performance.now();
  const res = spawnSync(process.execPath, [join(PROJECT_ROOT, "dist", "src", "cli.js"), "generate", "--out", dir, "--declarations", String(DECLARATIONS), "--seed", String(SEED)], { stdio: ["ignore", "ignore", "inherit"] });
  if (res.status !== 0) throw new Error("actorgraph generate failed");
  log(`generated ${DECLARATIONS.toLocaleString("en-US")} declarations in ${Math.round((performance.now() - t) / 1000)} s`);
  return join(dir, "customs.csv");
}

function readSize(file: string): number {
  return statSync(file).size;
}

/** Starts (or reuses) the benchmark's own Neo4j, with LOAD CSV reading from its home/import, and returns the environment to reach it. */
function startBenchNeo4j(): NodeJS.ProcessEnv {
  mkdirSync(join(STATE_DIR, "home", "conf"), { recursive: true });
  writeFileSync(join(STATE_DIR, "home", "conf", "neo4j.conf"), `server.directories.import=${join(STATE_DIR, "home", "import")}\ndbms.security.allow_csv_import_from_file_urls=true\n`);
  const env = {
    ...process.env,
    NEO4J_STATE_DIR: STATE_DIR,
    NEO4J_BOLT_PORT: BOLT_PORT,
    NEO4J_HTTP_PORT: "off",
    NEO4J_HEAP: process.env.NEO4J_HEAP ?? "4g",
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? "2g",
    NEO4J_TX_MEMORY_MAX: process.env.NEO4J_TX_MEMORY_MAX ?? "2g",
  };
  const res = spawnSync("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "start"], { env, stdio: "inherit" });
  if (res.status !== 0) throw new Error("could not start the benchmark Neo4j");
  const password = readFileSync(join(STATE_DIR, "password"), "utf8").trim();
  return { ...process.env, NEO4J_URI: `neo4j://127.0.0.1:${BOLT_PORT}`, NEO4J_PASSWORD: password };
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
