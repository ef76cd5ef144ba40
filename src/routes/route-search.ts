import type { Row } from "../db/run.js";
import { typeSet, type BallsRequest, type ExpandItem, type FetchedBalls, type FetchedHops, type HopFilter } from "./fetch-hops.js";
import type { RouteFetcher } from "./cluster-fetcher.js";
import { completeGraph } from "./complete-graph.js";
import { HopStore, reverseWalk, type Walk } from "./hop-store.js";
import { searchRoutes, type SearchGraph, type SuccessorsNeed } from "./top-k-routes.js";
import type { FoundRoute, RouteStep, RouteStop, SkippedHub, TopKResult, TopKRouteQuery } from "./types.js";

/** A route search as the engine runs it: validated, defaults filled in. */
export interface RouteSearchSpec {
  readonly from: string;
  /** The end entity, or null for exposure (any entity carrying one of `filter.topics` ends a route). */
  readonly to: string | null;
  readonly maxHops: number;
  readonly limit: number;
  /** Minimum confidence of the route's product, in [0, 1] (each hop's is in `filter`). */
  readonly minConfidence: number;
  readonly via: readonly string[];
  readonly timeRespecting: boolean;
  /** `out` for FLOW, `both` for ANY. */
  readonly walk: Walk;
  readonly filter: HopFilter;
  /** Ids whose existence the first round trip checks (from, to, via, avoid). */
  readonly check: readonly string[];
}

/** Limits of one search. */
export interface RouteSearchLimits {
  /** Distinct relationships fetched at most; past it the search stops with LIMIT_REACHED. */
  readonly maxRelationships: number;
  /** Absolute deadline, `Date.now()` **milliseconds**; past it the search stops with TIMED_OUT. */
  readonly deadline: number;
  /** Partial routes queued at most by the in-memory search. */
  readonly maxExpansions: number;
  /** Degree cap: an entity with more relationships to walk is a hub (see {@link runRouteSearch}). */
  readonly degreeCap: number;
}

/** What the engine found. */
export interface RouteSearchResult {
  readonly routes: readonly FoundRoute[];
  readonly hasMore: boolean;
  readonly stop?: RouteStop;
  /** Hubs the search met and did not walk through, most relationships first (at most {@link MAX_SKIPPED_HUBS}). */
  readonly skippedHubs: readonly SkippedHub[];
  /** Checked ids that name no entity (the search did not run when any is missing). */
  readonly missing: readonly string[];
  /** Evidence rows (relationships-by-ids.cypher's shape) the first round trip brought along, for some or all of the routes' relationships. */
  readonly evidence: readonly Row[];
}

/** Skipped hubs listed in an answer at most. */
export const MAX_SKIPPED_HUBS = 20;

/**
 * Most relationships one round trip of the lazy search reads for its forward side (beyond its
 * first need): enough to take a level of a small ball at once, few enough that a search towards
 * a hub reads only what its best partial routes need, and that time is checked often.
 */
const BATCH_ROWS = 4000;
/** Most relationships one level of the fast first round trip may read (the degrees of the entities it expands). */
const LEVEL_BUDGET = 10_000;
/** Most paths the fast first round trip joins its two frontiers with. */
const PATH_BUDGET = 50_000;
/** Longest the fast first round trip may take, in **milliseconds**, before the general engine takes over. */
const BALLS_TIMEOUT_MS = 500;
/**
 * Entity sequences per requested route whose evidence the FLOW path enumeration brings along:
 * the top routes are among the best sequences by path product, with room for ties.
 */
const EVIDENCE_ROUTES = 2;
/**
 * Longest the FLOW path enumeration may take, in **milliseconds**, and at most 60% of the time
 * left: it is the naive query's own plan, and when it takes that long (a hub at an end, many
 * paths) the general engine, which reads a round trip at a time, seldom finishes in the rest.
 */
