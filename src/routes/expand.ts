import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { QueryTooCostlyError } from "../errors.js";
import type { QueryName } from "../db/queries.js";
import type { GraphEdge, RouteStop } from "./types.js";

/** Per-hop filters applied while fetching, so the in-memory search never sees excluded relationships. */
export interface HopFilter {
  /** Allow-listed relationship types to follow. */
  readonly types: readonly string[];
  /** Claim statuses to follow. */
  readonly statuses: readonly string[];
  /** Minimum confidence of each hop, in [0, 1]. */
  readonly minConfidence: number;
  /** ISO 8601 date: keep relationships valid on that day, or null for no date filter. */
  readonly asOf: string | null;
  /** Entity ids no hop may enter. */
  readonly avoid: readonly string[];
}

/** What one bounded expansion fetched. */
export interface FetchedSubgraph {
  readonly edges: GraphEdge[];
  /** Set when the relationship budget or the deadline cut the expansion short. */
  readonly stop?: RouteStop;
}

/** Limits of one expansion. */
export interface ExpansionBudget {
  /** Maximum relationships fetched in all. */
  readonly maxRelationships: number;
  /** Absolute deadline in `Date.now()` **milliseconds**. */
  readonly deadline: number;
}

/**
 * Fetches every relationship that can lie on a route of at most `maxHops` hops from `from`
 * to `to`, by a bounded bidirectional breadth-first expansion.
 *
 * Why it is complete: with a forward radius a and a backward radius b, a + b = maxHops, each
 * hop of such a route either leaves a node within a − 1 hops of `from` (fetched forwards) or
 * enters a node within b − 1 hops of `to` (fetched backwards). Each level expands the side
 * with the smaller frontier, so the work is about two balls of radius maxHops / 2 rather than
 * one of radius maxHops. When one side's frontier empties, everything reachable on that side
 * has been fetched, and the expansion stops early.
 *
 * Bounded: each level is one query with `LIMIT` set to the relationships left in the budget
 * and a transaction timeout set to the time left. Budget or time running out ends the
 * expansion with `stop` set; what was fetched is still returned.
 */
export async function fetchRouteSubgraph(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
  undirected: boolean,
  filter: HopFilter,
  budget: ExpansionBudget,
): Promise<FetchedSubgraph> {
  const edges = new Map<string, GraphEdge>();
  const sides = [
    { frontier: [from], seen: new Set([from]), depth: 0, query: (undirected ? "expand-both" : "expand-out") as QueryName },
    { frontier: [to], seen: new Set([to]), depth: 0, query: (undirected ? "expand-both" : "expand-in") as QueryName },
  ];
  const params = {
    types: filter.types,
    statuses: filter.statuses,
    minConfidence: filter.minConfidence,
    asOf: filter.asOf === null ? null : neo4j.types.Date.fromStandardDate(new Date(`${filter.asOf}T00:00:00Z`)),
    avoid: filter.avoid,
  };
  while (sides[0]!.depth + sides[1]!.depth < maxHops) {
    if (sides[0]!.frontier.length === 0 || sides[1]!.frontier.length === 0) break;
    const side = sides[0]!.frontier.length <= sides[1]!.frontier.length ? sides[0]! : sides[1]!;
    const remaining = budget.maxRelationships - edges.size;
    const timeLeft = budget.deadline - Date.now();
    if (timeLeft <= 0) return { edges: [...edges.values()], stop: "TIMED_OUT" };
    let rows;
    try {
      rows = await db.read(side.query, { ...params, ids: side.frontier, limit: neo4j.int(remaining + 1) }, { timeoutMs: Math.max(timeLeft, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return { edges: [...edges.values()], stop: "TIMED_OUT" };
      throw err;
    }
    if (rows.length > remaining) {
      for (const row of rows.slice(0, remaining)) addEdge(edges, row);
      return { edges: [...edges.values()], stop: "LIMIT_REACHED" };
    }
    const next: string[] = [];
    for (const row of rows) {
      const edge = addEdge(edges, row);
      // The frontier node is already seen; whichever endpoint is new joins the next level.
      for (const node of [edge.start, edge.end]) {
        if (!side.seen.has(node)) {
          side.seen.add(node);
          next.push(node);
        }
      }
    }
    side.frontier = next;
    side.depth += 1;
  }
  return { edges: [...edges.values()] };
}

/** Maps one row of the expand-* queries to a GraphEdge. */
export function toGraphEdge(row: Record<string, unknown>): GraphEdge {
  return {
    id: String(row.id),
    type: String(row.type),
    start: String(row.start),
    end: String(row.end),
    confidence: Number(row.confidence),
    validFrom: row.validFrom === null || row.validFrom === undefined ? null : String(row.validFrom),
  };
}

function addEdge(edges: Map<string, GraphEdge>, row: Record<string, unknown>): GraphEdge {
  const edge = toGraphEdge(row);
  const key = `${edge.type}\u0000${edge.id}`;
  const existing = edges.get(key);
  if (existing) return existing;
  edges.set(key, edge);
  return edge;
}
