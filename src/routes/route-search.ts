import { typeSet, type BallsRequest, type ExpandItem, type FetchedBalls, type FetchedHops, type HopFetcher, type HopFilter } from "./fetch-hops.js";
import { HopStore, reverseWalk, type Walk } from "./hop-store.js";
import { searchRoutes, type SearchGraph, type SuccessorsNeed } from "./top-k-routes.js";
import type { FoundRoute, RouteHop, RouteStep, RouteStop, SkippedHub, TopKResult, TopKRouteQuery } from "./types.js";

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
  /** Degree cap: an entity with more relationships of the walked types is a hub (see {@link runRouteSearch}). */
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
}

/** Most relationships one level of the fast first round trip may read (the degrees of the entities it expands). */
const LEVEL_BUDGET = 4000;
/** Most paths the fast first round trip joins its two frontiers with. */
const PATH_BUDGET = 20_000;
/** Longest the fast first round trip may take, in **milliseconds**, before the general engine takes over. */
const BALLS_TIMEOUT_MS = 500;

/** Skipped hubs listed in an answer at most. */
export const MAX_SKIPPED_HUBS = 20;

/**
 * Finds the exact top-k routes (top-k-routes.ts) while fetching only what that search needs, one
 * round trip at a time (fetch-hops.ts):
 *
 * 1. The first round trip checks the ids and expands both ends (unless one is a hub).
 * 2. The backward side grows breadth-first from `to`, a level per round trip when it is cheaper
 *    than what the forward side needs (degrees are known before anything is read, so frontiers
 *    are costed and ordered by degree). Its radius b gives every entity a lower bound on its hops
 *    to `to` (the exact distance within the ball, b + 1 outside it), which prunes partial routes,
 *    and spares the forward side any fetch for partial routes of maxHops − b hops or more (their
 *    remaining hops can only use relationships entering the ball, which are fetched).
 * 3. The forward side is the best-first search itself: a partial route's last entity is expanded
 *    only when that partial route reaches the front of the queue (with every other pending
 *    entity in the same round trip, lowest degree first), so entities whose routes cannot enter
 *    the top k are never read. With many routes (a hub as target) the search proves its top k
 *    after a few round trips; with few, it reads the two balls of a bidirectional search.
 *
 * Hubs: an entity with more relationships of the walked types than `degreeCap` is never expanded
 * and no route passes through it, unless it is named (from, to or via); it is listed in
 * `skippedHubs`. A route may still end at a hub (`to`, or an exposure target). When `from` is a
 * hub and `to` is not, the search runs from `to` backwards (routes are turned round at the end).
 *
 * When a limit cuts the search short, the routes found in what was fetched are returned (real,
 * perhaps not the best) with `stop` set.
 */
export async function runRouteSearch(fetcher: HopFetcher, spec: RouteSearchSpec, limits: RouteSearchLimits): Promise<RouteSearchResult> {
  const engine = new Engine(fetcher, spec, limits);
  return engine.run();
}

class Engine implements SearchGraph {
  private readonly store = new HopStore();
  private readonly named: ReadonlySet<string>;
  private readonly skipped = new Map<string, number>();
  private root: string;
  private target: string | null;
  private rootWalk: Walk;
  private reversed = false;
  private twoSided = false;
  private readonly dist = new Map<string, number>();
  private bRadius = 0;
  private bFrontier: string[] = [];
  private refused: RouteStop | undefined;
  /** True when the fetched relationships include every relationship of every route within maxHops. */
  private subgraphComplete = false;

  constructor(
    private readonly fetcher: HopFetcher,
    private readonly spec: RouteSearchSpec,
    private readonly limits: RouteSearchLimits,
  ) {
    this.named = new Set([spec.from, ...(spec.to === null ? [] : [spec.to]), ...spec.via]);
    this.root = spec.from;
    this.target = spec.to;
    this.rootWalk = spec.walk;
  }