const FLOW_PATHS_TIMEOUT_MS = 1200;
/** Longest the path enumeration for a hub at one end may take, in **milliseconds**, before the general engine takes over. */
const PATHS_TIMEOUT_MS = 500;
/**
 * Longest the shortest-route seeding of a long ANY search may take, in **milliseconds**, and at
 * most half the time left: its routes are often all a search cut short has to offer. Measured on
 * the route bench at load 3–4: 200–700 ms when it succeeds; at 500 ms it gave up in 6 of 10
 * random pairs (2026-12-07).
 */
const SEED_TIMEOUT_MS = 1000;

/**
 * Finds the exact top-k routes (top-k-routes.ts) while fetching only what that search needs, one
 * round trip at a time (fetch-hops.ts):
 *
 * 1. The first round trip, between two ends over the default kind of types: for FLOW, Neo4j
 *    enumerates the paths between the ends within a path budget (expand-paths-flow.cypher, the
 *    naive query's plan, bringing a short answer's evidence along); for ANY, or past that
 *    budget, it fetches two levels from each end and the paths joining them
 *    (expand-balls-*.cypher); up to six hops that usually holds every route's relationships, and
 *    nothing more is fetched. Otherwise the first round trip checks the ids and expands both ends.
 *    A long ANY search (over six hops) is seeded with the few shortest routes, which Neo4j's
 *    bidirectional shortest-path search finds (find-shortest-any.cypher), so that an answer cut
 *    short still offers routes.
 * 2. The backward side grows breadth-first from `to`, a level per round trip when it is not
 *    dearer than what the forward side needs (degrees are known before anything is read, so
 *    levels are costed first). Its radius b gives every entity a lower bound on its hops to `to`
 *    (the exact distance within the ball, b + 1 outside it), which prunes partial routes, and
 *    spares the forward side any fetch for partial routes of maxHops − b hops or more (their
 *    remaining hops can only use relationships entering the ball, which are fetched). An entity
 *    with more than `degreeCap` entering relationships is not expanded backwards; the ball then
 *    counts as complete only up to that entity's depth.
 * 3. The forward side is the best-first search itself: a partial route's last entity is read
 *    only when that partial route reaches the front of the queue, with the next most promising
 *    pending entities in the same round trip (up to {@link BATCH_ROWS} relationships), so
 *    entities whose routes cannot enter the top k are never read. With many routes (a hub as
 *    destination) the search proves its top k after a few round trips.
 *
 * Hubs: an entity with more relationships to walk than `degreeCap` (FLOW: leaving it; ANY: all)
 * is never expanded and no route passes through it, unless it is named (from, to or via); it is
 * listed in `skippedHubs`. A route may still end at a hub (`to`, or an exposure target).
 *
 * When a limit cuts the search short, the routes found in what was fetched are returned (real,
 * perhaps not the best) with `stop` set.
 */
export async function runRouteSearch(fetcher: RouteFetcher, spec: RouteSearchSpec, limits: RouteSearchLimits): Promise<RouteSearchResult> {
  return new Engine(fetcher, spec, limits).run();
}

class Engine implements SearchGraph {
  private readonly store = new HopStore();
  private readonly named: ReadonlySet<string>;
  private readonly back: Walk;
  private readonly skipped = new Map<string, number>();
  private readonly dist = new Map<string, number>();
  /** Levels of the backward ball expanded. */
  private bRadius = 0;
  private bFrontier: string[] = [];
  /** Depth of the shallowest entity the backward side left unexpanded for its entering relationships. */
  private skipDepth = Number.POSITIVE_INFINITY;
  private refused: RouteStop | undefined;
  /** Relationships read for each side by the lazy search: the backward side keeps pace with the forward one. */
  private readonly read = { forward: 0, backward: 0 };
  /** Observed milliseconds per relationship read (moving average), to size round trips to the time left. */
  private msPerRow = 0.05;
  /** True when the fetched relationships include every relationship of every route within maxHops. */
  private subgraphComplete = false;
  private evidence: readonly Row[] = [];

