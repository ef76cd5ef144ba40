import { cytoscapeChunks } from "./cytoscape.js";
import { edgesCsvChunks, nodesCsvChunks } from "./csv.js";
import { ftmChunks } from "./ftm.js";
import { graphmlChunks } from "./graphml.js";
import type { ExportChunks } from "./types.js";

/** One exported file: its writer, media type and default file name. */
export interface ExportFile {
  readonly chunks: ExportChunks;
  readonly contentType: string;
  readonly fileName: string;
}

/**
 * The export formats and the files each writes. CSV is two files (nodes.csv, edges.csv), served
 * at `/export/csv/nodes.csv` and `/export/csv/edges.csv`; every other format is one file.
 */
export const EXPORT_FORMATS = Object.freeze({
  graphml: [{ chunks: graphmlChunks, contentType: "application/graphml+xml; charset=utf-8", fileName: "actorgraph.graphml" }],
  cytoscape: [{ chunks: cytoscapeChunks, contentType: "application/json; charset=utf-8", fileName: "actorgraph.cyjs" }],
  csv: [
    { chunks: nodesCsvChunks, contentType: "text/csv; charset=utf-8; header=present", fileName: "nodes.csv" },
    { chunks: edgesCsvChunks, contentType: "text/csv; charset=utf-8; header=present", fileName: "edges.csv" },
  ],
  ftm: [{ chunks: ftmChunks, contentType: "application/x-ndjson; charset=utf-8", fileName: "actorgraph.ftm.jsonl" }],
} satisfies Record<string, readonly ExportFile[]>);
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Every export format name, for help texts and errors. */
export const EXPORT_FORMAT_NAMES = Object.freeze(Object.keys(EXPORT_FORMATS) as ExportFormat[]);

/** Type guard for {@link ExportFormat}. */
export function isExportFormat(value: string): value is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}