  async run(): Promise<RouteSearchResult> {
    const { spec } = this;
    const plan = this.fastPlan();
    // A pathological first round trip (huge joining paths) must leave time for the general engine.
    const balls = plan ? await this.fetcher.balls(plan, spec.filter, Math.min(BALLS_TIMEOUT_MS, (this.limits.deadline - Date.now()) / 3)) : null;
    if (balls && balls.missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing: balls.missing };
    if (balls && plan) {
      this.seed(balls, plan);
    } else {
      const first: ExpandItem[] = [{ id: spec.from, walk: spec.walk, force: false }];
      if (spec.to !== null) first.push({ id: spec.to, walk: reverseWalk(spec.walk), force: false });
      const fetched = await this.fetch(first, spec.check);
      const missing = spec.check.filter((id) => fetched.checks.get(id)?.exists !== true);
      if (missing.length > 0) return { routes: [], hasMore: false, skippedHubs: [], missing };
      this.chooseSides(fetched);
    }
    const q: TopKRouteQuery = {
      completeTies: false,
      from: this.root,
      to: this.target,
      maxHops: spec.maxHops,
      limit: spec.limit,
      minRouteConfidence: spec.minConfidence,
      via: spec.via,
      timeRespecting: spec.timeRespecting,
    };
    const budget = { deadline: this.limits.deadline, maxExpansions: this.limits.maxExpansions, now: Date.now };
    let result = await this.drive(q, budget);
    if (result.stop !== undefined) {
      // Cut short: the best routes among what was fetched (real, perhaps not the best).
      const offline: SearchGraph = { ...this.graphView(), successors: (node) => this.store.hops(node, this.rootWalk) };
      const found = await drain(searchRoutes(offline, q, { ...budget, deadline: Math.max(budget.deadline, Date.now() + 50) }), () => Promise.resolve());
      if (found.routes.length >= result.routes.length) result = { ...found, hasMore: found.hasMore, stop: result.stop };
    }
    const routes = this.reversed ? reorderReversed(result.routes.map(turnRound), spec.limit) : result.routes;
    const hubs = [...this.skipped].map(([id, degree]) => ({ id, degree })).sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
    return {
      routes: routes.slice(0, spec.limit),
      hasMore: result.hasMore || routes.length > spec.limit,
      ...(result.stop ? { stop: result.stop } : {}),
      skippedHubs: hubs.slice(0, MAX_SKIPPED_HUBS),
      missing: [],
    };
  }

  /** Runs the in-memory search, answering each batch of needs with one round trip. */
  private async drive(q: TopKRouteQuery, budget: { deadline: number; maxExpansions: number; now: () => number }): Promise<TopKResult> {
    // In reverse mode ties are broken by the reversed sequence; every route tied with the last
    // lets reorderReversed restore the forward order exactly.
    return drain(searchRoutes(this, { ...q, completeTies: this.reversed }, budget), (needs) => this.answer(needs));
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
    const fLevels = h >= 3 ? 2 : 1;
    const bLevels = h >= 4 ? 2 : h >= 2 ? 1 : 0;
    return { from: spec.from, to: spec.to, walk, fLevels, bLevels, maxHops: h, levelBudget: LEVEL_BUDGET, pathBudget: PATH_BUDGET };
  }

  /** Fills the store from the fast first round trip: what each side expanded, the backward ball, and whether that is every route's relationships. */
  private seed(balls: FetchedBalls, plan: BallsRequest): void {
    const { spec, store, limits } = this;
    const to = spec.to!;
    const back = reverseWalk(spec.walk);
    store.degree.set(spec.from, balls.fromDegree);
    store.degree.set(to, balls.toDegree);
    for (const row of [...balls.f1, ...balls.f2, ...balls.b1, ...balls.b2, ...balls.middle]) {
      store.add(row.edge);
      store.degree.set(row.other, row.degree);
    }
    const expandable = (rows: readonly { other: string; degree: number }[], end: string) =>
      [...new Set(rows.filter((r) => r.other !== end && r.degree <= limits.degreeCap).map((r) => r.other))];
    store.markComplete(spec.from, spec.walk);
    if (balls.done.f2) for (const id of expandable(balls.f1, to)) store.markComplete(id, spec.walk);
    this.twoSided = true;
    this.dist.set(to, 0);
    this.bFrontier = [to];
    if (plan.bLevels >= 1) {
      store.markComplete(to, back);
      this.growBall([to]);
    }
    if (balls.done.b2) {
      const level = expandable(balls.b1, spec.from);
      for (const id of level) store.markComplete(id, back);
      this.growBall(level);
    }
    this.subgraphComplete = balls.done.complete;
  }