  constructor(
    private readonly fetcher: RouteFetcher,
    private readonly spec: RouteSearchSpec,
    private readonly limits: RouteSearchLimits,
  ) {
    this.named = new Set([spec.from, ...(spec.to === null ? [] : [spec.to]), ...spec.via]);
    this.back = reverseWalk(spec.walk);
  }

  async run(): Promise<RouteSearchResult> {
    const { spec, limits } = this;
    const plan = this.fastPlan();
    // FLOW: Neo4j enumerates the paths between the ends as the naive query does, reading only
    // relationship types as it expands, and brings a short answer's evidence along.
    const paths =
      plan?.walk === "out"
        ? await this.fetcher.paths(
            spec.from,
            spec.to!,
            spec.maxHops,
            spec.filter,
            { pathBudget: PATH_BUDGET, keepRoutes: spec.timeRespecting ? null : spec.limit + 1, evidenceRoutes: EVIDENCE_ROUTES * spec.limit },
            Math.min(FLOW_PATHS_TIMEOUT_MS, (limits.deadline - Date.now()) * 0.6),
          )
        : null;
    // A pathological first round trip (huge joining paths) must leave time for the general engine.
    const balls = plan && !paths ? await this.fetcher.balls(plan, spec.filter, Math.min(BALLS_TIMEOUT_MS, (limits.deadline - Date.now()) / 3)) : null;
    if (balls && balls.missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing: balls.missing, evidence: [] };
    const exposure = this.exposurePlan()
      ? await this.fetcher.exposurePaths(spec.from, spec.maxHops, spec.filter, PATH_BUDGET, Math.min(PATHS_TIMEOUT_MS, (limits.deadline - Date.now()) / 3))
      : null;
    if (exposure) {
      // Every exposure route's relationships, from the paths Neo4j enumerated.
      for (const row of exposure.rows) this.store.add(row.edge);
      for (const id of exposure.targets) this.store.targets.add(id);
      const missing = spec.check.length > 1 ? await this.fetcher.confirm(spec.check) : [];
      if (missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing, evidence: [] };
      this.subgraphComplete = true;
    } else if (paths) {
      // Every route's relationships, from the paths Neo4j enumerated; the ends exist (else no row), the rest is checked.
      for (const row of paths.rows) this.store.add(row.edge);
      for (const hub of paths.hubs) this.skipped.set(hub.id, hub.degree);
      const missing = spec.check.length > 2 ? await this.fetcher.confirm(spec.check) : [];
      if (missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing, evidence: [] };
      this.subgraphComplete = true;
      this.evidence = paths.evidence;
    } else if (balls) {
      this.seed(balls);
    } else {
      const first: ExpandItem[] = [{ id: spec.from, walk: spec.walk, force: false }];
      if (spec.to !== null) first.push({ id: spec.to, walk: this.back, force: false });
      const fetched = await this.fetch(first, spec.check);
      if (fetched.stop) return { routes: [], hasMore: false, stop: fetched.stop, skippedHubs: [], missing: [], evidence: [] };
      const missing = spec.check.filter((id) => fetched.checks.get(id)?.exists !== true);
      if (missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing, evidence: [] };
      if (spec.to !== null) this.startBall(spec.to);
    }
    // Too long to finish exactly in most graphs: seed the search with the few shortest routes,
    // found by Neo4j's bidirectional shortest-path search, so that an answer cut short still has routes.
    if (this.seedPlan()) {
      const seeds = await this.fetcher.shortest(spec.from, spec.to!, spec.maxHops, spec.filter, Math.min(SEED_TIMEOUT_MS, (limits.deadline - Date.now()) / 2));
      for (const row of seeds) this.store.add(row.edge);
    }
    const q: TopKRouteQuery = {
      from: spec.from,
      to: spec.to,
      maxHops: spec.maxHops,
      limit: spec.limit,
      minRouteConfidence: spec.minConfidence,
      via: spec.via,
      timeRespecting: spec.timeRespecting,
    };
    const budget = { deadline: limits.deadline, maxExpansions: limits.maxExpansions, now: Date.now };
    let result = await drain(searchRoutes(this, q, budget), (needs) => this.answer(needs));
    if (result.stop !== undefined) {
      // Cut short: the best routes among what was fetched (real, perhaps not the best), pruned by
      // the exact hop distances within it.
      const offline: SearchGraph = {
        ...completeGraph([...this.store.allEdges()], spec.walk, spec.to, this.store.targets),
        blocks: (node) => this.blocks(node),
      };
      const found = await drain(searchRoutes(offline, q, { ...budget, deadline: Date.now() + OFFLINE_MS }), () => Promise.resolve());
      if (found.routes.length >= result.routes.length) result = { ...found, stop: result.stop };
    }
    const hubs = [...this.skipped].map(([id, degree]) => ({ id, degree })).sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
    return {
      routes: result.routes,
      hasMore: result.hasMore,
      ...(result.stop ? { stop: result.stop } : {}),
      skippedHubs: hubs.slice(0, MAX_SKIPPED_HUBS),
      missing: [],
      evidence: this.evidence,
    };
  }

