import { BinaryHeap } from "./binary-heap.js";
import { edgeKey, timeRespectingChoices } from "./hops.js";
import type { FoundRoute, RouteHop, RouteStep, RouteStop, SearchBudget, TopKResult, TopKRouteQuery } from "./types.js";

/**
 * What the best-first search knows of the graph. A fully fetched subgraph answers everything;
 * the route engine (route-search.ts) answers from what it has fetched so far and names what it
 * still needs.
 */
export interface SearchGraph {
  /**
   * The hops leaving `node` for a partial route of `hops` hops: neighbour → its relationships,
   * strongest first. `undefined` when they are not fetched yet (the search then asks for them).
   */
  successors(node: string, hops: number): ReadonlyMap<string, readonly RouteStep[]> | undefined;
  /** A lower bound on the hops from `node` to the end of a route (0 at a target); Infinity when none can end. */
  hopsToEnd(node: string): number;
  /** True when `node` ends routes (the query's `to`, or an exposure target). */
  isTarget(node: string): boolean;
  /** True when routes must not pass through `node` (an unnamed hub); the graph records it. */
  blocks(node: string): boolean;
  /** Why the graph cannot give the successors it was asked for (a fetch was refused), or undefined. */
  refusal(): RouteStop | undefined;
}

/** A node and the partial route that needs its successors (its hops and confidence). */
export interface SuccessorsNeed {
  readonly node: string;
  readonly hops: number;
  readonly confidence: number;
}

/** What the search yields: the successors it needs, best partial route first, or null to let the event loop run. */
export type SearchYield = readonly SuccessorsNeed[] | null;

/**
 * Exact top-k routes by confidence, best-first over partial routes (a branch-and-bound on the
 * confidence product) where a route is a sequence of entities and the relationships between two
 * consecutive entities are one hop (hops.ts).
 *
 * The queue is ordered by (confidence desc, hops asc, entity ids asc). Every hop's confidence is
 * in [0, 1], so extending a route never improves its key: the product cannot grow and the hop
 * count grows. Complete routes therefore leave the queue in exactly the final ranking order (as
 * in Dijkstra, where settled distances never shrink), and the first `limit` distinct entity
 * sequences are the exact top-k. Successors are asked for only when a partial route reaches the
 * front of the queue, so nodes whose partial routes cannot enter the top k are never fetched.
 * Partial routes are pruned when they cannot end within `maxHops` (graph.hopsToEnd, and one hop
 * per waypoint still missing), fall below `minRouteConfidence`, would revisit a node (simple
 * paths only), or pass a hub (graph.blocks).
 *
 * Bounded: stops with `LIMIT_REACHED` once `budget.maxExpansions` partial routes were queued, with
 * `TIMED_OUT` at `budget.deadline`, or with the graph's refusal; routes found before then are the
 * exact first routes of the ranking.
 * @throws RangeError when more than 30 waypoints are given (they are tracked in a bit mask).
 */
export function* searchRoutes(graph: SearchGraph, q: TopKRouteQuery, budget: SearchBudget): Generator<SearchYield, TopKResult> {
  if (q.via.length > 30) throw new RangeError("At most 30 waypoints");
  const viaIndex = new Map(q.via.map((id, i) => [id, i] as const));
  const fullMask = (1 << q.via.length) - 1;
  const heap = new BinaryHeap<Partial>(isBetter);
  const start: Partial = { node: q.from, hops: 0, confidence: 1, hop: null, parent: null, lastValidFrom: null, viaMask: maskWith(0, viaIndex, q.from) };
  if (needed(start, q, graph, viaIndex, fullMask) <= q.maxHops) heap.push(start);

  const routes: FoundRoute[] = [];
  const seen = new Set<string>();
  let pops = 0;
  let pushes = 0;
  while (heap.size > 0) {
    if (pushes >= budget.maxExpansions) return { routes, hasMore: false, stop: "LIMIT_REACHED" };
    if ((pops & 255) === 0 && budget.now() > budget.deadline) return { routes, hasMore: false, stop: "TIMED_OUT" };
    if (pops > 0 && pops % SLICE === 0) yield null;
    const p = heap.peek()!;
    if (p.hops > 0 && graph.isTarget(p.node)) {
      heap.pop();
      pops += 1;
      if (p.viaMask !== fullMask) continue;
      const key = sequenceKey(p);
      if (seen.has(key)) continue;
      if (routes.length === q.limit) return { routes, hasMore: true };
      seen.add(key);
      routes.push(toRoute(p));
      continue;
    }
    // A round trip may have raised the lower bounds since p was queued.
    if ((p.hops > 0 && graph.blocks(p.node)) || !canStillFinish(p, q, graph, viaIndex, fullMask)) {
      heap.pop();
      pops += 1;
      continue;
    }
    let next = graph.successors(p.node, p.hops);
    // The graph answers each yield with a round trip that either makes progress or refuses.
    while (next === undefined && canStillFinish(p, q, graph, viaIndex, fullMask)) {
      const refused = graph.refusal();
      if (refused) return { routes, hasMore: false, stop: refused };
      yield pendingNeeds(heap, graph, p);
      next = graph.successors(p.node, p.hops);
    }
    heap.pop();
    pops += 1;
    if (next === undefined || !canStillFinish(p, q, graph, viaIndex, fullMask)) continue;
    for (const [to, steps] of next) {
      if (onPath(p, to)) continue;
      const choices = q.timeRespecting ? timeRespectingChoices(steps, p.lastValidFrom) : steps.slice(0, 1);
      for (const chosen of choices) {
        const confidence = p.confidence * chosen.edge.confidence;
        if (confidence < q.minRouteConfidence) continue;
        const child: Partial = {
          node: to,
          hops: p.hops + 1,
          confidence,
          hop: { from: p.node, to, steps, chosen },
          parent: p,
          lastValidFrom: chosen.edge.validFrom ?? p.lastValidFrom,
          viaMask: maskWith(p.viaMask, viaIndex, to),
        };
        if (needed(child, q, graph, viaIndex, fullMask) + child.hops > q.maxHops) continue;
        heap.push(child);
        pushes += 1;
      }
    }
  }
  return { routes, hasMore: false };
}

