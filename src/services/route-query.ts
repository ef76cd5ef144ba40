import { BadUserInputError } from "../errors.js";
import { FTM_TOPIC_CODES } from "../import/ftm-model.js";
import { LIMITS } from "../model/limits.js";
import {
  CLAIM_STATUSES,
  CONTEXT_RELATIONSHIP_TYPES,
  FLOW_RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  ROUTE_RELATIONSHIP_TYPES,
  type RelationshipType,
  type StoredClaimStatus,
} from "../model/vocabulary.js";
import type { HopFilter } from "../routes/fetch-hops.js";
import type { Walk } from "../routes/hop-store.js";
import { withRetracted } from "./retracted.js";
import { allowListed, entityId, idList, intInRange, isoDate, numberInRange } from "./validate.js";

/** FLOW follows goods and money in their stored direction; ANY asks how entities are connected at all. */
export type RouteDirection = "FLOW" | "ANY";

/**
 * The per-hop filters routes, `connections`, `exposure` and `neighborhood` share, with one
 * meaning everywhere. Omitted fields take the defaults documented in schema.graphql.
 */
export interface HopFilters {
  /** Allow-listed types; default: the flow types for FLOW, the flow and connection types for ANY (not context, not provenance). */
  readonly relationshipTypes?: readonly string[] | null;
  /** Default: every status. */
  readonly statuses?: readonly string[] | null;
  /** In [0, 1], default 0: applies to each hop (and to a route's confidence product). */
  readonly minConfidence?: number;
  /** ISO 8601 date: every hop valid on that day. */
  readonly asOf?: string | null;
  /** Entities no hop may enter; at most 100. */
  readonly avoid?: readonly string[] | null;
  /** Also follow retracted claims (status RETRACTED, marked `retracted` on each relationship). Default false. */
  readonly includeRetracted?: boolean | null;
}

/** A route query. Omitted fields take the defaults documented in schema.graphql. */
export interface RouteQuery extends HopFilters {
  readonly from: string;
  readonly to: string;
  /** Default 6, cap 10 hops. */
  readonly maxHops?: number;
  /** Default 10, cap 50 routes. */
  readonly limit?: number;
  /** Waypoints every route passes, in any order; at most 5. */
  readonly via?: readonly string[] | null;
  /** Default FLOW. */
  readonly direction?: RouteDirection;
  /** Each dated hop starts no earlier than the latest dated hop before it. Default false. */
  readonly timeRespecting?: boolean;
}

/** An exposure query: routes from `id` to any entity carrying one of `topics`. */
export interface ExposureQuery extends HopFilters {
  readonly id: string;
  /** FollowTheMoney topics (`sanction`, `sanction.linked`, `role.pep`, `crime`…); default ["sanction"]. */
  readonly topics?: readonly string[] | null;
  /** Default 4, cap 10 hops. */
  readonly maxHops?: number;
  /** Default 10, cap 50 routes. */
  readonly limit?: number;
  readonly via?: readonly string[] | null;
  /** Default ANY: ownership, control and family ties rarely point the way goods flow. */
  readonly direction?: RouteDirection;
  readonly timeRespecting?: boolean;
}

/** Validated per-hop filters, with the types a walk in `direction` follows. */
export interface ResolvedFilters {
  readonly types: readonly RelationshipType[];
  readonly statuses: readonly StoredClaimStatus[];
  readonly minConfidence: number;
  readonly asOf: string | null;
  readonly avoid: readonly string[];
}

/** A validated route or exposure search, ready for the engine (routes/route-search.ts). */
export interface ResolvedSearch extends ResolvedFilters {
  readonly from: string;
  /** null for exposure. */
  readonly to: string | null;
  readonly maxHops: number;
  readonly limit: number;
  readonly via: readonly string[];
  readonly direction: RouteDirection;
  readonly timeRespecting: boolean;
  /** FtM topics of exposure targets; empty for routes. */
  readonly topics: readonly string[];
}

/** Every FollowTheMoney topic (`sanction`, `role.pep`, `crime.fin`…), from the model package. */
export const FTM_TOPICS: readonly string[] = FTM_TOPIC_CODES;

/** Default maxHops of `exposure`. */
export const EXPOSURE_MAX_HOPS_DEFAULT = 4;

