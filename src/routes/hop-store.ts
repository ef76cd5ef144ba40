import { compareStrength, edgeKey } from "./hops.js";
import type { GraphEdge, RouteStep } from "./types.js";

/**
 * How a search walks relationships from a node: `out` along their stored direction (FLOW),
 * `in` against it (the backward side of a FLOW search), `both` either way (direction ANY).
 */
export type Walk = "out" | "in" | "both";

/** The walk of the other side of a bidirectional search. */
export function reverseWalk(walk: Walk): Walk {
  return walk === "out" ? "in" : walk === "in" ? "out" : "both";
}

const COMPLETE_BITS: Readonly<Record<Walk, number>> = { out: 1, in: 2, both: 3 };

/**
 * The relationships a route search has fetched, indexed by entity, with what is known of each
 * entity: whether all its relationships of a walk were fetched, its degree and whether it is an
 * exposure target. Hops (all the relationships between two entities in the walk's direction,
 * strongest first) are built on demand and kept until a new relationship touches the entity.
 */
export class HopStore {
  private readonly edges = new Map<string, GraphEdge>();
  private readonly incident = new Map<string, GraphEdge[]>();
  private readonly complete = new Map<string, number>();
  private readonly hopCache = new Map<string, Map<string, RouteStep[]>>();
  /** Relationships of the walked types a route walking through each entity reads (see expand-hops-*.cypher `degree`). */
  readonly degree = new Map<string, number>();
  /** Relationships of the walked types entering each entity (ANY: touching it). */
  readonly inDegree = new Map<string, number>();
  /** Entities that carry one of the exposure topics. */
  readonly targets = new Set<string>();

  /** Number of distinct relationships fetched. */
  get size(): number {
    return this.edges.size;
  }

  /** Every relationship fetched. */
  allEdges(): IterableIterator<GraphEdge> {
    return this.edges.values();
  }

  /** Adds a relationship (self-loops are ignored: they lie on no simple path); returns false when it was known. */
  add(edge: GraphEdge): boolean {
    if (edge.start === edge.end) return false;
    const key = edgeKey(edge);
    if (this.edges.has(key)) return false;
    this.edges.set(key, edge);
    for (const node of [edge.start, edge.end]) {
      const list = this.incident.get(node);
      if (list) list.push(edge);
      else this.incident.set(node, [edge]);
      this.hopCache.delete(`out\u0000${node}`);
      this.hopCache.delete(`in\u0000${node}`);
      this.hopCache.delete(`both\u0000${node}`);
    }
    return true;
  }

  /** Records that every relationship of `walk` around `node` (under the search's filters) is fetched. */
  markComplete(node: string, walk: Walk): void {
    this.complete.set(node, (this.complete.get(node) ?? 0) | COMPLETE_BITS[walk]);
  }

  /** True when every relationship of `walk` around `node` is fetched. */
  isComplete(node: string, walk: Walk): boolean {
    const bits = COMPLETE_BITS[walk];
    return ((this.complete.get(node) ?? 0) & bits) === bits;
  }

  /**
   * The hops leaving `node` in `walk` among the fetched relationships: neighbour → steps,
   * strongest first. Complete only when {@link isComplete}(node, walk).
   */
  hops(node: string, walk: Walk): Map<string, RouteStep[]> {
    const cacheKey = `${walk}\u0000${node}`;
    const cached = this.hopCache.get(cacheKey);
    if (cached) return cached;
    const byNeighbour = new Map<string, RouteStep[]>();
    const add = (step: RouteStep) => {
      const list = byNeighbour.get(step.to);
      if (list) list.push(step);
      else byNeighbour.set(step.to, [step]);
    };
    for (const edge of this.incident.get(node) ?? []) {
      if (walk !== "in" && edge.start === node) add({ edge, from: node, to: edge.end, reversed: false });
      if (walk !== "out" && edge.end === node) add({ edge, from: node, to: edge.start, reversed: true });
    }
    for (const steps of byNeighbour.values()) steps.sort((a, b) => compareStrength(a.edge, b.edge));
    this.hopCache.set(cacheKey, byNeighbour);
    return byNeighbour;
  }
}
