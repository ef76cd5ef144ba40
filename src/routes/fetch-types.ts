import type { Row } from "../db/run.js";
import type { Walk } from "./hop-store.js";
import type { GraphEdge } from "./types.js";

/** The shapes the route engine's round trips take and give (src/routes/fetch-hops.ts). */

/** Per-hop filters applied while fetching, so the in-memory search never sees excluded relationships. */
export interface HopFilter {
  /** Allow-listed relationship types to walk. */
  readonly types: readonly string[];
  /** Context types walkable where they touch an entity of `via` (direction ANY only; empty otherwise). */
  readonly viaTypes: readonly string[];
  /** The route's waypoints (where `viaTypes` are walkable). */
  readonly via: readonly string[];
  /** Claim statuses to walk. */
  readonly statuses: readonly string[];
  /** Minimum confidence of each hop, in [0, 1]. */
  readonly minConfidence: number;
  /** ISO 8601 date: keep relationships valid on that day, or null for no date filter. */
  readonly asOf: string | null;
  /** Entity ids no hop may enter. */
  readonly avoid: readonly string[];
  /** FtM topics that make an entity an exposure target (empty for routes). */
  readonly topics: readonly string[];
}

/** One entity to expand: all its relationships of `walk`. Without `force`, an entity with more than the degree cap of relationships in all is skipped (see expand-hops-*.cypher). */
export interface ExpandItem {
  readonly id: string;
  readonly walk: Walk;
  readonly force: boolean;
}

/** A relationship row: the relationship, the expanded entity and what is known of the neighbour. */
export interface HopRow {
  readonly edge: GraphEdge;
  /** The expanded entity. */
  readonly node: string;
  /** The neighbour. */
  readonly other: string;
  /** The neighbour's degree: the relationships of the walked types a route walking through it reads (FLOW: leaving it; ANY: all). */
  readonly degree: number;
  /** The relationships of the walked types entering the neighbour (ANY: all): what expanding it backwards reads. */
  readonly inDegree: number;
  /** True when the neighbour carries one of the filter's topics. */
  readonly target: boolean;
}

/** What a round trip says of an entity it checked. */
export interface EntityCheck {
  readonly exists: boolean;
  /** Relationships of the walked types a route walking through it reads (the hub measure). */
  readonly degree: number;
  /** Relationships of the walked types entering it (ANY: all). */
  readonly inDegree: number;
  /** Relationships of any type, either direction: an unforced expansion skips the entity past the cap. */
  readonly total: number;
  /** True when it carries one of the filter's topics. */
  readonly target: boolean;
}

/** What one round trip fetched. */
export interface FetchedHops {
  /** Per checked id: whether it exists, its degree and its relationships in all. */
  readonly checks: ReadonlyMap<string, EntityCheck>;
  readonly rows: readonly HopRow[];
  /** The items whose relationships were all fetched. */
  readonly expanded: readonly ExpandItem[];
  /** Relationship rows read. */
  readonly read: number;
  /** Set when the row limit or the time limit cut the round trip short. */
  readonly stop?: "LIMIT_REACHED" | "TIMED_OUT";
}

/** What the fast first round trip should fetch (see expand-balls-*.cypher). */
export interface BallsRequest {
  readonly from: string;
  readonly to: string;
  /** `out` (FLOW over the flow types) or `both` (ANY over the flow and connection types). */
  readonly walk: "out" | "both";
  /** Levels from `from`: 1 or 2. */
  readonly fLevels: number;
  /** Levels into `to`: 0 to 2. */
  readonly bLevels: number;
  /** The search's maxHops: the joining paths take the hops the levels leave (at most 3). */
  readonly maxHops: number;
  /** Most relationships a level may read (the degrees of the entities it expands). */
  readonly levelBudget: number;
  /** Most joining paths; past it the answer is not complete. */
  readonly pathBudget: number;
}

/** What the fast first round trip fetched. Rows' `node` is empty: the levels say which entities were expanded. */
export interface FetchedBalls {
  /** Ids of the filter's `avoid` that name no entity. */
  readonly missing: readonly string[];
  readonly fromDegree: number;
  readonly toDegree: number;
  readonly toInDegree: number;
  readonly f1: readonly HopRow[];
  readonly f2: readonly HopRow[];
  readonly b1: readonly HopRow[];
  readonly b2: readonly HopRow[];
  readonly middle: readonly HopRow[];
  /**
   * Which second levels ran, how many entities the backward one left unexpanded for their many
   * entering relationships, and whether the answer holds every relationship of every route within maxHops.
   */
  readonly done: { readonly f2: boolean; readonly b2: boolean; readonly skipped: number; readonly complete: boolean };
}

/** What expand-paths-flow.cypher found: every route's relationships between two entities. */
export interface FetchedPaths {
  /** Paths the enumeration read (before hubs and trimming), at most the budget. */
  readonly paths: number;
  readonly rows: readonly HopRow[];
  /** Hubs that blocked a path (id, relationships leaving it). */
  readonly hubs: readonly { id: string; degree: number }[];
  /**
   * Relationships of the likely top routes with their evidence, sources and entities (rows as
   * relationships-by-ids.cypher returns them), brought in the same round trip.
   */
  readonly evidence: readonly Row[];
}

/** Limits of expand-paths-flow.cypher. */
export interface PathsBudget {
  /** Most paths read; past it the answer is null. */
  readonly pathBudget: number;
  /**
   * Routes the caller ranks (its limit + 1, to tell whether there are more), or null to return
   * every path's relationships (a time-respecting search, whose routes' confidence is not their
   * best path's product).
   */
  readonly keepRoutes: number | null;
  /** Best entity sequences whose relationships' evidence comes along. */
  readonly evidenceRoutes: number;
  /** Backward hops of the enumeration's split (0–3) for this call only; by default ROUTE_PATH_SPLIT's. */
  readonly split?: number;
}
