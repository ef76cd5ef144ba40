import type { PartyLink, PartyLinkMethod } from "../resolution/party-links.js";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Database } from "../db/run.js";
import { QueryTooCostlyError } from "../errors.js";
import { prepareFactsInSlices, type PreparedFacts } from "./batch-prepare.js";
import {
  countAggregates,
  storedDataset,
  suppliedIdsUnique,
  writeBatch,
  type BatchResult,
  type BatchStage,
  type DatasetSource,
  type PendingRecord,
} from "./batch-writer.js";
import { loadCustomsColumns } from "./customs-columns.js";
import { checkNamespace, scopedId, type MapContext } from "./facts.js";
import { ImportFileError, StrictRejectError } from "./import-errors.js";
import { MAX_LINE_BYTES, readLines } from "./line-reader.js";
import { mappedRecords } from "./mapped-records.js";
import { hasReferents } from "./referents.js";
import { RejectsReport } from "./rejects-report.js";
import type { ImportFormat, RecordWarning, Reject } from "./types.js";

/**
 * Records per batch (one transaction each) unless `batchSize` says otherwise, per format. Each
 * batch pays fixed costs (party resolution, provenance links, one write per restated shared
 * fact such as a hub party's BASED_IN, the commit), so larger batches are faster:
 * - customs **20 000**: 300 000 generated rows, ours alone on the same warm server, 112.7–122.2 s
 *   at 10 000 against 100.1–105.4 s at 20 000; the peer's LOAD CSV took 112.0 s at 10 000 and
 *   112.8 s at 20 000 rows per transaction (BENCHMARKS.md, Import, round 4). Neo4j estimates a
 *   20 000-row customs transaction at about 1.05 GiB of heap (SHOW TRANSACTIONS), inside the
 *   1.5 GiB `db.memory.transaction.max` of scripts/neo4j-local.sh and docker-compose.yml;
 * - FtM and claims **10 000**: their records (an FtM entity's line may hold up to 1 MiB) are not
 *   bounded as a customs row is, so they keep the size measured before (50 000 generated
 *   customs rows: 67 s at 2000, 50 s at 5000, 47 s at 10 000).
 * A server whose transaction memory cap a batch exceeds gets smaller batches (see runImport).
 * Memory is bounded by two batches (one read, one written).
 */
export const DEFAULT_BATCH_SIZES: Readonly<Record<ImportFormat, number>> = { customs: 20_000, ftm: 10_000, claims: 10_000 };

/** One import's settings. */
export interface ImportOptions {
  readonly format: ImportFormat;
  /** The file to read. */
  readonly path: string;
  /** Dataset name for the :Source node; default the file's base name. */
  readonly name?: string;
  /** Prefix `<namespace>:` for every id the import creates (see checkNamespace), so it can be deleted as a whole. */
  readonly namespace?: string | null;
  /** Stop at the first bad record (see StrictRejectError). */
  readonly strict?: boolean;
  /** Validate and report; write nothing. */
  readonly dryRun?: boolean;
  /** Records per transaction, 1–50 000. Default {@link DEFAULT_BATCH_SIZES} of the format. */
  readonly batchSize?: number;
  /** Customs column mapping (JSON file, see customs-columns.ts). */
  readonly columnsFile?: string;
  /** Where to write the rejects report (JSON Lines); null keeps none. */
  readonly rejectsFile?: string | null;
  /** Longest line in bytes. Default {@link MAX_LINE_BYTES}. */
  readonly maxLineBytes?: number;
  /**
   * Customs only: write one aggregate SUPPLIED per (exporter, importer, HS heading), and per
   * (manufacturer, exporter, HS heading), INSTEAD of one per declaration (customs-mapper.ts),
   * so routes get one hop per trading pair and heading, never both kinds. A file keeps the mode
   * of its first import.
   * @throws ImportFileError BAD_OPTION for another format, or for a file already imported in
   * the other mode (delete its namespace first).
   */
  readonly aggregate?: boolean;
  /** Called after each batch is written (committed). */
  readonly onProgress?: (p: ImportProgress) => void;
  /**
   * Called when Neo4j refused a batch of `records` for its transaction memory cap and the import
   * goes on in batches of at most `batchSize` records (see runImport); the CLI prints a warning.
   */
  readonly onBatchSplit?: (split: { readonly records: number; readonly batchSize: number }) => void;
}