/** Validates the shared per-hop filters; the default types depend on `direction`. Throws BadUserInputError naming the argument. */
export function resolveFilters(f: HopFilters, direction: RouteDirection): ResolvedFilters {
  const defaultTypes = direction === "FLOW" ? FLOW_RELATIONSHIP_TYPES : ROUTE_RELATIONSHIP_TYPES;
  return {
    types: f.relationshipTypes ? allowListed("relationshipTypes", f.relationshipTypes, RELATIONSHIP_TYPE_NAMES) : defaultTypes,
    statuses: withRetracted(f.statuses ? allowListed("statuses", f.statuses, CLAIM_STATUSES) : CLAIM_STATUSES, f.includeRetracted),
    minConfidence: numberInRange("minConfidence", f.minConfidence ?? 0, 0, 1),
    asOf: f.asOf === null || f.asOf === undefined ? null : isoDate("asOf", f.asOf),
    avoid: idList("avoid", f.avoid, LIMITS.avoidCap),
  };
}

/** Validates a RouteQuery and fills in defaults. Throws BadUserInputError naming the argument. */
export function resolveRouteQuery(query: RouteQuery): ResolvedSearch {
  const from = entityId("from", query.from);
  const to = entityId("to", query.to);
  if (from === to) {
    throw new BadUserInputError("from and to are the same entity; a route needs two different entities (use neighborhood to see an entity's links)", {
      argument: "to",
    });
  }
  const direction = query.direction ?? "FLOW";
  const filters = resolveFilters(query, direction);
  const via = idList("via", query.via, LIMITS.viaCap);
  if (filters.avoid.includes(from) || filters.avoid.includes(to)) throw new BadUserInputError("avoid must not contain from or to", { argument: "avoid" });
  checkViaAvoid(via, filters.avoid);
  return {
    ...filters,
    from,
    to,
    maxHops: intInRange("maxHops", query.maxHops ?? LIMITS.maxHopsDefault, 1, LIMITS.maxHopsCap),
    limit: intInRange("limit", query.limit ?? LIMITS.routeLimitDefault, 1, LIMITS.routeLimitCap),
    via,
    direction,
    timeRespecting: query.timeRespecting ?? false,
    topics: [],
  };
}

/** Validates an ExposureQuery and fills in defaults. Throws BadUserInputError naming the argument. */
export function resolveExposureQuery(query: ExposureQuery): ResolvedSearch {
  const from = entityId("id", query.id);
  const direction = query.direction ?? "ANY";
  const filters = resolveFilters(query, direction);
  const topics = query.topics ? allowListed("topics", query.topics, FTM_TOPICS) : ["sanction"];
  if (topics.length === 0) throw new BadUserInputError("topics needs at least one FollowTheMoney topic, such as sanction", { argument: "topics" });
  const via = idList("via", query.via, LIMITS.viaCap);
  if (filters.avoid.includes(from)) throw new BadUserInputError("avoid must not contain id", { argument: "avoid" });
  checkViaAvoid(via, filters.avoid);
  return {
    ...filters,
    from,
    to: null,
    maxHops: intInRange("maxHops", query.maxHops ?? EXPOSURE_MAX_HOPS_DEFAULT, 1, LIMITS.maxHopsCap),
    limit: intInRange("limit", query.limit ?? LIMITS.routeLimitDefault, 1, LIMITS.routeLimitCap),
    via,
    direction,
    timeRespecting: query.timeRespecting ?? false,
    topics,
  };
}

function checkViaAvoid(via: readonly string[], avoid: readonly string[]): void {
  const clash = via.filter((v) => avoid.includes(v));
  if (clash.length > 0) throw new BadUserInputError(`via and avoid both contain ${clash.join(", ")}`, { argument: "via" });
}

/**
 * The fetch filter of a search: its types, and with direction ANY the context types it does not
 * name, walkable where they touch an entity of `via` (a route through a named country may use
 * the country's registrations; no other route does).
 */
export function hopFilter(s: ResolvedFilters & { via: readonly string[]; topics: readonly string[] }, direction: RouteDirection): HopFilter {
  const viaTypes = direction === "ANY" && s.via.length > 0 ? CONTEXT_RELATIONSHIP_TYPES.filter((t) => !s.types.includes(t)) : [];
  return {
    types: s.types,
    viaTypes,
    via: s.via,
    statuses: s.statuses,
    minConfidence: s.minConfidence,
    asOf: s.asOf,
    avoid: s.avoid,
    topics: s.topics,
  };
}

/** The engine's walk for a direction. */
export function walkOf(direction: RouteDirection): Walk {
  return direction === "FLOW" ? "out" : "both";
}
