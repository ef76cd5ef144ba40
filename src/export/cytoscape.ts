import { edgeKey, exportedEvidence } from "./attributes.js";
import type { ExportEdge, ExportGraph, ExportNode } from "./types.js";

/**
 * Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json), streamed:
 * `{"elements": {"nodes": [{"data": {id, label, …}}], "edges": [{"data": {id, source, target,
 * type, confidence, status, validFrom, validTo, evidence: [...]}}]}}`. Lists stay JSON arrays;
 * each edge's id is `TYPE:relationshipId` (see attributes.ts).
 */
export async function* cytoscapeChunks(graph: ExportGraph): AsyncIterable<string> {
  yield '{"elements":{"nodes":[';
  let first = true;
  for await (const page of graph.nodes()) {
    if (page.length === 0) continue;
    yield (first ? "\n" : ",\n") + page.map((n) => JSON.stringify({ data: nodeData(n) })).join(",\n");
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for await (const page of graph.edges()) {
    if (page.length === 0) continue;
    yield (first ? "\n" : ",\n") + page.map((e) => JSON.stringify({ data: edgeData(e) })).join(",\n");
    first = false;
  }
  yield "\n]}}\n";
}

function nodeData(n: ExportNode): Record<string, unknown> {
  return {
    id: n.id,
    label: n.name,
    kind: n.kind,
    aliases: n.aliases,
    description: n.description,
    unidentified: n.unidentified,
    country: n.country,
    date: n.date,
    topics: n.topics,
    identifiers: n.identifiers,
    stub: n.stub,
  };
}

function edgeData(e: ExportEdge): Record<string, unknown> {
  return {
    id: edgeKey(e),
    source: e.from.id,
    target: e.to.id,
    type: e.type,
    relationshipId: e.id,
    confidence: e.confidence,
    status: e.status,
    validFrom: e.validFrom,
    validTo: e.validTo,
    amount: e.amount,
    currency: e.currency,
    goods: e.goods,
    hedge: e.hedge,
    note: e.note,
    amountEur: e.amountEur,
    amountUsd: e.amountUsd,
    percentage: e.percentage,
    role: e.role,
    program: e.program,
    authority: e.authority,
    purpose: e.purpose,
    properties: Object.fromEntries(e.properties.map((p) => [p.name, p.values])),
    evidence: e.evidence.map(exportedEvidence),
  };
}