/** Progress so far: records read, bytes read of `totalBytes`, and the batch just written. */
export interface ImportProgress {
  readonly read: number;
  readonly bytes: number;
  readonly totalBytes: number;
  /** Records of the batches written so far (rejects in them included). */
  readonly written: number;
  /**
   * The batch just written: its records, its transaction's wall time and the time of each of
   * its stages (batch-writer.ts, BatchStage), in **milliseconds**, and the bet that its SUPPLIED
   * are new (`freshSupplied`, batch-writer.ts BatchOptions.freshSupplied): "won" (written by the
   * CREATE-only fast path), "lost" (rolled back and written again without it) or "none" (not made).
   */
  readonly batch: { readonly records: number; readonly ms: number; readonly stages: BatchResult["stages"]; readonly freshSupplied: "won" | "lost" | "none" };
}

/** The JSON summary of an import (CLI stdout, HTTP response). */
export interface ImportSummary {
  readonly format: ImportFormat;
  readonly sourceId: string;
  readonly fileHash: string;
  readonly dryRun: boolean;
  /** Records read (rejected ones included; blank lines not). */
  readonly read: number;
  /** Nodes and relationships created. */
  readonly created: number;
  /** Facts that matched nodes or relationships already there (a re-import merges everything). */
  readonly merged: number;
  readonly rejected: number;
  /** The first rejects; `rejectsFile` lists them all. */
  readonly rejects: readonly Reject[];
  /**
   * What the import kept but warns about, one entry per code and detail, in order of first line:
   * UNKNOWN_PROPERTY for a property the FtM model of FTM_VERSION lacks (`Company.newProperty`),
   * kept as `ftm_<name>`; `count` records, the first at `firstLine`. At most {@link MAX_WARNINGS} entries.
   */
  readonly warnings: readonly ImportWarning[];
  readonly rejectsFile: string | null;
  /** Wall-clock time in **seconds**. */
  readonly seconds: number;
  /** Aggregate relationships the file's declarations make (created or confirmed) under `aggregate`, else 0. */
  readonly aggregated: number;
  /**
   * Customs imports: how the parties were linked to entities already in the graph (party-resolver.ts):
   * how many by exact `name`, by `nameKey` (the name transliterated) and by `alias` (an entity's
   * alias in the party's country), each party counted once, and the first 100 links with their
   * reasons (`大疆创新` (CN) is the alias of DJI). Absent for the other formats.
   */
  readonly partyLinks?: PartyLinksSummary;
  /**
   * Records per transaction at the end of the import: the one asked for (or the format's
   * default, DEFAULT_BATCH_SIZES), or less when Neo4j refused batches for its transaction
   * memory cap and they were split (see runImport).
   */
  readonly batchSize: number;
}

/** ImportSummary.partyLinks. */
export interface PartyLinksSummary {
  readonly name: number;
  readonly nameKey: number;
  readonly alias: number;
  /** The first {@link MAX_PARTY_LINKS} links, in file order. */
  readonly links: readonly PartyLink[];
}

/** Links an import summary lists (its counts count them all). */
export const MAX_PARTY_LINKS = 100;

/** One kind of warning of an import summary (see ImportSummary.warnings). */
export interface ImportWarning {
  readonly code: RecordWarning["code"];
  readonly detail: string;
  /** Records it concerns. */
  readonly count: number;
  /** The first one's line (1-based). */
  readonly firstLine: number;
}

/** Most distinct warnings a summary lists (100): a file of a much newer FtM may use many new properties; each listed one is counted in full. */
export const MAX_WARNINGS = 100;

/** Rejected lines held until the batch before them is done, at most (runImport writes them in line order). */
const REJECTS_HELD = 10_000;

/** Records read between two turns given to the event loop while a batch is written (see runImport). */
const YIELD_EVERY = 100;

/**
 * Imports one file: streams it line by line, maps each record, and writes batches of
 * `batchSize` records, each atomic and idempotent (MERGE on ids; statements counted once per
 * dataset and line, see import-merge-relationships.cypher). The next batch is read and mapped
 * while the previous one is written (one write in flight, so batches commit in file order),
 * so memory is bounded by two batches, not by the file. The dataset's :Source id is
 * `dataset-<format>-<first 16 hex of the file's sha256>` (namespaced), from a first streaming
 * pass over the file, so the same file always maps to the same Source and a second import
 * changes nothing.
 * @throws ImportFileError (nothing written), StrictRejectError (under `strict`).
 */
