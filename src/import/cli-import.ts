import { mkdtempSync, rmSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { SingleBar } from "cli-progress";
import { InvalidArgumentError, type Command } from "commander";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { DeleteNamespaceSummary } from "../services/import.service.js";
import { ImportFileError, StrictRejectError } from "./import-errors.js";
import type { ImportProgress, ImportSummary } from "./importer.js";
import { IMPORT_FORMATS, isImportFormat } from "./types.js";

/**
 * Exit codes of `actorgraph import`: 0 when the import finished (rejected records, if any, are
 * in the summary and the rejects report); 1 when `--strict` stopped at a bad record, or the
 * database failed; 2 for a usage error or a file that cannot be imported at all (unknown
 * format, unreadable file, missing columns, bad column mapping). Nothing is written for 2.
 */
export const IMPORT_EXIT = Object.freeze({ OK: 0, STRICT_REJECT: 1, BAD_FILE: 2 });

interface CliOptions {
  namespace?: string;
  name?: string;
  strict?: boolean;
  dryRun?: boolean;
  batchSize?: string;
  columns?: string;
  rejects?: string;
  aggregate?: boolean;
}

/**
 * Adds `actorgraph import <format> <file|->`. `-` reads stdin, spooled to a temporary file
 * first (the Source id needs the file's hash before the first batch). On a terminal, stderr
 * shows a progress bar (records, records/s, ETA by bytes); at the end stdout gets the JSON
 * summary (read, created, merged, rejected, seconds, …).
 *
 * Adds `actorgraph import:delete <namespace>` too (ImportService.deleteNamespace): stdout gets
 * the JSON summary {namespace, relationshipsDeleted, nodesDeleted, sourcesDeleted, seconds}
 * (zeros when nothing is left to delete) and it exits 0; 2 for an invalid namespace or
 * `--batch-size` (nothing deleted); 1 when the database fails or refuses a batch (batches
 * committed before stay deleted: run it again).
 */
export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description(`Import ${IMPORT_FORMATS.join(", ")} files (idempotent, batched, streamed); prints a JSON summary.`)
    .argument("<format>", IMPORT_FORMATS.join(" | "))
    .argument("<file>", "input file, or - for stdin")
    .option("--namespace <ns>", "prefix the ids this import creates with <ns>: (remove them with import:delete <ns>)", once)
    .option("--name <name>", "dataset name for the Source node (default: the file name)", once)
    .option("--strict", "stop at the first bad record (exit 1) instead of skipping it")
    .option("--dry-run", "validate and report; write nothing")
    .option(
      "--batch-size <n>",
      "records per transaction (default 20000 for customs, 10000 for ftm and claims; halved when Neo4j refuses a batch for its transaction memory cap)",
      once,
    )
    .option("--columns <file.json>", 'customs: column mapping, e.g. {"exporterName": "Shipper"}', once)
    .option("--aggregate", "customs: write one SUPPLIED per (exporter, importer, HS heading) with summed values instead of one per declaration")
    .option("--rejects <file>", "rejects report, JSON Lines (default: <file>.rejects.jsonl in the working directory)", once)
    .action(async (format: string, file: string, options: CliOptions) => {
      process.exitCode = await runImportCommand(format, file, options);
    });
  program
    .command("import:delete")
    .description(
      "Delete what imports under a namespace created (entities, relationships, Source nodes) in batches; seed data stays. " +
        "Prints a JSON summary {namespace, relationshipsDeleted, nodesDeleted, sourcesDeleted, seconds}; run it again to finish an interrupted delete.",
    )
    .argument("<namespace>")
    .option(
      "--batch-size <n>",
      "relationships per transaction (default 10000; nodes a tenth as many); smaller when Neo4j refuses a batch for its transaction memory cap",
      once,
    )
    .action(async (namespace: string, options: { batchSize?: string }) => {
      const app = createApp(loadConfig());
      try {
        printSummary(await app.imports.deleteNamespace(namespace, { batchSize: integerOption(options.batchSize) }));
      } catch (err) {
        if (!(err instanceof ImportFileError)) throw err;
        process.exitCode = fail(IMPORT_EXIT.BAD_FILE, `${err.message} [${err.code}]`);
      } finally {
        await app.close();
      }
    });
}