  /** Decides which end the best-first search starts from, and whether a backward side runs. */
  private chooseSides(first: FetchedHops): void {
    const { spec, limits } = this;
    const degreeOf = (id: string) => first.checks.get(id)?.degree ?? 0;
    if (spec.to !== null) {
      const fromHub = degreeOf(spec.from) > limits.degreeCap;
      const toHub = degreeOf(spec.to) > limits.degreeCap;
      // Time-respecting routes are checked in route order, so they always run from `from`.
      if (fromHub && !toHub && !spec.timeRespecting) {
        this.reversed = true;
        this.root = spec.to;
        this.target = spec.from;
        this.rootWalk = reverseWalk(spec.walk);
      }
      this.twoSided = degreeOf(this.target!) <= limits.degreeCap;
    }
    for (const id of this.named) this.store.degree.set(id, degreeOf(id));
    if (this.twoSided) {
      this.dist.set(this.target!, 0);
      this.bFrontier = [this.target!];
      if (this.store.isComplete(this.target!, reverseWalk(this.rootWalk))) this.growBall([this.target!]);
    }
  }

  /** Records a backward level: the entities first reached from `expanded` are one hop farther from the target. */
  private growBall(expanded: readonly string[]): void {
    const back = reverseWalk(this.rootWalk);
    const next: string[] = [];
    for (const node of expanded) {
      for (const other of this.store.hops(node, back).keys()) {
        if (this.dist.has(other)) continue;
        this.dist.set(other, this.bRadius + 1);
        next.push(other);
      }
    }
    this.bRadius += 1;
    this.bFrontier = next;
  }

  /** Plans and runs the round trip that answers `needs` (the first is the best partial route's). */
  private async answer(needs: readonly SuccessorsNeed[]): Promise<void> {
    const { limits, spec } = this;
    if (Date.now() >= limits.deadline) {
      this.refused = "TIMED_OUT";
      return;
    }
    const degree = (id: string) => this.store.degree.get(id) ?? 0;
    const wanted = [...new Set(needs.map((n) => n.node))].filter((id) => !this.store.isComplete(id, this.rootWalk));
    const [top, ...rest] = wanted;
    let room = limits.maxRelationships - this.store.size;
    const forward: string[] = [];
    if (top !== undefined && degree(top) <= room) {
      forward.push(top);
      room -= degree(top);
      for (const id of rest.sort((a, b) => degree(a) - degree(b))) {
        if (degree(id) > room) break;
        forward.push(id);
        room -= degree(id);
      }
    }
    const fwdCost = forward.reduce((sum, id) => sum + degree(id), 0);
    const backNodes = this.twoSided && this.bRadius < spec.maxHops ? this.bFrontier.filter((id) => !this.isHub(id)) : [];
    const backCost = backNodes.reduce((sum, id) => sum + degree(id), 0);
    const growBack = backNodes.length > 0 && backCost <= room && (backCost <= 2 * fwdCost || forward.length === 0);
    if (growBack) for (const id of this.bFrontier) if (this.isHub(id)) this.skipped.set(id, degree(id));
    // A much cheaper backward level may make the forward fetch unnecessary: try it alone first.
    const backOnly = growBack && backCost * 2 < fwdCost;
    if (forward.length === 0 && !growBack) {
      this.refused = "LIMIT_REACHED";
      return;
    }
    const back = reverseWalk(this.rootWalk);
    const items: ExpandItem[] = [
      ...(backOnly ? [] : forward.map((id) => ({ id, walk: this.rootWalk, force: true }))),
      ...(growBack ? backNodes.map((id) => ({ id, walk: back, force: true })) : []),
    ];
    const fetched = await this.fetch(items, []);
    if (fetched.stop) {
      this.refused = fetched.stop;
      return;
    }
    if (growBack) this.growBall(backNodes);
  }