  /**
   * The fast first round trip's plan (expand-balls-*.cypher), for a search between two entities
   * over the default kind of types of its direction (flow types for FLOW, flow and connection
   * types for ANY) without waypoints; null otherwise. Levels: as many as maxHops needs, at most
   * two from each end, joined by paths of up to three hops.
   */
  private fastPlan(): BallsRequest | null {
    const { spec } = this;
    const kind = typeSet(spec.filter.types);
    const walk = spec.walk === "out" && kind === "flow" ? "out" : spec.walk === "both" && kind === "route" ? "both" : null;
    if (spec.to === null || walk === null || spec.via.length > 0 || spec.filter.viaTypes.length > 0) return null;
    const h = spec.maxHops;
    return {
      from: spec.from,
      to: spec.to,
      walk,
      fLevels: h >= 3 ? 2 : 1,
      bLevels: h >= 4 ? 2 : h >= 2 ? 1 : 0,
      maxHops: h,
      levelBudget: LEVEL_BUDGET,
      pathBudget: PATH_BUDGET,
    };
  }

  /** True for a long ANY search between two entities (over six hops) over the flow and connection types, without waypoints and not already complete. */
  private seedPlan(): boolean {
    const { spec } = this;
    return (
      !this.subgraphComplete && spec.to !== null && spec.walk === "both" && spec.maxHops > 6 && typeSet(spec.filter.types) === "route" && spec.via.length === 0
    );
  }

  /** True for an exposure search Neo4j can enumerate at once: direction ANY over the flow and connection types, at most 4 hops, no waypoints. */
  private exposurePlan(): boolean {
    const { spec } = this;
    return spec.to === null && spec.walk === "both" && typeSet(spec.filter.types) === "route" && spec.maxHops <= 4 && spec.via.length === 0;
  }

  /** Fills the store from the fast first round trip: what each side expanded, the backward ball, and whether that is every route's relationships. */
  private seed(balls: FetchedBalls): void {
    const { spec, store, limits } = this;
    const to = spec.to!;
    store.degree.set(to, balls.toDegree);
    store.inDegree.set(to, balls.toInDegree);
    for (const row of [...balls.f1, ...balls.f2, ...balls.b1, ...balls.b2]) {
      store.add(row.edge);
      store.degree.set(row.other, row.degree);
      store.inDegree.set(row.other, row.inDegree);
    }
    // The joining paths' entities are known not to be hubs; their degrees are not read.
    for (const row of balls.middle) store.add(row.edge);
    store.degree.set(spec.from, balls.fromDegree);
    const cap = limits.degreeCap;
    const forward = new Set(balls.f1.filter((r) => r.other !== to && r.degree <= cap).map((r) => r.other));
    store.markComplete(spec.from, spec.walk);
    if (balls.done.f2) for (const id of forward) store.markComplete(id, spec.walk);
    this.dist.set(to, 0);
    this.bFrontier = [to];
    if (spec.maxHops >= 2) {
      store.markComplete(to, this.back);
      this.growBall([to]);
    }
    if (balls.done.b2) {
      const level = [...new Set(balls.b1.filter((r) => r.other !== spec.from && r.degree <= cap && r.inDegree <= cap).map((r) => r.other))];
      if (balls.done.skipped > 0) this.skipDepth = 1;
      for (const id of level) store.markComplete(id, this.back);
      this.growBall(level);
    }
    this.subgraphComplete = balls.done.complete;
  }

