import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Database } from "../db/run.js";
import { writeBatch, type DatasetSource, type PendingRecord } from "./batch-writer.js";
import { aggregateCustoms } from "./customs-aggregate.js";
import { loadCustomsColumns } from "./customs-columns.js";
import { scopedId } from "./facts.js";
import { ImportFileError, StrictRejectError } from "./import-errors.js";
import { MAX_LINE_BYTES, readLines } from "./line-reader.js";
import { mappedRecords } from "./mapped-records.js";
import { RejectsReport } from "./rejects-report.js";
import type { ImportFormat, Reject } from "./types.js";

/**
 * Records per batch (one transaction each) unless `batchSize` says otherwise. 10 000, not 1000:
 * a batch rewrites the evidence lists of every relationship it restates (a hub party's BASED_IN
 * grows with each declaration naming it), so fewer, larger batches import 20 000 generated
 * customs rows 7x faster (176 → 1295 rows/s; BENCHMARKS.md, Import).
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/** One import's settings. */
export interface ImportOptions {
  readonly format: ImportFormat;
  /** The file to read. */
  readonly path: string;
  /** Dataset name for the :Source node; default the file's base name. */
  readonly name?: string;
  /** Prefix `<namespace>:` for every id the import creates (`[a-z0-9_-]{1,40}`), so it can be deleted as a whole. */
  readonly namespace?: string | null;
  /** Stop at the first bad record (see StrictRejectError). */
  readonly strict?: boolean;
  /** Validate and report; write nothing. */
  readonly dryRun?: boolean;
  /** Records per transaction, 1–50 000. Default {@link DEFAULT_BATCH_SIZE}. */
  readonly batchSize?: number;
  /** Customs column mapping (JSON file, see customs-columns.ts). */
  readonly columnsFile?: string;
  /** Where to write the rejects report (JSON Lines); null keeps none. */
  readonly rejectsFile?: string | null;
  /** Longest line in bytes. Default {@link MAX_LINE_BYTES}. */
  readonly maxLineBytes?: number;
  /**
   * Customs only: also write one aggregate SUPPLIED per (exporter, importer, HS heading) after the
   * per-declaration ones (see customs-aggregate.ts). Ignored in a dry run.
   * @throws ImportFileError BAD_OPTION for another format.
   */
  readonly aggregate?: boolean;
  /** Called after each batch and every chunk read. */
  readonly onProgress?: (p: ImportProgress) => void;
}

/** Progress so far: records read, bytes read of `totalBytes`. */
export interface ImportProgress {
  readonly read: number;
  readonly bytes: number;
  readonly totalBytes: number;
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
  readonly rejectsFile: string | null;
  /** Wall-clock time in **seconds**. */
  readonly seconds: number;
  /** Aggregate relationships written (`aggregate`), else 0. */
  readonly aggregated: number;
}

/**
 * Imports one file: streams it line by line (memory is bounded by the batch, not the file),
 * maps each record, and writes batches of `batchSize` records, each atomic and idempotent
 * (MERGE on ids). The dataset's :Source id is `dataset-<format>-<first 16 hex of the file's
 * sha256>` (namespaced), from a first streaming pass over the file, so the same file always
 * maps to the same Source and a second import changes nothing.
 * @throws ImportFileError (nothing written), StrictRejectError (under `strict`).
 */
export async function runImport(db: Database, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const namespace = opts.namespace ?? null;
  if (namespace !== null && !/^[a-z0-9_-]{1,40}$/.test(namespace)) throw new ImportFileError("BAD_OPTION", "namespace: 1–40 characters of a–z, 0–9, _ and -");
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new ImportFileError("BAD_OPTION", "batch size: an integer from 1 to 50000");
  if (opts.aggregate && opts.format !== "customs") throw new ImportFileError("BAD_OPTION", "aggregate: only for customs imports");
  const columns = loadCustomsColumns(opts.columnsFile);
  const totalBytes = await fileSize(opts.path);
  const fileHash = await sha256(opts.path);
  const ctx = { namespace, sourceId: scopedId({ namespace, sourceId: "" }, `dataset-${opts.format}-${fileHash.slice(0, 16)}`) };
  const source: DatasetSource = { id: ctx.sourceId, name: opts.name ?? basename(opts.path), fileHash, format: opts.format, namespace, importedAt: new Date().toISOString() };
  const report = new RejectsReport(opts.rejectsFile ?? null);
  const writeOpts = { dryRun: opts.dryRun ?? false, strict: opts.strict ?? false };
  let read = 0;
  let bytes = 0;
  let created = 0;
  let merged = 0;
  let aggregated = 0;
  let batch: PendingRecord[] = [];
  const progress = () => opts.onProgress?.({ read, bytes, totalBytes });
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await writeBatch(db, source, batch, writeOpts);
    batch = [];
    created += result.created;
    merged += result.merged;
    for (const r of result.rejects) await report.add(r);
    progress();
  };
  try {
    const lines = readLines(createReadStream(opts.path, { highWaterMark: 1 << 20 }), opts.maxLineBytes ?? MAX_LINE_BYTES, (n) => void (bytes += n));
    for await (const item of mappedRecords(opts.format, lines, ctx, columns)) {
      read += 1;
      if ("reject" in item) {
        if (writeOpts.strict) throw new StrictRejectError(item.reject);
        await report.add(item.reject);
        continue;
      }
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (opts.aggregate && !writeOpts.dryRun) aggregated = await aggregateCustoms(db, source.id, namespace);
  } finally {
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
    rejectsFile: report.count > 0 ? report.file : null,
    seconds: (Date.now() - started) / 1000,
    aggregated,
  };
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
