import { BinaryHeap } from "./binary-heap.js";
import type { FoundRoute, GraphEdge, RouteStep, SearchBudget, TopKResult, TopKRouteQuery } from "./types.js";

/**
 * Exact top-k simple paths by route confidence over an in-memory subgraph.
 *
 * Algorithm: best-first enumeration of partial paths (a branch-and-bound on the confidence
 * product). The queue is ordered by (confidence desc, hops asc, relationship ids asc). Every
 * confidence is in [0, 1], so extending a path never improves its key: the product cannot
 * grow and the hop count grows. Complete paths therefore leave the queue in exactly the final
 * ranking order, and the first `limit` of them are the exact top-k (as in Dijkstra, where
 * settled distances never shrink). Partial paths are pruned when they cannot finish within
 * `maxHops` (hop distance to the target, and through each missing waypoint, computed by
 * breadth-first search on the subgraph), when they fall below `minRouteConfidence`, or when
 * they would revisit a node (simple paths only).
 *
 * Bounded: it stops with `stop: "LIMIT_REACHED"` once `budget.maxExpansions` partial paths were queued and
 * with `"TIMED_OUT"` at `budget.deadline`; routes found before then are still exact prefixes
 * of the ranking only when no stop is reported.
 *
 * @param edges the subgraph, already filtered per hop (types, statuses, per-hop confidence, dates, avoid).
 * @throws RangeError when more than 30 waypoints are given (they are tracked in a bit mask).
 */
export function findTopKRoutes(edges: readonly GraphEdge[], q: TopKRouteQuery, budget: SearchBudget): TopKResult {
  const slices = searchInSlices(edges, q, budget);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link findTopKRoutes} that hands the event loop back every {@link SLICE} expansions, so one
 * heavy search never stops the server from answering other requests. Same answer, same errors.
 */
export async function findTopKRoutesAsync(edges: readonly GraphEdge[], q: TopKRouteQuery, budget: SearchBudget): Promise<TopKResult> {
  const slices = searchInSlices(edges, q, budget);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Queue pops between two yields of the search: a few milliseconds of work. */
const SLICE = 2048;

/** The search itself, yielding every SLICE queue pops. */
function* searchInSlices(edges: readonly GraphEdge[], q: TopKRouteQuery, budget: SearchBudget): Generator<void, TopKResult> {
  if (q.via.length > 30) throw new RangeError("At most 30 waypoints");
  const adjacency = buildAdjacency(edges, q.undirected);
  const distToTarget = hopDistances(edges, q.to, q.maxHops, q.undirected);
  const viaIndex = new Map(q.via.map((id, i) => [id, i] as const));
  const distToVia = q.via.map((w) => hopDistances(edges, w, q.maxHops, q.undirected));
  const fullMask = (1 << q.via.length) - 1;

  const heap = new BinaryHeap<Partial>(isBetter);
  const start: Partial = {
    node: q.from,
    hops: 0,
    confidence: 1,
    step: null,
    parent: null,
    lastValidFrom: null,
    viaMask: maskWith(0, viaIndex, q.from),
  };
  if (canFinish(start, q, distToTarget, distToVia, fullMask)) heap.push(start);

  const routes: FoundRoute[] = [];
  let pops = 0;
  let pushes = 0;
  while (heap.size > 0) {
    if (pushes >= budget.maxExpansions) return { routes, hasMore: false, stop: "LIMIT_REACHED" };
    if ((pops & 255) === 0 && budget.now() > budget.deadline) return { routes, hasMore: false, stop: "TIMED_OUT" };
    if (pops > 0 && pops % SLICE === 0) yield;
    pops += 1;
    const p = heap.pop()!;
    if (p.node === q.to) {
      if (p.viaMask === fullMask && p.hops > 0) {
        if (routes.length === q.limit) return { routes, hasMore: true };
        routes.push(toRoute(p));
      }
      continue;
    }
    for (const step of adjacency.get(p.node) ?? []) {
      if (onPath(p, step.to)) continue;
      const confidence = p.confidence * step.edge.confidence;
      if (confidence < q.minRouteConfidence) continue;
      const validFrom = step.edge.validFrom;
      if (q.timeRespecting && validFrom !== null && p.lastValidFrom !== null && validFrom < p.lastValidFrom) continue;
      const next: Partial = {
        node: step.to,
        hops: p.hops + 1,
        confidence,
        step,
        parent: p,
        lastValidFrom: validFrom ?? p.lastValidFrom,
        viaMask: maskWith(p.viaMask, viaIndex, step.to),
      };
      if (canFinish(next, q, distToTarget, distToVia, fullMask)) {
        heap.push(next);
        pushes += 1;
      }
    }
  }
  return { routes, hasMore: false };
}

interface Partial {
  readonly node: string;
  readonly hops: number;
  readonly confidence: number;
  readonly step: RouteStep | null;
  readonly parent: Partial | null;
  readonly lastValidFrom: string | null;
  readonly viaMask: number;
  /** Edge keys from the start, built on the first tie that needs them. */
  keys?: string[];
}

function isBetter(a: Partial, b: Partial): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  if (a.hops !== b.hops) return a.hops < b.hops;
  return compareKeys(edgeKeys(a), edgeKeys(b)) < 0;
}

