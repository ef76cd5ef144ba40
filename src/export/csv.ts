import { stringify } from "csv-stringify/sync";
import { EDGE_ATTRIBUTES, edgeKey, NODE_ATTRIBUTES, type Attribute, type FlatValue } from "./attributes.js";
import type { ExportEdge, ExportGraph, ExportNode } from "./types.js";

/**
 * CSV as two files, RFC 4180 (csv-stringify: comma-separated, a header row, fields quoted when
 * needed, `\n` line ends), which `pandas.read_csv(url)` reads as is:
 * - nodes.csv: `id` then the node attributes of attributes.ts;
 * - edges.csv: `id` (`TYPE:relationshipId`), `source`, `target`, then the edge attributes.
 * `aliases`, `goods` and `evidence` are JSON-encoded (evidence: a list of
 * `{quote, start, end, sourceId, sourceTitle, publisher, url, publishedAt}`); booleans are
 * `true`/`false`; absent values are empty cells.
 *
 * Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a text cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms) gets a
 * leading `'` (csv-stringify `escape_formulas`), so a spreadsheet shows it as text instead of
 * running it; numbers, negative ones included, are left alone. Readers other than spreadsheets
 * (pandas) see the `'` and may strip it.
 */
export async function* nodesCsvChunks(graph: ExportGraph): AsyncIterable<string> {
  yield* csvChunks(graph.nodes(), ["id", ...NODE_ATTRIBUTES.map((a) => a.name)], (n: ExportNode) => [n.id, ...cells(NODE_ATTRIBUTES, n)]);
}

/** edges.csv; see {@link nodesCsvChunks}. */
export async function* edgesCsvChunks(graph: ExportGraph): AsyncIterable<string> {
  yield* csvChunks(graph.edges(), ["id", "source", "target", ...EDGE_ATTRIBUTES.map((a) => a.name)], (e: ExportEdge) => [
    edgeKey(e),
    e.from.id,
    e.to.id,
    ...cells(EDGE_ATTRIBUTES, e),
  ]);
}

async function* csvChunks<T>(pages: AsyncIterable<readonly T[]>, header: readonly string[], row: (item: T) => FlatValue[]): AsyncIterable<string> {
  yield stringify([header]);
  for await (const page of pages) {
    if (page.length > 0) yield stringify(page.map(row), { cast: { boolean: (b) => String(b) }, escape_formulas: true });
  }
}

function cells<T>(attributes: readonly Attribute<T>[], item: T): FlatValue[] {
  return attributes.map((a) => a.get(item));
}
