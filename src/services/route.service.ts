import type { Config } from "../config.js";
import type { Database } from "../db/run.js";
import { BadUserInputError, UnreachableCaseError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import {
  CLAIM_STATUSES,
  CONNECTION_RELATIONSHIP_TYPES,
  FLOW_RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  type RelationshipType,
  type StoredClaimStatus,
} from "../model/vocabulary.js";
import { withRetracted } from "./retracted.js";
import { fetchRouteSubgraph } from "../routes/expand.js";
import { findTopKRoutesAsync } from "../routes/top-k-routes.js";
import type { FoundRoute, RouteStop } from "../routes/types.js";
import type { EntityService } from "./entity.service.js";
import { allowListed, idList, intInRange, isoDate, numberInRange, entityId } from "./validate.js";
import { toRelationshipView, type EntityView, type RelationshipView, type SubgraphView } from "./views.js";

/** Milliseconds of each search budget kept for loading the found routes' evidence (at most a tenth of the budget). */
const DESCRIBE_RESERVE_MS = 250;

/** FLOW follows goods and money in their stored direction; ANY asks how entities are connected at all. */
export type RouteDirection = "FLOW" | "ANY";

/** Why a route search has no routes, or was cut short. */
export type RouteSearchReason = "NO_PATH_WITHIN_HOPS" | RouteStop;

/** A route query. Omitted fields take the defaults documented in schema.graphql. */
export interface RouteQuery {
  readonly from: string;
  readonly to: string;
  /** Default 6, cap 10 hops. */
  readonly maxHops?: number;
  /** Default 10, cap 50 routes. */
  readonly limit?: number;
  /** In [0, 1], default 0: applies to each hop and to the route's confidence product. */
  readonly minConfidence?: number;
  /** Allow-listed types; default: the flow types for FLOW, every type but provenance (REPORTED_ON) for ANY. */
  readonly relationshipTypes?: readonly string[] | null;
  /** Default: every status. */
  readonly statuses?: readonly string[] | null;
  /** Waypoints every route passes, in any order; at most 5. */
  readonly via?: readonly string[] | null;
  /** Entities no route may pass; at most 100. */
  readonly avoid?: readonly string[] | null;
  /** Default FLOW. */
  readonly direction?: RouteDirection;
  /** ISO 8601 date: every hop valid on that day. */
  readonly asOf?: string | null;
  /** Each dated hop starts no earlier than the latest dated hop before it. Default false. */
  readonly timeRespecting?: boolean;
  /** Also follow retracted claims (status RETRACTED, marked `retracted` on each hop). Default false. */
  readonly includeRetracted?: boolean | null;
}

/** One hop of a route. */
export interface HopView {
  readonly from: EntityView;
  readonly to: EntityView;
  readonly relationship: RelationshipView;
  /** True when the hop walks the relationship against its stored direction (direction ANY). */
  readonly reversed: boolean;
}

/** One ranked route. */
export interface RouteView {
  /** 1-based position in the ranking. */
  readonly rank: number;
  /** Product of hop confidences, in [0, 1], rounded to 9 decimal places. */
  readonly confidence: number;
  /** Number of hops. */
  readonly length: number;
  /**
   * Entity names in route order: "DJI → Small intermediaries and exporters → Russia → …". A hop
   * walked against its stored direction (direction ANY) shows "←": "DJI → Intermediaries ← Biden administration".
   */
  readonly summary: string;
  readonly hops: readonly HopView[];
}

/** A route search's answer, honest about how complete it is. */
export interface RouteSearchView {
  readonly routes: readonly RouteView[];
  /** True when a time or work limit cut the search short (see `reason`). */
  readonly truncated: boolean;
  /** True when the answer is proved complete: no better route within maxHops was left unexamined. */
  readonly exhausted: boolean;
  /** True when more routes than `limit` satisfy the query. */
  readonly hasMore: boolean;
  readonly reason: RouteSearchReason | null;
  /** One sentence on what to try next when there are no routes or the search was cut; null otherwise. */
  readonly hint: string | null;
  /** Milliseconds the search took. */
  readonly elapsedMs: number;
  /** Union of the routes' nodes and relationships. */
  readonly subgraph: SubgraphView;
}

/** A validated RouteQuery with every default filled in. */
interface ResolvedRouteQuery {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly limit: number;
  readonly minConfidence: number;
  readonly types: readonly RelationshipType[];
  readonly statuses: readonly StoredClaimStatus[];
  readonly via: readonly string[];
  readonly avoid: readonly string[];
  readonly direction: RouteDirection;
  readonly asOf: string | null;
  readonly timeRespecting: boolean;
}

/**
 * Finds ranked routes between entities: a bounded bidirectional expansion in Neo4j
 * (routes/expand.ts) followed by an exact best-first top-k search (routes/top-k-routes.ts).
 * Neither step runs an unbounded variable-length match or the exhaustive shortest-path
 * fallback.
 */
export class RouteService {
  constructor(
    private readonly db: Database,
    private readonly entities: EntityService,
    private readonly config: Pick<Config, "routeBudgetMs" | "routeMaxRelationships">,
  ) {}

  /**
   * Top-k routes by confidence from `query.from` to `query.to`, within ROUTE_BUDGET_MS or the
   * earlier `options.deadline` (an absolute `Date.now()` time in **milliseconds**; past it, the
   * answer is TIMED_OUT at once). `options.checkedIds` skips the existence check when the
   * caller has already made it.
   * @throws BadUserInputError for out-of-range arguments or from = to; NotFoundError for unknown ids;
   *   DatabaseUnavailableError when Neo4j is down.
   */
  async findRoutes(query: RouteQuery, options: { deadline?: number; checkedIds?: boolean } = {}): Promise<RouteSearchView> {
    const started = Date.now();
    const q = resolveRouteQuery(query);
    const budgetEnd = Math.min(started + this.config.routeBudgetMs, options.deadline ?? Number.POSITIVE_INFINITY);
    // Stop searching a little early, so loading the evidence of what was found still ends within the budget.
    const deadline = budgetEnd - Math.min(DESCRIBE_RESERVE_MS, this.config.routeBudgetMs / 10);
    if (started >= deadline) return this.cutShort(q, started);
    if (!options.checkedIds) await this.entities.assertExist([q.from, q.to, ...q.via, ...q.avoid]);
    const undirected = q.direction === "ANY";
    const fetched = await fetchRouteSubgraph(this.db, q.from, q.to, q.maxHops, undirected, q, {
      maxRelationships: this.config.routeMaxRelationships,
      deadline,
    });
    const found = await findTopKRoutesAsync(
      fetched.edges,
      {
        from: q.from,
        to: q.to,
        maxHops: q.maxHops,
        limit: q.limit,
        minRouteConfidence: q.minConfidence,
        via: q.via,
        timeRespecting: q.timeRespecting,
        undirected,
      },
      { deadline, maxExpansions: LIMITS.maxExpansions, now: Date.now },
    );
    const stop = fetched.stop ?? found.stop;
    const routes = await this.describeRoutes(found.routes);
    const reason = stop ?? (routes.length === 0 ? "NO_PATH_WITHIN_HOPS" : null);
    return {
      routes,
      truncated: stop !== undefined,
      exhausted: stop === undefined,
      hasMore: found.hasMore,
      reason,
      hint: reason === null ? null : routeHint(reason, q),
      elapsedMs: Date.now() - started,
      subgraph: routesSubgraph(routes),
    };
  }

  /** The answer when the request's budget was spent before this search could start: no database call. */
  private cutShort(q: ResolvedRouteQuery, started: number): RouteSearchView {
    return {
      routes: [],
      truncated: true,
      exhausted: false,
      hasMore: false,
      reason: "TIMED_OUT",
      hint: routeHint("TIMED_OUT", q),
      elapsedMs: Date.now() - started,
      subgraph: { nodes: [], edges: [], truncated: false },
    };
  }

  /** Loads evidence, sources and endpoint entities for every hop, in one query. */
  private async describeRoutes(found: readonly FoundRoute[]): Promise<RouteView[]> {
    const refs = new Map<string, { id: string; start: string; end: string }>();
    for (const route of found) {
      for (const step of route.steps) {
        refs.set(relKey(step.edge.type, step.edge.id), { id: step.edge.id, start: step.edge.start, end: step.edge.end });
      }
    }
    if (refs.size === 0) return [];
    const rows = await this.db.read("relationships-by-ids", { refs: [...refs.values()] });
    const byKey = new Map(rows.map((row) => {
      const rel = toRelationshipView(row);
      return [relKey(rel.type, rel.id), rel] as const;
    }));
    return found.map((route, i) => {
      const hops = route.steps.map((step) => {
        const relationship = byKey.get(relKey(step.edge.type, step.edge.id));
        if (!relationship) throw new Error(`Relationship ${step.edge.id} vanished during the search`);
        const [from, to] = step.reversed ? [relationship.to, relationship.from] : [relationship.from, relationship.to];
        return { from, to, relationship, reversed: step.reversed };
      });
      const summary = hops.reduce((text, h) => `${text} ${h.reversed ? "←" : "→"} ${h.to.name}`, hops[0]!.from.name);
      return { rank: i + 1, confidence: roundConfidence(route.confidence), length: hops.length, summary, hops };
    });
  }
}

/**
 * Rounds a confidence product to 9 decimal places for display (0.8³ prints as 0.512, not
 * 0.5120000000000001). Ranking always uses the unrounded product.
 */
export function roundConfidence(value: number): number {
  return Number(value.toFixed(9));
}

function relKey(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

/** What an investigator can try next, for a reason and the query that produced it. */
function routeHint(reason: RouteSearchReason, q: ResolvedRouteQuery): string {
  switch (reason) {
    case "NO_PATH_WITHIN_HOPS":
      return q.direction === "FLOW"
        ? `No flow of goods or money leads from ${q.from} to ${q.to} within ${hopCount(q.maxHops)} under these filters; direction: ANY asks how they are connected at all.`
        : `No connection within ${hopCount(q.maxHops)} under these filters; raise maxHops (up to ${LIMITS.maxHopsCap}) or relax the filters.`;
    case "TIMED_OUT":
    case "LIMIT_REACHED":
      return "The search was cut short; the routes shown are real but may not be the best. Narrow it with relationshipTypes, statuses, minConfidence or a smaller maxHops.";
    default:
      throw new UnreachableCaseError(reason);
  }
}

/** Validates a RouteQuery and fills in defaults. Throws BadUserInputError naming the argument. */
export function resolveRouteQuery(query: RouteQuery): ResolvedRouteQuery {
  const from = entityId("from", query.from);
  const to = entityId("to", query.to);
  if (from === to) {
    throw new BadUserInputError("from and to are the same entity; a route needs two different entities (use neighborhood to see an entity's links)", {
      argument: "to",
    });
  }
  const direction = query.direction ?? "FLOW";
  const defaultTypes = direction === "FLOW" ? FLOW_RELATIONSHIP_TYPES : CONNECTION_RELATIONSHIP_TYPES;
  const avoid = idList("avoid", query.avoid, LIMITS.avoidCap);
  const via = idList("via", query.via, LIMITS.viaCap);
  if (avoid.includes(from) || avoid.includes(to)) throw new BadUserInputError("avoid must not contain from or to", { argument: "avoid" });
  const clash = via.filter((v) => avoid.includes(v));
  if (clash.length > 0) throw new BadUserInputError(`via and avoid both contain ${clash.join(", ")}`, { argument: "via" });
  return {
    from,
    to,
    maxHops: intInRange("maxHops", query.maxHops ?? LIMITS.maxHopsDefault, 1, LIMITS.maxHopsCap),
    limit: intInRange("limit", query.limit ?? LIMITS.routeLimitDefault, 1, LIMITS.routeLimitCap),
    minConfidence: numberInRange("minConfidence", query.minConfidence ?? 0, 0, 1),
    types: query.relationshipTypes ? allowListed("relationshipTypes", query.relationshipTypes, RELATIONSHIP_TYPE_NAMES) : defaultTypes,
    statuses: withRetracted(query.statuses ? allowListed("statuses", query.statuses, CLAIM_STATUSES) : CLAIM_STATUSES, query.includeRetracted),
    via,
    avoid,
    direction,
    asOf: query.asOf === null || query.asOf === undefined ? null : isoDate("asOf", query.asOf),
    timeRespecting: query.timeRespecting ?? false,
  };
}

/** The union of the routes' entities and relationships, each once. */
export function routesSubgraph(routes: readonly RouteView[]): SubgraphView {
  const nodes = new Map<string, EntityView>();
  const edges = new Map<string, RelationshipView>();
  for (const route of routes) {
    for (const hop of route.hops) {
      nodes.set(hop.from.id, hop.from);
      nodes.set(hop.to.id, hop.to);
      edges.set(relKey(hop.relationship.type, hop.relationship.id), hop.relationship);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}

/** "1 hop", "6 hops": the hop count as a person would write it in a hint. */
function hopCount(n: number): string {
  return `${n} ${n === 1 ? "hop" : "hops"}`;
}