  /** After a general first round trip: the ball is `to` alone, expanded or not. */
  private startBall(to: string): void {
    this.dist.set(to, 0);
    this.bFrontier = [to];
    if ((this.store.inDegree.get(to) ?? 0) > this.limits.degreeCap) this.skipDepth = 0;
    else if (this.store.isComplete(to, this.back)) this.growBall([to]);
  }

  /** Records a backward level: the entities first reached from `expanded` are one hop farther from the target. */
  private growBall(expanded: readonly string[]): void {
    const next: string[] = [];
    for (const node of expanded) {
      for (const other of this.store.hops(node, this.back).keys()) {
        if (this.dist.has(other)) continue;
        this.dist.set(other, this.bRadius + 1);
        next.push(other);
      }
    }
    this.bRadius += 1;
    this.bFrontier = next;
  }

  /** The radius up to which the backward ball is complete. */
  private get ballRadius(): number {
    return Math.min(this.bRadius, this.skipDepth);
  }

  /**
   * Plans and runs the round trip that answers `needs` (most promising first): the first need,
   * then the next ones while their degrees fit in {@link BATCH_ROWS} and the relationship budget,
   * and, when it is not dearer than that, the next backward level.
   */
  private async answer(needs: readonly SuccessorsNeed[]): Promise<void> {
    const { limits, spec, store } = this;
    if (Date.now() >= limits.deadline) {
      this.refused = "TIMED_OUT";
      return;
    }
    const cap = limits.degreeCap;
    // A round trip must not outlast the deadline by much: read what the time left allows.
    const timeRows = Math.max(200, Math.floor((limits.deadline - Date.now()) / (2 * this.msPerRow)));
    let room = Math.min(limits.maxRelationships - store.size, timeRows);
    const forward: string[] = [];
    let fwdCost = 0;
    for (const need of needs) {
      if (store.isComplete(need.node, spec.walk)) continue;
      const d = store.degree.get(need.node) ?? 0;
      if (d > room || (forward.length > 0 && fwdCost + d > BATCH_ROWS)) break;
      forward.push(need.node);
      fwdCost += d;
      room -= d;
    }
    // The backward frontier's entities that may be expanded: not hubs, and not too many entering relationships.
    const canGrow = spec.to !== null && this.bRadius < spec.maxHops && this.skipDepth > this.bRadius;
    const backNodes = canGrow ? this.bFrontier.filter((id) => !this.isHub(id) && (store.inDegree.get(id) ?? 0) <= cap) : [];
    const backCost = backNodes.reduce((sum, id) => sum + (store.inDegree.get(id) ?? 0), 0);
    // Grow backwards when it is not dearer than this batch, or while the backward side has read
    // less than the forward one: two balls of equal cost meet soonest.
    const lagging = this.read.backward + backCost <= this.read.forward + fwdCost;
    const growBack = backNodes.length > 0 && backCost <= room && (backCost <= Math.max(2 * fwdCost, BATCH_ROWS) || lagging || forward.length === 0);
    // A much cheaper backward level may make the forward fetch unnecessary: try it alone first.
    const backOnly = growBack && backCost * 2 < fwdCost;
    if (forward.length === 0 && !growBack) {
      this.refused = "LIMIT_REACHED";
      return;
    }
    const items: ExpandItem[] = [
      ...(backOnly ? [] : forward.map((id) => ({ id, walk: spec.walk, force: true }))),
      ...(growBack ? backNodes.map((id) => ({ id, walk: this.back, force: true })) : []),
    ];
    const started = Date.now();
    const fetched = await this.fetch(items, []);
    if (fetched.rows.length > 100) this.msPerRow = 0.7 * this.msPerRow + (0.3 * (Date.now() - started)) / fetched.rows.length;
    if (fetched.stop) {
      this.refused = fetched.stop;
      return;
    }
    this.read.forward += backOnly ? 0 : fwdCost;
    this.read.backward += growBack ? backCost : 0;
    if (growBack) {
      for (const id of this.bFrontier) {
        if (this.isHub(id)) this.skipped.set(id, store.degree.get(id) ?? 0);
        else if ((store.inDegree.get(id) ?? 0) > cap) this.skipDepth = Math.min(this.skipDepth, this.bRadius);
      }
      this.growBall(backNodes);
    }
  }

