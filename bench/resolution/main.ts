import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { TradeNetwork } from "../../src/generate/trade-network.js";
import { ftmJsonl } from "../../src/generate/writers.js";
import { identifierKey } from "../../src/model/name-keys.js";
import { BlockIndex, generateCandidates } from "../../src/resolution/candidates.js";
import { recordPages } from "../../src/resolution/records.js";
import { RssSampler } from "../import/memory.js";
import { naiveCandidates } from "./peer.js";
import { PLANT_KINDS, plant, type Plant } from "./plants.js";

/**
 * Candidate bench: entity resolution's candidate generation (src/resolution/candidates.ts) over
 * the generated network (`npx actorgraph generate`, 100 000 companies), imported under a
 * namespace, with duplicates planted in five kinds (plants.ts), against a peer measured in the
 * same run on the same blocks: the naive pairwise comparison within each block (peer.ts).
 * Prints time and peak RSS of each side, ours/peer, and the recall of the planted pairs.
 *
 *   npm run bench:resolution        # BENCH_COMPANIES=100000 BENCH_DECLARATIONS=10000 BENCH_PLANTS=2000 BENCH_SEED=20230321
 *   BENCH_KEEP=true npm run bench:resolution; BENCH_REUSE=true npm run bench:resolution   # import once, measure again
 *   BENCH_REUSE=true BENCH_MAX_BLOCK=1000 npm run bench:resolution                         # larger blocks: more look-alikes compared
 *
 * Runs against the configured Neo4j (NEO4J_URI, or the local one of NEO4J_BOLT_PORT); imports
 * into namespace `benchres` and deletes it at the end (import:delete), so other data stays.
 */
const SEED = Number(process.env.BENCH_SEED ?? 20230321);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 10_000);
const PLANTS = Number(process.env.BENCH_PLANTS ?? 2000);
const MIN_SCORE = Number(process.env.BENCH_MIN_SCORE ?? 0.7);
/** Largest block compared, both sides (default: blocking.ts MAX_BLOCK, 100); larger blocks compare more look-alikes that are not duplicates. */
const MAX_BLOCK = process.env.BENCH_MAX_BLOCK === undefined ? undefined : Number(process.env.BENCH_MAX_BLOCK);
const NS = "benchres";
/** Compare phases run this many times each, in turns. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
/** BENCH_REUSE=true measures the namespace a BENCH_KEEP=true run left, without generating and importing again. */
const REUSE = process.env.BENCH_REUSE === "true";
const KEEP = process.env.BENCH_KEEP === "true" || REUSE;

