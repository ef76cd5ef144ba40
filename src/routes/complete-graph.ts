import { HopStore, reverseWalk, type Walk } from "./hop-store.js";
import type { SearchGraph } from "./top-k-routes.js";
import type { GraphEdge, RouteStep } from "./types.js";

/**
 * A {@link SearchGraph} over relationships already fetched and filtered (nothing more to fetch,
 * no hubs): exact hop distances to `to` prune the search, or every entity of `targets` ends a
 * route when `to` is null. For tests, and for searching a subgraph held in memory.
 */
export function completeGraph(edges: readonly GraphEdge[], walk: Walk, to: string | null, targets: ReadonlySet<string> = new Set()): SearchGraph {
  const store = new HopStore();
  for (const e of edges) store.add(e);
  const dist = new Map<string, number>();
  if (to !== null) {
    // Breadth-first from `to` against the walk.
    dist.set(to, 0);
    let frontier = [to];
    for (let d = 1; frontier.length > 0; d += 1) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const prev of store.hops(node, reverseWalk(walk)).keys()) {
          if (dist.has(prev)) continue;
          dist.set(prev, d);
          next.push(prev);
        }
      }
      frontier = next;
    }
  }
  const isTarget = (node: string) => (to === null ? targets.has(node) : node === to);
  return {
    successors: (node): ReadonlyMap<string, readonly RouteStep[]> => store.hops(node, walk),
    hopsToEnd: (node) => (to === null ? (targets.has(node) ? 0 : 1) : (dist.get(node) ?? Number.POSITIVE_INFINITY)),
    isTarget,
    blocks: () => false,
    refusal: () => undefined,
  };
}
