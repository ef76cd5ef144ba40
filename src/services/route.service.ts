import type { Config } from "../config.js";
import { NotFoundError, UnreachableCaseError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import type { AnswerCache } from "../routes/answer-cache.js";
import type { HopFetcher } from "../routes/fetch-hops.js";
import { runRouteSearch } from "../routes/route-search.js";
import { hopFilter, resolveExposureQuery, resolveRouteQuery, walkOf, type ExposureQuery, type ResolvedSearch, type RouteQuery } from "./route-query.js";
import type { RouteClusters } from "./route-crossings.js";
import { routesSubgraph, type RouteDescriber, type RouteSearchReason, type RouteSearchView, type SkippedHubView } from "./route-views.js";

export type { RouteDirection, RouteQuery, ExposureQuery } from "./route-query.js";
export type { HopView, RouteSearchReason, RouteSearchView, RouteView, SkippedHubView } from "./route-views.js";
export { resolveRouteQuery } from "./route-query.js";
export { roundConfidence, routesSubgraph } from "./route-views.js";

/** Milliseconds of each search budget kept for loading the found routes' evidence (at most a tenth of the budget). */
const DESCRIBE_RESERVE_MS = 250;

/** Options of one search. */
export interface SearchOptions {
  /** Absolute `Date.now()` time in **milliseconds**; past it, the answer is TIMED_OUT at once. */
  readonly deadline?: number;
}

/**
 * Finds ranked routes between entities, and routes to sanctioned (or otherwise flagged) parties:
 * the route engine (routes/route-search.ts) fetches only what an exact best-first top-k search
 * needs, a round trip at a time; nothing runs an unbounded variable-length match or the
 * exhaustive shortest-path fallback.
 */
export class RouteService {
  constructor(
    private readonly fetcher: HopFetcher,
    private readonly describer: RouteDescriber,
    private readonly config: Pick<Config, "routeBudgetMs" | "routeMaxRelationships" | "routeHubDegree">,
    /** Complete answers of recent searches, served after one round trip confirms nothing changed. */
    private readonly answers: AnswerCache<RouteSearchView>,
    /** Entity resolution: a cluster of records is one entity of the search, and routes show where they cross between its records. */
    private readonly clusters: RouteClusters,
  ) {}

  /**
   * Resolves once Neo4j has planned the route engine's queries (the first call waits for that,
   * some hundreds of milliseconds; later calls return at once). Callers that keep their own time
   * budget (connections) wait for it before starting the clock.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  ready(): Promise<void> {
    return this.fetcher.ready();
  }

  /** Whether the route queries are planned (see {@link ready}); false until the first call to it resolves. */
  isWarm(): boolean {
    return this.fetcher.isWarm();
  }

  /** Marks the route queries unplanned after Neo4j was seen down (a restart loses its plans), so /ready waits for a new warm-up. */
  forgetWarmUp(): void {
    this.fetcher.forgetWarmUp();
  }

  /**
   * Top-k routes by confidence from `query.from` to `query.to`, within ROUTE_BUDGET_MS or the
   * earlier `options.deadline`.
   * @throws BadUserInputError for out-of-range arguments or from = to; NotFoundError for unknown ids;
   *   DatabaseUnavailableError when Neo4j is down.
   */
  async findRoutes(query: RouteQuery, options: SearchOptions = {}): Promise<RouteSearchView> {
    return this.search(resolveRouteQuery(query), options);
  }

  /**
   * Exposure: the top-k routes from `query.id` to any entity carrying one of the FollowTheMoney
   * `topics` (default `sanction`), ranked like routes, in one search that ends a route at the
   * first such entity it reaches (the nearer party already answers "how close"). The start's
   * own topics do not count.
   * @throws BadUserInputError (unknown topic, out of range); NotFoundError; DatabaseUnavailableError.
   */
  async exposure(query: ExposureQuery, options: SearchOptions = {}): Promise<RouteSearchView> {
    return this.search(resolveExposureQuery(query), options);
  }

  private async search(q: ResolvedSearch, options: SearchOptions): Promise<RouteSearchView> {
    // The first search of a process waits for Neo4j to plan the expansion queries; that wait is
    // not charged to the request's budget.
    const arrived = Date.now();
    await this.fetcher.ready();
    const started = Date.now();
    const budgetEnd = Math.min(started + this.config.routeBudgetMs, (options.deadline ?? Number.POSITIVE_INFINITY) + (started - arrived));
    // Stop searching a little early, so loading the evidence of what was found still ends within the budget.
    const deadline = budgetEnd - Math.min(DESCRIBE_RESERVE_MS, this.config.routeBudgetMs / 10);
    const check = [...new Set([q.from, ...(q.to === null ? [] : [q.to]), ...q.via, ...q.avoid])];
    if (started >= deadline) {
      // No time left to search, but an unknown id is still NOT_FOUND, never an empty answer.
      const missing = await this.fetcher.confirm(check);
      if (missing.length > 0) throw new NotFoundError(missing);
      return cutShort(q, started);
    }
    const key = JSON.stringify(q);
    if (this.answers.get(key)) {
      const missing = await this.fetcher.confirm(check);
      if (missing.length > 0) throw new NotFoundError(missing);
      const kept = this.answers.get(key);
      if (kept) return { ...kept, elapsedMs: Date.now() - started };
    }
    const filter = hopFilter(q, q.direction);
    const cs = await this.clusters.open(q, filter);
    const found = await runRouteSearch(
      cs.layer,
      {
        from: cs.from,
        to: cs.to,
        maxHops: q.maxHops,
        limit: q.limit,
        minConfidence: q.minConfidence,
        via: cs.via,
        timeRespecting: q.timeRespecting,
        walk: walkOf(q.direction),
        filter: cs.filter,
        check: cs.check,
      },
      { maxRelationships: this.config.routeMaxRelationships, deadline, maxExpansions: LIMITS.maxExpansions, degreeCap: this.config.routeHubDegree },
    );
    if (found.missing.length > 0) throw new NotFoundError(check.filter((id) => found.missing.includes(cs.layer.canonicalOf(id))));
    const [described, skippedHubs] = await Promise.all([
      this.describer.describe(
        found.routes.map((r) => cs.layer.lower(r)),
        found.evidence,
      ),
      this.describer.hubs(found.skippedHubs),
    ]);
    const crossings = await this.clusters.crossings(described, q.from, q.to);
    const routes = described.map((r, i) => ({ ...r, identityCrossings: crossings[i]! }));
    const reason = found.stop ?? (routes.length === 0 ? "NO_PATH_WITHIN_HOPS" : null);
    const view: RouteSearchView = {
      routes,
      truncated: found.stop !== undefined,
      exhausted: found.stop === undefined,
      hasMore: found.hasMore,
      reason,
      hint: routeHint(reason, q, skippedHubs),
      elapsedMs: Date.now() - started,
      skippedHubs,
      subgraph: routesSubgraph(routes),
    };
    // Only complete answers: a cut-short one depends on the time the search had.
    if (found.stop === undefined) this.answers.set(key, view);
    return view;
  }
}

/** The answer when the request's budget was spent before this search could start: no database call. */
function cutShort(q: ResolvedSearch, started: number): RouteSearchView {
  return {
    routes: [],
    truncated: true,
    exhausted: false,
    hasMore: false,
    reason: "TIMED_OUT",
    hint: routeHint("TIMED_OUT", q, []),
    elapsedMs: Date.now() - started,
    skippedHubs: [],
    subgraph: { nodes: [], edges: [], truncated: false },
  };
}

/** What an investigator can try next, for a reason, the query that produced it and the hubs it skipped. */
function routeHint(reason: RouteSearchReason | null, q: ResolvedSearch, hubs: readonly SkippedHubView[]): string | null {
  const named = hubs.slice(0, 3).map((h) => `${h.entity.name} (${h.entity.id}, ${h.degree} relationships)`);
  const hubHint =
    hubs.length === 0
      ? ""
      : `${reason === null ? "" : " "}Routes through hubs were not searched: ${named.join(", ")}${hubs.length > 3 ? " and others" : ""}; name one in via to go through it.`;
  if (reason === null) return hubHint === "" ? null : hubHint;
  return `${reasonHint(reason, q)}${hubHint}`;
}

function reasonHint(reason: RouteSearchReason, q: ResolvedSearch): string {
  switch (reason) {
    case "NO_PATH_WITHIN_HOPS":
      if (q.to === null)
        return `No entity with topic ${q.topics.join(" or ")} within ${hopCount(q.maxHops)} under these filters; raise maxHops (up to ${LIMITS.maxHopsCap}) or relax the filters.`;
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

/** "1 hop", "6 hops": the hop count as a person would write it in a hint. */
function hopCount(n: number): string {
  return `${n} ${n === 1 ? "hop" : "hops"}`;
}