export async function runImport(db: Database, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const namespace = opts.namespace ?? null;
  if (namespace !== null) checkNamespace(namespace);
  let batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZES[opts.format];
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new ImportFileError("BAD_OPTION", "batch size: an integer from 1 to 50000");
  if (opts.aggregate && opts.format !== "customs") throw new ImportFileError("BAD_OPTION", "aggregate: only for customs imports");
  const columns = loadCustomsColumns(opts.columnsFile);
  const totalBytes = await fileSize(opts.path);
  const fileHash = await sha256(opts.path);
  const aggregate = opts.aggregate ?? false;
  const ctx: MapContext = {
    namespace,
    sourceId: scopedId({ namespace, sourceId: "" }, `dataset-${opts.format}-${fileHash.slice(0, 16)}`),
    aggregate,
    nativeCountries: new Set(),
    ...(aggregate ? { declarations: new Set<string>() } : {}),
  };
  const shipments = opts.format === "customs" ? (aggregate ? "aggregate" : "declaration") : null;
  const source: DatasetSource = {
    id: ctx.sourceId,
    name: opts.name ?? basename(opts.path),
    fileHash,
    format: opts.format,
    namespace,
    importedAt: new Date().toISOString(),
    shipments,
  };
  const stored = await storedDataset(db, source.id);
  const earlier = shipments ? (stored?.shipments ?? null) : null;
  if (earlier && earlier !== shipments) {
    throw new ImportFileError(
      "BAD_OPTION",
      `aggregate: this file was imported ${earlier === "aggregate" ? "with" : "without"} --aggregate; import it the same way, or delete its namespace first (one kind of shipment edge per dataset)`,
    );
  }
  const report = new RejectsReport(opts.rejectsFile ?? null);
  await report.checkWritable();
  const writeOpts = { dryRun: opts.dryRun ?? false, strict: opts.strict ?? false };
  // Batches are written without waiting for party resolution until one links a party to an
  // existing entity (batch-writer.ts, BatchOptions.speculate).
  let speculate = true;
  // New SUPPLIED are written with CREATE until a batch finds one of its ids stored
  // (BatchOptions.freshSupplied); not at all when this file was imported before, nor on a graph
  // without the SUPPLIED id constraint that refuses a stored id (a schema not applied).
  let freshSupplied = stored === null && !writeOpts.dryRun && (await suppliedIdsUnique(db));
  // FtM: references are looked up among stored older ids only once there are any (referents.ts).
  let referentsStored = opts.format === "ftm" && (await hasReferents(db));
  let read = 0;
  let bytes = 0;
  let created = 0;
  let merged = 0;
  let written = 0;
  let aggregated = 0;
  // Each linked party once (its first link), for the summary's counts; the first links with their reasons.
  const partyLinks = new Map<string, PartyLinkMethod>();
  const linkExamples: PartyLink[] = [];
  let batch: PendingRecord[] = [];
  const warnings = new Map<string, { code: RecordWarning["code"]; detail: string; count: number; firstLine: number }>();
  // The batch being written while the next one is read; at most one, so batches commit in file
  // order (the statement watermarks of import-merge-relationships.cypher rely on it).
  let inFlight: Promise<void> | null = null;
  const writeLineRejects = async () => {
    await settle();
    for (const r of lineRejects) await report.add(r);
    lineRejects = [];
  };
  const settle = async () => {
    const pending = inFlight;
    inFlight = null;
    if (pending) await pending;
  };
  // Writes `records` as one batch, or in batches of `batchSize` when that shrank since they were
  // read. When Neo4j refuses a batch for its memory cap (db.memory.transaction.max,
  // QUERY_TOO_COSTLY), `batchSize` becomes half of it and the same records are written again in
  // that size, in file order; the rest of the file follows in the smaller size. Why: the default
  // batch (DEFAULT_BATCH_SIZES) is sized for the local server's 1.5 GiB cap, and a server with a
  // smaller heap or cap would otherwise fail the import at its first batch. Each batch is atomic
  // and idempotent as before, and nothing of a refused transaction was written. A single record
  // over the cap fails the import.
  const writeFitting = async (records: readonly PendingRecord[], prepared?: PreparedFacts): Promise<BatchResult[]> => {
    if (records.length > batchSize) {
      const size = batchSize;
      const results: BatchResult[] = [];
      for (let i = 0; i < records.length; i += size) results.push(...(await writeFitting(records.slice(i, i + size))));
      return results;
    }
    try {
      const result = await writeBatch(db, source, records, { ...writeOpts, speculate, freshSupplied, referentsStored }, prepared);
      if (!writeOpts.dryRun && records.some((r) => (r.facts.referents?.length ?? 0) > 0)) referentsStored = true;
      if (result.partiesResolved) speculate = false;
      if (result.freshSuppliedLost) freshSupplied = false;
      return [result];
    } catch (err) {
      if (!overTransactionMemory(err) || records.length < 2) throw err;
      batchSize = Math.ceil(records.length / 2);
      opts.onBatchSplit?.({ records: records.length, batchSize });
      return writeFitting(records);
    }
  };
  // Rejects of lines read since the last batch was cut, written with that batch's own rejects
  // (checks against the graph) in line order once it is done: they were written as found, so the
  // rejects file listed a later line's before an earlier line's batch rejects.
  let lineRejects: Reject[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch;
    const readRejects = lineRejects;
    batch = [];
    lineRejects = [];
    // Folded while the previous batch is still being written, so its transaction only sends.
    const prepared = writeOpts.dryRun ? undefined : await prepareFactsInSlices(records);
    await settle();
    const t0 = performance.now();
    inFlight = writeFitting(records, prepared).then(async (results) => {
      const stages: Partial<Record<BatchStage, number>> = {};
      let bet: "won" | "lost" | "none" = "none";
      for (const result of results) {
        if (result.freshSuppliedLost) bet = "lost";
        else if (result.freshSupplied && bet === "none") bet = "won";
        created += result.created;
        merged += result.merged;
        for (const link of result.partyLinks ?? []) {
          if (partyLinks.has(link.party)) continue;
          partyLinks.set(link.party, link.by);
          if (linkExamples.length < MAX_PARTY_LINKS) linkExamples.push(link);
        }
        readRejects.push(...result.rejects);
        for (const [stage, ms] of Object.entries(result.stages) as [BatchStage, number][]) stages[stage] = (stages[stage] ?? 0) + ms;
      }
      for (const r of readRejects.sort((a, b) => a.line - b.line)) await report.add(r);
      written += records.length;
      opts.onProgress?.({ read, bytes, totalBytes, written, batch: { records: records.length, ms: performance.now() - t0, stages, freshSupplied: bet } });
    });
    // Handled here so a failure while the next batch is read is not an unhandled rejection; settle() rethrows it.
    inFlight.catch(() => undefined);
  };
  try {
    const lines = readLines(createReadStream(opts.path, { highWaterMark: 1 << 20 }), opts.maxLineBytes ?? MAX_LINE_BYTES, (n) => void (bytes += n));
    for await (const item of mappedRecords(opts.format, lines, ctx, columns)) {
      read += 1;
      // While a batch is written, give the event loop a turn every YIELD_EVERY records: a 1 MiB
      // chunk of the file is thousands of records parsed from memory without one, and the
      // batch's queries waited for it between their round trips (BENCHMARKS.md, Import).
      if (inFlight !== null && read % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if ("reject" in item) {
        if (writeOpts.strict) {
          await settle();
          throw new StrictRejectError(item.reject);
        }
        lineRejects.push(item.reject);
        // Bounded: a long run of bad lines is written once the batches before it are done.
        if (lineRejects.length >= REJECTS_HELD) await writeLineRejects();
        continue;
      }
      for (const w of item.facts.warnings ?? []) {
        const key = `${w.code}\u0000${w.detail}`;
        const seen = warnings.get(key);
        if (seen) seen.count += 1;
        else if (warnings.size < MAX_WARNINGS) warnings.set(key, { ...w, count: 1, firstLine: item.line });
      }
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await settle();
    await writeLineRejects();
    if (aggregate && !writeOpts.dryRun) aggregated = await countAggregates(db, source.id);
  } finally {
    await (inFlight as Promise<void> | null)?.catch(() => undefined);
    await report.close();
  }
  return {
    format: opts.format,
    sourceId: source.id,
    fileHash,
    dryRun: writeOpts.dryRun,
    read,
    created,
    merged,
    rejected: report.count,
    rejects: report.first,
    warnings: [...warnings.values()],
    rejectsFile: report.count > 0 ? report.file : null,
    seconds: (Date.now() - started) / 1000,
    aggregated,
    ...(opts.format === "customs" ? { partyLinks: summarizeLinks(partyLinks, linkExamples) } : {}),
    batchSize,
  };
}

function summarizeLinks(links: ReadonlyMap<string, PartyLinkMethod>, examples: readonly PartyLink[]): PartyLinksSummary {
  const counts = { name: 0, nameKey: 0, alias: 0 };
  for (const by of links.values()) counts[by] += 1;
  return { ...counts, links: examples };
}

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error("not a regular file");
    return s.size;
  } catch (err) {
    throw new ImportFileError("UNREADABLE_FILE", `cannot read ${path}: ${(err as Error).message}`);
  }
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest("hex");
}

/**
 * True for Neo4j refusing a transaction for its memory cap (`db.memory.transaction.max` or the
 * total pool): mapNeo4jError (src/db/run.ts) turns those codes (Neo.TransientError.General.
 * MemoryPoolOutOfMemoryError, …TransactionMemoryLimit) into QUERY_TOO_COSTLY with `neo4jCode`.
 * A timeout is not one: a smaller batch would not be cheaper per record.
 */
export function overTransactionMemory(err: unknown): boolean {
  if (!(err instanceof QueryTooCostlyError)) return false;
  const code = err.extensions.neo4jCode;
  return typeof code === "string" && code.includes("Memory");
}