async function main(): Promise<void> {
  const app = createApp(loadConfig({ ...process.env, LOG_LEVEL: "silent" }));
  try {
    await app.admin.applySchema();
    const net = new TradeNetwork({ seed: SEED, declarations: DECLARATIONS, companies: COMPANIES });
    const plants = plantDuplicates(net);
    let importMs = 0;
    if (!REUSE) {
      await app.imports.deleteNamespace(NS);
      const dir = join(tmpdir(), `actorgraph-bench-resolution-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, "trade.ftm.jsonl");
      writeFileSync(file, [...ftmJsonl(net)].join(""));
      importMs = (await timed(() => app.imports.importFile({ format: "ftm", path: file, namespace: NS }))).ms;
      rmSync(dir, { recursive: true, force: true });
      await writePlants(app, plants);
    }
    const matchable = await app.db.read("count-graph", {});
    const importNote = REUSE ? "import reused (BENCH_REUSE)" : `import ${(importMs / 1000).toFixed(1)} s`;

    // Ours, end to end as `npx actorgraph resolve --candidates` runs it: read, block, compare.
    gc();
    const oursRss = new RssSampler();
    const ours = await timed(() => app.services.candidates.all(MIN_SCORE));
    const oursPeak = oursRss.stop().peak;

    // Both sides again on one index read once, so the comparison phase is timed alone, in
    // turns, REPEAT times each (median time, largest heap growth).
    gc();
    const beforeIndex = process.memoryUsage().heapUsed;
    const index = new BlockIndex();
    const load = await timed(() => index.addAll(recordPages(app.db)));
    gc();
    const indexHeap = process.memoryUsage().heapUsed - beforeIndex;
    const oursRuns: { ms: number; heap: number; value: Awaited<ReturnType<typeof generateCandidates>> }[] = [];
    const peerRuns: { ms: number; heap: number; value: ReturnType<typeof naiveCandidates> }[] = [];
    for (let i = 0; i < REPEAT; i += 1) {
      oursRuns.push(await measured(() => generateCandidates(index, { minScore: MIN_SCORE, maxBlock: MAX_BLOCK })));
      peerRuns.push(await measured(() => Promise.resolve(naiveCandidates(index, MIN_SCORE, MAX_BLOCK))));
    }
    const compare = median(oursRuns);
    const peer = median(peerRuns);

    // Recall of ours from the compare-only run, which uses BENCH_MAX_BLOCK as the peer does.
    const oursPairs = new Set(compare.value.candidates.map((c) => key(c.leftRecord, c.rightRecord)));
    const recall = (found: (k: string) => boolean) =>
      PLANT_KINDS.map((kind) => {
        const of = plants.filter((p) => p.kind === kind);
        return { kind, n: of.length, found: of.filter((p) => found(key(p.of, p.record.id))).length };
      });
    const oursRecall = recall((k) => oursPairs.has(k));
    const peerRecall = recall((k) => peer.value.found.has(k));
    const total = (r: { n: number; found: number }[]) => `${r.reduce((s, x) => s + x.found, 0)}/${r.reduce((s, x) => s + x.n, 0)}`;
    const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const out = [
      `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; graph: ${JSON.stringify(matchable[0])} (companies ${net.companyCount}, declarations ${DECLARATIONS}, seed ${SEED}); ${importNote}`,
      `records compared: ${index.records.length}; blocks used: ${compare.value.stats.blocks} (largest block ${MAX_BLOCK ?? 100}); planted: ${plants.length}; minScore ${MIN_SCORE}`,
      "",
      "| side | what | time | memory | pairs scored | candidates | planted recall |",
      "|---|---|---|---|---|---|---|",
      `| ours | read + block + compare (resolve --candidates) | ${s(ours.ms)} | ${mb(oursPeak)} peak RSS | ${ours.value.stats.pairsCompared} | ${ours.value.candidates.length} | ${total(oursRecall)} |`,
      `| ours | compare only, on the loaded index (median of ${REPEAT}) | ${s(compare.ms)} | +${mb(compare.heap)} heap | ${compare.value.stats.pairsCompared} | ${compare.value.candidates.length} | |`,
      `| peer | naive pairs within the same blocks (median of ${REPEAT}) | ${s(peer.ms)} | +${mb(peer.heap)} heap | ${peer.value.comparisons} | ${peer.value.found.size} | ${total(peerRecall)} |`,
      "",
      `ours/peer (compare): time ${(compare.ms / peer.ms).toFixed(3)}, heap ${(compare.heap / peer.heap).toFixed(3)}, comparisons ${(compare.value.stats.pairsCompared / peer.value.comparisons).toFixed(3)}; reading the records into the index: ${s(load.ms)}, index ${mb(indexHeap)} heap`,
      `recall by kind (ours, peer): ${oursRecall.map((r, i) => `${r.kind} ${r.found}/${r.n}, ${peerRecall[i]!.found}/${r.n}`).join("; ")}`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
    if (!KEEP) await app.imports.deleteNamespace(NS);
  } finally {
    await app.close();
  }
}

/** Every (companies / plants)-th company gets a plant, the kinds in turn. */
function plantDuplicates(net: TradeNetwork): Plant[] {
  const step = Math.max(1, Math.floor(net.companyCount / PLANTS));
  const plants: Plant[] = [];
  for (let i = 0; plants.length < PLANTS && i < net.companyCount; i += step)
    plants.push(plant(net.company(i), PLANT_KINDS[plants.length % PLANT_KINDS.length]!, NS));
  return plants;
}

/** Writes the planted records (ids in the bench's namespace, so import:delete removes them) and the identifiers their originals share. */
async function writePlants(app: ReturnType<typeof createApp>, plants: readonly Plant[]): Promise<void> {
  await app.db.writeTx("bench-plants", async (tx) => {
    await tx.run("UNWIND $rows AS r CREATE (n:Entity) SET n = r", { rows: plants.map((p) => p.record) });
    await tx.run("UNWIND $rows AS r MATCH (n:Entity {id: r.id}) SET n.identifiers = r.identifiers, n.identifierKeys = r.keys", {
      rows: plants
        .filter((p) => p.originalIdentifiers.length > 0)
        .map((p) => ({ id: p.of, identifiers: p.originalIdentifiers, keys: p.originalIdentifiers.map((i) => identifierKey(i.slice(i.indexOf(":") + 1))) })),
    });
  });
}

function key(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Time and heap growth of one phase: heap sampled every 20 ms and at its end, before the result is let go, above the heap after a full collection. */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; heap: number; value: T }> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  try {
    const { ms, value } = await timed(work);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms, heap: peak - base, value };
  } finally {
    clearInterval(timer);
  }
}

/** The run of median time, with the largest heap growth of all runs. */
function median<T extends { ms: number; heap: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return { ...sorted[Math.floor(sorted.length / 2)]!, heap: Math.max(...runs.map((r) => r.heap)) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** A full collection before a measured phase when node runs with --expose-gc (npm run bench:resolution does). */
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