/** Relationship ids of a path's hops, in order: the final tie-breaker. */
function edgeKeys(p: Partial): string[] {
  if (!p.keys) p.keys = p.parent && p.step ? [...edgeKeys(p.parent), edgeKey(p.step.edge)] : [];
  return p.keys;
}

/** Sort key of one relationship: id, then type, since ids are unique per type only. */
export function edgeKey(e: GraphEdge): string {
  return `${e.id}\u0000${e.type}`;
}

/** Lexicographic comparison of two key sequences (a proper prefix sorts first). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function onPath(p: Partial, node: string): boolean {
  for (let cur: Partial | null = p; cur; cur = cur.parent) if (cur.node === node) return true;
  return false;
}

function maskWith(mask: number, viaIndex: ReadonlyMap<string, number>, node: string): number {
  const i = viaIndex.get(node);
  return i === undefined ? mask : mask | (1 << i);
}

/** Necessary condition for a partial path to complete within maxHops (ignores simplicity). */
function canFinish(
  p: Partial,
  q: TopKRouteQuery,
  distToTarget: ReadonlyMap<string, number>,
  distToVia: readonly ReadonlyMap<string, number>[],
  fullMask: number,
): boolean {
  const toTarget = distToTarget.get(p.node);
  if (toTarget === undefined || p.hops + toTarget > q.maxHops) return false;
  if (p.viaMask === fullMask) return true;
  for (let i = 0; i < q.via.length; i += 1) {
    if (p.viaMask & (1 << i)) continue;
    const toVia = distToVia[i]!.get(p.node);
    const viaToTarget = distToTarget.get(q.via[i]!);
    if (toVia === undefined || viaToTarget === undefined || p.hops + toVia + viaToTarget > q.maxHops) return false;
  }
  return true;
}

function toRoute(p: Partial): FoundRoute {
  const steps: RouteStep[] = [];
  const nodes: string[] = [];
  for (let cur: Partial | null = p; cur; cur = cur.parent) {
    nodes.push(cur.node);
    if (cur.step) steps.push(cur.step);
  }
  return { nodes: nodes.reverse(), steps: steps.reverse(), confidence: p.confidence };
}

/** Outgoing steps per node; with `undirected`, each relationship also walks backwards. Self-loops are dropped. */
export function buildAdjacency(edges: readonly GraphEdge[], undirected: boolean): Map<string, RouteStep[]> {
  const adjacency = new Map<string, RouteStep[]>();
  const add = (step: RouteStep) => {
    const list = adjacency.get(step.from);
    if (list) list.push(step);
    else adjacency.set(step.from, [step]);
  };
  for (const edge of edges) {
    if (edge.start === edge.end) continue;
    add({ edge, from: edge.start, to: edge.end, reversed: false });
    if (undirected) add({ edge, from: edge.end, to: edge.start, reversed: true });
  }
  return adjacency;
}

/** Hop distance from every node to `target` (walking edges forwards), up to `maxHops`. */
function hopDistances(edges: readonly GraphEdge[], target: string, maxHops: number, undirected: boolean): Map<string, number> {
  const reverse = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = reverse.get(to);
    if (list) list.push(from);
    else reverse.set(to, [from]);
  };
  for (const e of edges) {
    link(e.start, e.end);
    if (undirected) link(e.end, e.start);
  }
  const dist = new Map<string, number>([[target, 0]]);
  let frontier = [target];
  for (let d = 1; d <= maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const prev of reverse.get(node) ?? []) {
        if (!dist.has(prev)) {
          dist.set(prev, d);
          next.push(prev);
        }
      }
    }
    frontier = next;
  }
  return dist;
}