/**
 * Runs {@link searchRoutes} on a graph that never needs fetching (a fully fetched subgraph),
 * handing the event loop back every few milliseconds of work.
 */
export async function findTopKRoutesAsync(graph: SearchGraph, q: TopKRouteQuery, budget: SearchBudget): Promise<TopKResult> {
  const search = searchRoutes(graph, q, budget);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
    if (step.value === null) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** {@link findTopKRoutesAsync} without yielding to the event loop: for tests and small graphs. */
export function findTopKRoutes(graph: SearchGraph, q: TopKRouteQuery, budget: SearchBudget): TopKResult {
  const search = searchRoutes(graph, q, budget);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

/** Queue pops between two yields of the search: a few milliseconds of work. */
const SLICE = 2048;

interface Partial {
  readonly node: string;
  readonly hops: number;
  readonly confidence: number;
  readonly hop: RouteHop | null;
  readonly parent: Partial | null;
  readonly lastValidFrom: string | null;
  readonly viaMask: number;
  /** Entity ids from the start, built on the first tie that needs them. */
  ids?: string[];
}

/**
 * The needs of the queued partial routes whose successors are not fetched, most promising first
 * (`first`, then by confidence desc and hops asc), one per node: the order in which the search
 * would ask for them, so a caller that fetches only a prefix fetches what is needed soonest.
 */
function pendingNeeds(heap: BinaryHeap<Partial>, graph: SearchGraph, first: Partial): SuccessorsNeed[] {
  const rest: Partial[] = [];
  for (const p of heap.contents()) {
    if (p === first || p.node === first.node || graph.isTarget(p.node)) continue;
    if (graph.successors(p.node, p.hops) === undefined) rest.push(p);
  }
  rest.sort((a, b) => b.confidence - a.confidence || a.hops - b.hops);
  const seen = new Set([first.node]);
  const needs: SuccessorsNeed[] = [{ node: first.node, hops: first.hops, confidence: first.confidence }];
  for (const p of rest) {
    if (seen.has(p.node)) continue;
    seen.add(p.node);
    needs.push({ node: p.node, hops: p.hops, confidence: p.confidence });
  }
  return needs;
}

/** Re-checks a partial route after a round trip, which may have raised the lower bounds. */
function canStillFinish(p: Partial, q: TopKRouteQuery, graph: SearchGraph, viaIndex: ReadonlyMap<string, number>, fullMask: number): boolean {
  return needed(p, q, graph, viaIndex, fullMask) + p.hops <= q.maxHops;
}

/** Hops still needed from `p`: to each missing waypoint (one hop apiece at least), then to the end. */
function needed(p: Partial, q: TopKRouteQuery, graph: SearchGraph, viaIndex: ReadonlyMap<string, number>, fullMask: number): number {
  if (p.viaMask === fullMask) return graph.hopsToEnd(p.node);
  let missing = 0;
  let last = Number.POSITIVE_INFINITY;
  for (const [id, i] of viaIndex) {
    if (p.viaMask & (1 << i)) continue;
    missing += 1;
    last = Math.min(last, graph.hopsToEnd(id));
  }
  return missing + last;
}

function isBetter(a: Partial, b: Partial): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  if (a.hops !== b.hops) return a.hops < b.hops;
  const c = compareSequences(idsOf(a), idsOf(b));
  if (c !== 0) return c < 0;
  return compareSequences(chosenKeys(a), chosenKeys(b)) < 0;
}

function idsOf(p: Partial): string[] {
  if (!p.ids) p.ids = p.parent ? [...idsOf(p.parent), p.node] : [p.node];
  return p.ids;
}

/** The chosen relationships' keys: orders two time-respecting choices of the same entity sequence. */
function chosenKeys(p: Partial): string[] {
  const keys: string[] = [];
  for (let cur: Partial | null = p; cur?.hop; cur = cur.parent) keys.push(edgeKey(cur.hop.chosen.edge));
  return keys.reverse();
}

/** Lexicographic comparison of two id sequences (a proper prefix sorts first). */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function sequenceKey(p: Partial): string {
  return idsOf(p).join("\u0000");
}

function onPath(p: Partial, node: string): boolean {
  for (let cur: Partial | null = p; cur; cur = cur.parent) if (cur.node === node) return true;
  return false;
}

function maskWith(mask: number, viaIndex: ReadonlyMap<string, number>, node: string): number {
  const i = viaIndex.get(node);
  return i === undefined ? mask : mask | (1 << i);
}

function toRoute(p: Partial): FoundRoute {
  const hops: RouteHop[] = [];
  for (let cur: Partial | null = p; cur?.hop; cur = cur.parent) hops.push(cur.hop);
  return { nodes: [...idsOf(p)], hops: hops.reverse(), confidence: p.confidence };
}