  /** One round trip: adds the rows, degrees, targets and completeness to the store. */
  private async fetch(items: readonly ExpandItem[], check: readonly string[]): Promise<FetchedHops> {
    const room = Math.max(0, this.limits.maxRelationships - this.store.size);
    const fetched = await this.fetcher.fetch(check, items, this.spec.filter, room, this.limits.deadline - Date.now());
    const { store } = this;
    for (const row of fetched.rows) {
      store.add(row.edge);
      store.degree.set(row.other, row.degree);
      store.inDegree.set(row.other, row.inDegree);
      if (row.target) store.targets.add(row.other);
    }
    for (const [id, c] of fetched.checks) {
      if (!c.exists) continue;
      store.degree.set(id, c.degree);
      store.inDegree.set(id, c.inDegree);
      if (c.target) store.targets.add(id);
    }
    if (!fetched.stop) for (const item of fetched.expanded) store.markComplete(item.id, item.walk);
    return fetched;
  }

  private isHub(id: string): boolean {
    return !this.named.has(id) && (this.store.degree.get(id) ?? 0) > this.limits.degreeCap;
  }

  private view(): SearchGraph {
    return {
      successors: (node, hops) => this.successors(node, hops),
      hopsToEnd: (node) => this.hopsToEnd(node),
      isTarget: (node) => this.isTarget(node),
      blocks: (node) => this.blocks(node),
      refusal: () => this.refusal(),
    };
  }

  successors(node: string, hops: number): ReadonlyMap<string, readonly RouteStep[]> | undefined {
    const { spec, store } = this;
    if (this.subgraphComplete || store.isComplete(node, spec.walk)) return store.hops(node, spec.walk);
    // Every further hop of such a partial route enters the complete part of the backward ball,
    // whose entering relationships are all fetched.
    if (spec.to !== null && hops >= spec.maxHops - this.ballRadius) return store.hops(node, spec.walk);
    return undefined;
  }

  hopsToEnd(node: string): number {
    const { spec, store } = this;
    if (spec.to === null) return store.targets.has(node) && node !== spec.from ? 0 : 1;
    if (node === spec.to) return 0;
    return Math.min(this.dist.get(node) ?? this.bRadius + 1, this.ballRadius + 1);
  }

  isTarget(node: string): boolean {
    return this.spec.to === null ? node !== this.spec.from && this.store.targets.has(node) : node === this.spec.to;
  }

  blocks(node: string): boolean {
    if (!this.isHub(node)) return false;
    this.skipped.set(node, this.store.degree.get(node) ?? 0);
    return true;
  }

  refusal(): RouteStop | undefined {
    return this.refused;
  }
}

/** Time the search of what was fetched may take after a limit cut the search short, in **milliseconds**. */
const OFFLINE_MS = 150;

/** Runs a search generator, answering its needs with `answer` and letting the event loop run when it yields null. */
async function drain(
  search: Generator<readonly SuccessorsNeed[] | null, TopKResult>,
  answer: (needs: readonly SuccessorsNeed[]) => Promise<void>,
): Promise<TopKResult> {
  let step = search.next();
  while (!step.done) {
    if (step.value === null) await new Promise<void>((resolve) => setImmediate(resolve));
    else await answer(step.value);
    step = search.next();
  }
  return step.value;
}
