import { EDGE_ATTRIBUTES, edgeKey, NODE_ATTRIBUTES, type Attribute, type FlatValue } from "./attributes.js";
import type { ExportGraph } from "./types.js";

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/specification.html), the format Gephi, yEd and
 * Cytoscape desktop open: one `<key>` per attribute with its `attr.type` (declared before the
 * graph, as the XSD requires), a directed `<graph>`, nodes then edges. Each edge's id is
 * `TYPE:relationshipId` (see attributes.ts). Text is escaped for XML 1.0, and characters XML 1.0
 * cannot carry at all (most control characters, lone surrogates) are dropped.
 */
export async function* graphmlChunks(graph: ExportGraph): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  yield keys("node", "n", NODE_ATTRIBUTES) + keys("edge", "e", EDGE_ATTRIBUTES);
  yield '  <graph id="actorgraph" edgedefault="directed">\n';
  for await (const page of graph.nodes()) {
    yield page.map((n) => `    <node id="${xml(n.id)}">${data("n", NODE_ATTRIBUTES, n)}</node>\n`).join("");
  }
  for await (const page of graph.edges()) {
    yield page
      .map((e) => `    <edge id="${xml(edgeKey(e))}" source="${xml(e.from.id)}" target="${xml(e.to.id)}">${data("e", EDGE_ATTRIBUTES, e)}</edge>\n`)
      .join("");
  }
  yield "  </graph>\n</graphml>\n";
}

function keys<T>(domain: "node" | "edge", prefix: string, attributes: readonly Attribute<T>[]): string {
  return attributes.map((a, i) => `  <key id="${prefix}${i}" for="${domain}" attr.name="${a.name}" attr.type="${a.type}"/>\n`).join("");
}

function data<T>(prefix: string, attributes: readonly Attribute<T>[], item: T): string {
  return attributes
    .map((a, i) => {
      const value = a.get(item);
      return value === null ? "" : `<data key="${prefix}${i}">${xml(formatValue(value))}</data>`;
    })
    .join("");
}

function formatValue(value: Exclude<FlatValue, null>): string {
  return typeof value === "number" && !Number.isFinite(value) ? "NaN" : String(value);
}

// Everything outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an XML attribute value or element content. */
export function xml(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
