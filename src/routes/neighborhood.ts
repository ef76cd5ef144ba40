import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { toGraphEdge, type HopFilter } from "./expand.js";
import type { GraphEdge } from "./types.js";

/** Entities and relationships found by a bounded breadth-first expansion. */
export interface FetchedNeighborhood {
  /** Entity ids, the centre first, in breadth-first order; at most `limit`. */
  readonly nodes: string[];
  /** Relationships whose two endpoints are both in `nodes`. */
  readonly edges: GraphEdge[];
  /** True when `limit` cut the expansion. */
  readonly truncated: boolean;
}

/**
 * Breadth-first expansion from `center`, undirected, one `expand-both` query per level (the
 * same query route searches use), stopping at `depth` hops or `limit` entities.
 */
export async function fetchNeighborhood(
  db: Database,
  center: string,
  depth: number,
  limit: number,
  filter: HopFilter,
): Promise<FetchedNeighborhood> {
  const seen = new Set([center]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [center];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level += 1) {
    const rows = await db.read("expand-both", {
      ids: frontier,
      types: filter.types,
      statuses: filter.statuses,
      minConfidence: filter.minConfidence,
      asOf: null,
      avoid: filter.avoid,
      limit: neo4j.int(limit * 20),
    });
    if (rows.length >= limit * 20) truncated = true;
    const next: string[] = [];
    // Strongest first, so a cut at `limit` keeps the best-supported neighbours.
    const edgesByStrength = rows.map(toGraphEdge).sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? -1 : 1));
    for (const edge of edgesByStrength) {
      for (const node of [edge.start, edge.end]) {
        if (seen.has(node)) continue;
        if (seen.size >= limit) {
          truncated = true;
          continue;
        }
        seen.add(node);
        next.push(node);
      }
      if (seen.has(edge.start) && seen.has(edge.end)) edges.set(`${edge.type}\u0000${edge.id}`, edge);
    }
    frontier = next;
  }
  return { nodes: [...seen], edges: [...edges.values()], truncated };
}