  /** One round trip: adds the rows, degrees, targets and completeness to the store. */
  private async fetch(items: readonly ExpandItem[], check: readonly string[]): Promise<FetchedHops> {
    const room = Math.max(0, this.limits.maxRelationships - this.store.size);
    const fetched = await this.fetcher.fetch(check, items, this.spec.filter, room, this.limits.deadline - Date.now());
    for (const row of fetched.rows) {
      this.store.add(row.edge);
      this.store.degree.set(row.other, row.degree);
      if (row.target) this.store.targets.add(row.other);
    }
    for (const [id, c] of fetched.checks) {
      if (!c.exists) continue;
      this.store.degree.set(id, c.degree);
      if (c.target) this.store.targets.add(id);
    }
    if (!fetched.stop) for (const item of fetched.expanded) this.store.markComplete(item.id, item.walk);
    return fetched;
  }

  private isHub(id: string): boolean {
    return !this.named.has(id) && (this.store.degree.get(id) ?? 0) > this.limits.degreeCap;
  }

  private graphView(): SearchGraph {
    return {
      successors: (node, hops) => this.successors(node, hops),
      hopsToEnd: (node) => this.hopsToEnd(node),
      isTarget: (node) => this.isTarget(node),
      blocks: (node) => this.blocks(node),
      refusal: () => this.refusal(),
    };
  }

  successors(node: string, hops: number): ReadonlyMap<string, readonly RouteStep[]> | undefined {
    if (this.subgraphComplete || this.store.isComplete(node, this.rootWalk)) return this.store.hops(node, this.rootWalk);
    // Every further hop of such a partial route enters the backward ball, whose entering
    // relationships are all fetched.
    if (this.twoSided && hops >= this.spec.maxHops - this.bRadius) return this.store.hops(node, this.rootWalk);
    return undefined;
  }

  hopsToEnd(node: string): number {
    if (this.target === null) return this.store.targets.has(node) && node !== this.root ? 0 : 1;
    if (node === this.target) return 0;
    if (!this.twoSided) return 1;
    return this.dist.get(node) ?? this.bRadius + 1;
  }

  isTarget(node: string): boolean {
    return this.target === null ? node !== this.root && this.store.targets.has(node) : node === this.target;
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

/** Runs a search generator, answering its needs with `answer` and letting the event loop run when it yields null. */
async function drain(search: Generator<readonly SuccessorsNeed[] | null, TopKResult>, answer: (needs: readonly SuccessorsNeed[]) => Promise<void>): Promise<TopKResult> {
  let step = search.next();
  while (!step.done) {
    if (step.value === null) await new Promise<void>((resolve) => setImmediate(resolve));
    else await answer(step.value);
    step = search.next();
  }
  return step.value;
}

/** A route found from `to` backwards, as it runs from `from`. */
function turnRound(route: FoundRoute): FoundRoute {
  const flip = (s: RouteStep): RouteStep => ({ edge: s.edge, from: s.to, to: s.from, reversed: !s.reversed });
  const hops: RouteHop[] = [...route.hops].reverse().map((h) => ({ from: h.to, to: h.from, steps: h.steps.map(flip), chosen: flip(h.chosen) }));
  return { nodes: [...route.nodes].reverse(), hops, confidence: route.confidence };
}

/**
 * Restores the forward tie order (confidence desc, hops asc, entity ids from `from` asc) of
 * routes a reversed search ranked with ties broken from `to`.
 */
function reorderReversed(routes: readonly FoundRoute[], limit: number): FoundRoute[] {
  const sorted = [...routes].sort((a, b) => b.confidence - a.confidence || a.nodes.length - b.nodes.length || compareIds(a.nodes, b.nodes));
  return sorted.slice(0, Math.max(limit + 1, 0));
}

function compareIds(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}
