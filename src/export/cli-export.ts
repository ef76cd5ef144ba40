import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { BadUserInputError } from "../errors.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat } from "./formats.js";
import { parseExportScope } from "./scope.js";
import type { ExportGraph } from "./types.js";

/**
 * Adds `actorgraph export <format>`: streams the graph, a neighbourhood, a route search's
 * routes or listed elements as GraphML, Cytoscape.js JSON, CSV or FtM JSONL, to `--out` or stdout. CSV writes
 * nodes.csv and edges.csv into the `--out` directory. Options mirror the HTTP query parameters
 * of `GET /export/<format>` (src/export/scope.ts), with the same defaults and caps; an option the
 * chosen `--scope` does not take (`--nodes` without `--scope elements`) is an error, never ignored.
 */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(`Export the graph as ${EXPORT_FORMAT_NAMES.join(", ")} (streamed; edges carry confidence, status, dates and evidence).`)
    .argument("<format>", EXPORT_FORMAT_NAMES.join(" | "))
    .option("--out <path>", "output file (default stdout); for csv, the directory that gets nodes.csv and edges.csv")
    .option("--scope <scope>", "all | neighborhood | routes | elements", "all")
    .option("--id <id>", "neighborhood: the centre entity")
    .option("--depth <hops>", "neighborhood: hops, default 1, cap 3")
    .option("--limit <n>", "neighborhood: entities (default 200, cap 2000); routes: routes (default 10, cap 50)")
    .option("--from <id>", "routes: start entity")
    .option("--to <id>", "routes: end entity")
    .option("--max-hops <n>", "routes: default 6, cap 10")
    .option("--min-confidence <x>", "routes: in [0, 1]")
    .option("--relationship-types <types>", "routes: comma-separated allow-listed types")
    .option("--statuses <statuses>", "routes: comma-separated claim statuses")
    .option("--via <ids>", "routes: comma-separated waypoints")
    .option("--avoid <ids>", "routes: comma-separated entities to avoid")
    .option("--direction <direction>", "routes: FLOW (default) or ANY")
    .option("--as-of <date>", "routes: YYYY-MM-DD")
    .option("--time-respecting", "routes: dated hops in time order")
    .option("--nodes <ids>", "elements: comma-separated entity ids (1 to 5000)")
    .option("--relationships <keys>", "elements: comma-separated TYPE:id relationship keys (at most 5000), both ends among --nodes")
    .action(async (format: string, options: Record<string, unknown>) => {
      if (!isExportFormat(format)) throw new BadUserInputError(`unknown format ${JSON.stringify(format)}; formats: ${EXPORT_FORMAT_NAMES.join(", ")}`);
      const { out, ...params } = options;
      if (format === "csv" && typeof out !== "string") throw new BadUserInputError("csv writes two files: give --out <directory>");
      const app = createApp(loadConfig());
      try {
        const graph = await app.exports.graph(parseExportScope(params));
        await writeExport(graph, format, typeof out === "string" ? out : null);
      } finally {
        await app.close();
      }
    });
}

/**
 * Streams the export to stdout, or to `out`. Files are written beside their target as
 * `<name>.partial-<pid>` and renamed into place only once every file of the format is complete,
 * so a failed export (database gone mid-stream, disk full) leaves no cut or header-only file,
 * and an earlier complete export at the same path is kept.
 */
async function writeExport(graph: ExportGraph, format: keyof typeof EXPORT_FORMATS, out: string | null): Promise<void> {
  const files = EXPORT_FORMATS[format];
  if (out === null) return pipeline(Readable.from(files[0]!.chunks(graph)), process.stdout, { end: false });
  if (format === "csv") mkdirSync(out, { recursive: true });
  const written: { partial: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = format === "csv" ? join(out, file.fileName) : out;
      const partial = `${target}.partial-${process.pid}`;
      written.push({ partial, target });
      await pipeline(Readable.from(file.chunks(graph)), createWriteStream(partial));
    }
    for (const { partial, target } of written) renameSync(partial, target);
  } catch (err) {
    for (const { partial } of written) rmSync(partial, { force: true });
    throw err;
  }
}
