/**
 * Plain shapes shared by the route engine (src/routes) and its callers. No driver types.
 */

/** A relationship as the route search sees it: endpoints, type and what ranks or filters it. */
export interface GraphEdge {
  /** The relationship's `id` property (unique per type). */
  readonly id: string;
  /** Allow-listed relationship type. */
  readonly type: string;
  /** Entity id of the stored start node. */
  readonly start: string;
  /** Entity id of the stored end node. */
  readonly end: string;
  /** In [0, 1]. */
  readonly confidence: number;
  /** Claim status (REPORTED, LIKELY, POSSIBLE, UNCONFIRMED): ranks claims of equal confidence. */
  readonly status: string;
  /** ISO 8601 date (YYYY-MM-DD) from which the relationship holds, or null when unknown. */
  readonly validFrom: string | null;
}

/** One relationship walked from one entity to the next. */
export interface RouteStep {
  readonly edge: GraphEdge;
  /** Entity id the step leaves. */
  readonly from: string;
  /** Entity id the step reaches. */
  readonly to: string;
  /** True when the step walks the relationship against its stored direction (direction ANY only). */
  readonly reversed: boolean;
}

/**
 * One hop of a route: every relationship between two consecutive entities in the route's
 * direction (parallel claims are one hop, not several routes).
 */
export interface RouteHop {
  readonly from: string;
  readonly to: string;
  /** All the hop's relationships that pass the filters, strongest first (see hops.ts `compareStrength`). */
  readonly steps: readonly RouteStep[];
  /** The relationship the route's confidence uses: the strongest, unless `timeRespecting` needed an earlier-dated one. */
  readonly chosen: RouteStep;
}

/** A simple path of entities from the query's `from` to its `to` (or to an exposure target). */
export interface FoundRoute {
  /** Entity ids in order, `from` first; length = hops + 1. No two routes of an answer share this sequence. */
  readonly nodes: readonly string[];
  readonly hops: readonly RouteHop[];
  /** Product of the hops' confidences, multiplied in path order. */
  readonly confidence: number;
}

/** Why a search stopped before it had proved its answer complete. */
export type RouteStop = "TIMED_OUT" | "LIMIT_REACHED";

/** The in-memory part of a route query: everything but the per-hop filters, which the fetched relationships already passed. */
export interface TopKRouteQuery {
  readonly from: string;
  /** The end entity, or null when any entity of `targets` ends a route (exposure). */
  readonly to: string | null;
  /** Maximum hops, ≥ 1. */
  readonly maxHops: number;
  /** How many routes to return, ≥ 1. */
  readonly limit: number;
  /** Routes whose confidence product is below this are dropped; in [0, 1]. */
  readonly minRouteConfidence: number;
  /** Entity ids every route must pass, in any order. */
  readonly via: readonly string[];
  /** Each dated hop's validFrom must be no earlier than the latest validFrom before it. */
  readonly timeRespecting: boolean;
}

/** Work limits of one in-memory search. */
export interface SearchBudget {
  /** Absolute deadline, in `now()` **milliseconds**. */
  readonly deadline: number;
  /** Maximum partial paths queued (each holds one node and a parent pointer) before stopping with LIMIT_REACHED; bounds memory and time. */
  readonly maxExpansions: number;
  readonly now: () => number;
}

/** Answer of the in-memory search. */
export interface TopKResult {
  /** Best first: confidence desc, then hops asc, then entity ids in lexicographic order. */
  readonly routes: readonly FoundRoute[];
  /** True when more routes than `limit` satisfy the query. */
  readonly hasMore: boolean;
  /** Set when the search was cut short; the routes returned are real but may not be the best. */
  readonly stop?: RouteStop;
}

/** An entity the search did not walk through because it has more relationships than the degree cap. */
export interface SkippedHub {
  readonly id: string;
  /** Relationships of the walked types (either direction, any status or date). */
  readonly degree: number;
}