async function runImportCommand(format: string, file: string, options: CliOptions): Promise<number> {
  if (!isImportFormat(format)) return fail(IMPORT_EXIT.BAD_FILE, `unknown format ${JSON.stringify(format)}; formats: ${IMPORT_FORMATS.join(", ")}`);
  let spool: string | undefined;
  const app = createApp(loadConfig());
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: "{bar} {percentage}% | {read} records | {rate} records/s | ETA {eta_formatted}", stream: process.stderr })
    : undefined;
  const started = Date.now();
  try {
    let path = file;
    if (file === "-") {
      spool = mkdtempSync(join(tmpdir(), "actorgraph-import-"));
      path = join(spool, "stdin");
      await pipeline(process.stdin, createWriteStream(path));
    }
    bar?.start(1, 0, { read: 0, rate: 0 });
    const summary = await app.imports.importFile({
      format,
      path,
      name: options.name ?? (file === "-" ? "stdin" : basename(file)),
      namespace: options.namespace ?? null,
      strict: options.strict ?? false,
      dryRun: options.dryRun ?? false,
      batchSize: integerOption(options.batchSize),
      columnsFile: options.columns,
      aggregate: options.aggregate ?? false,
      rejectsFile: options.rejects ?? `${file === "-" ? "stdin" : basename(file)}.rejects.jsonl`,
      onProgress: bar ? (p: ImportProgress) => updateBar(bar, p, started) : undefined,
      onBatchSplit: ({ records, batchSize }) =>
        process.stderr.write(
          `actorgraph import: Neo4j refused a batch of ${records} records for its transaction memory cap (db.memory.transaction.max); going on in batches of ${batchSize}\n`,
        ),
    });
    bar?.stop();
    printSummary(summary);
    return IMPORT_EXIT.OK;
  } catch (err) {
    bar?.stop();
    if (err instanceof ImportFileError) return fail(IMPORT_EXIT.BAD_FILE, `${err.message} [${err.code}]`);
    if (err instanceof StrictRejectError) return fail(IMPORT_EXIT.STRICT_REJECT, err.message);
    throw err;
  } finally {
    await app.close();
    if (spool) rmSync(spool, { recursive: true, force: true });
  }
}

function updateBar(bar: SingleBar, p: ImportProgress, started: number): void {
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  bar.setTotal(Math.max(1, p.totalBytes));
  bar.update(p.bytes, { read: p.read, rate: Math.round(p.read / seconds) });
}

/** Writes a command's summary to stdout as JSON: one line, or indented on a terminal. */
function printSummary(summary: ImportSummary | DeleteNamespaceSummary): void {
  process.stdout.write(`${JSON.stringify(summary, null, process.stdout.isTTY ? 2 : undefined)}\n`);
}

/**
 * Commander's parser for an option that takes one value: given twice (`--namespace a --namespace
 * b`), it is a usage error (exit 2), where commander would keep the last silently; the HTTP
 * import refuses a repeated parameter the same way.
 * @throws InvalidArgumentError for a second value.
 */
function once(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw new InvalidArgumentError(`given twice (${JSON.stringify(previous)} and ${JSON.stringify(value)}); give it once`);
  return value;
}

/**
 * An integer option as written (`--batch-size 5000`): digits only, or NaN, which the service
 * refuses as BAD_OPTION. Number() alone read `0x10` as 16 and `1e3` as 1000.
 */
function integerOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

function fail(code: number, message: string): number {
  process.stderr.write(`actorgraph import: ${message}\n`);
  return code;
}
