import type { EvidenceView } from "../services/views.js";
import type { ExportEdge, ExportNode } from "./types.js";

/**
 * The flat attributes every tabular or keyed format (GraphML, CSV) carries, one definition for
 * all of them so the formats cannot drift apart. Lists and evidence are JSON-encoded strings
 * (a quote may contain any separator, `|` included); absent values are null (an empty CSV cell,
 * no GraphML `<data>`).
 */

/** GraphML `attr.type` of an attribute (GraphML 1.0 spec, section 2.4.2). */
export type AttributeType = "string" | "double" | "int" | "boolean";

/** A flat value: what one CSV cell or GraphML `<data>` holds. */
export type FlatValue = string | number | boolean | null;

/** One attribute: its name (CSV column, GraphML key `attr.name`), type and how to read it. */
export interface Attribute<T> {
  readonly name: string;
  readonly type: AttributeType;
  readonly get: (item: T) => FlatValue;
}

/** Evidence as exported: the quote, its offsets in UTF-16 code units, and its source. */
export interface ExportedEvidence {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly sourceId: string;
  readonly sourceTitle: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

/** Flattens one evidence item (the Cytoscape.js writer keeps the list as JSON values). */
export function exportedEvidence(e: EvidenceView): ExportedEvidence {
  const s = e.source;
  return { quote: e.quote, start: e.start, end: e.end, sourceId: s.id, sourceTitle: s.title, publisher: s.publisher, url: s.url, publishedAt: s.publishedAt };
}

const json = (value: unknown): string => JSON.stringify(value);

/** Node attributes, in column order; `id` is the node's own identifier, not an attribute. */
export const NODE_ATTRIBUTES: readonly Attribute<ExportNode>[] = [
  // Gephi and Cytoscape desktop show `label` as the node's caption.
  { name: "label", type: "string", get: (n) => n.name },
  { name: "kind", type: "string", get: (n) => n.kind },
  { name: "aliases", type: "string", get: (n) => json(n.aliases) },
  { name: "description", type: "string", get: (n) => n.description },
  { name: "unidentified", type: "boolean", get: (n) => n.unidentified },
  { name: "country", type: "string", get: (n) => n.country },
  { name: "date", type: "string", get: (n) => n.date },
  // FtM topics (`["sanction"]`), so Gephi can colour sanctioned nodes (partition by topics).
  { name: "topics", type: "string", get: (n) => json(n.topics) },
  // `[{"scheme": "innCode", "value": "7707083893"}, …]`
  { name: "identifiers", type: "string", get: (n) => json(n.identifiers) },
  { name: "stub", type: "boolean", get: (n) => n.stub },
];

/** Edge attributes, in column order; `id`, `source` and `target` are the edge's identifiers. */
export const EDGE_ATTRIBUTES: readonly Attribute<ExportEdge>[] = [
  { name: "type", type: "string", get: (e) => e.type },
  { name: "relationshipId", type: "string", get: (e) => e.id },
  { name: "confidence", type: "double", get: (e) => e.confidence },
  { name: "status", type: "string", get: (e) => e.status },
  { name: "validFrom", type: "string", get: (e) => e.validFrom },
  { name: "validTo", type: "string", get: (e) => e.validTo },
  { name: "amount", type: "double", get: (e) => e.amount },
  { name: "currency", type: "string", get: (e) => e.currency },
  { name: "goods", type: "string", get: (e) => json(e.goods) },
  { name: "hedge", type: "string", get: (e) => e.hedge },
  { name: "note", type: "string", get: (e) => e.note },
  { name: "amountEur", type: "double", get: (e) => e.amountEur },
  { name: "amountUsd", type: "double", get: (e) => e.amountUsd },
  { name: "percentage", type: "double", get: (e) => e.percentage },
  { name: "role", type: "string", get: (e) => e.role },
  { name: "program", type: "string", get: (e) => e.program },
  { name: "authority", type: "string", get: (e) => e.authority },
  { name: "purpose", type: "string", get: (e) => e.purpose },
  // Every FtM property of the link: `{"percentage": ["51"], "sourceUrl": ["…"]}`.
  { name: "properties", type: "string", get: (e) => json(Object.fromEntries(e.properties.map((p) => [p.name, p.values]))) },
  { name: "evidenceCount", type: "int", get: (e) => e.evidence.length },
  // Imports keep only the first 20 statements of a restated fact as evidence; this counts them all.
  { name: "statementCount", type: "int", get: (e) => e.statementCount },
  { name: "evidence", type: "string", get: (e) => json(e.evidence.map(exportedEvidence)) },
];

/**
 * The exported id of an edge: `TYPE:relationshipId`. Relationship ids are unique per type only
 * (cypher/schema.cypher), and GraphML and Cytoscape.js need ids unique per document.
 */
export function edgeKey(e: Pick<ExportEdge, "type" | "id">): string {
  return `${e.type}:${e.id}`;
}
