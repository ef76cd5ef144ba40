import { edgeKey, type Relationship, type Subgraph } from "./types";

/**
 * Most elements the graph view holds. Past a few hundred entities dagre's layout and
 * Cytoscape.js's drawing slow down on a laptop, and the picture stops being readable anyway;
 * an expansion that would pass a limit adds what fits, strongest links first, and says so.
 */
export const VIEW_LIMITS: Readonly<ViewLimits> = Object.freeze({ nodes: 250, edges: 1000 });

/** Caps on the number of entities (nodes) and relationships (edges) in view. */
export interface ViewLimits {
  nodes: number;
  edges: number;
}

/** What the view already shows: entity ids, `TYPE:id` edge keys, and their counts. */
export interface ShownView {
  hasNode(id: string): boolean;
  hasEdge(key: string): boolean;
  readonly nodes: number;
  readonly edges: number;
}

/** The new elements of a subgraph that fit in the view, and how many new ones were left out. */
export interface CappedSubgraph {
  subgraph: Subgraph;
  left: { nodes: number; edges: number };
}

/**
 * The part of `incoming` that joins the view without passing `limits`. New entities are kept
 * most strongly linked first (the highest confidence of a relationship tying them to an entity
 * already shown), in the API's order among equals; then the new relationships among everything
 * kept, highest confidence first. Elements already shown are not repeated. Within the limits,
 * nothing is left out.
 */
export function capSubgraph(incoming: Subgraph, shown: ShownView, limits: ViewLimits = VIEW_LIMITS): CappedSubgraph {
  const fresh = [...new Map(incoming.nodes.filter((n) => !shown.hasNode(n.id)).map((n) => [n.id, n])).values()];
  const freshEdges = [...new Map(incoming.edges.filter((r) => !shown.hasEdge(edgeKey(r))).map((r) => [edgeKey(r), r])).values()];
  const nodeRoom = Math.max(0, limits.nodes - shown.nodes);
  let nodes = fresh;
  if (fresh.length > nodeRoom) {
    const strength = new Map<string, number>();
    for (const r of freshEdges) {
      for (const [end, other] of [
        [r.from.id, r.to.id],
        [r.to.id, r.from.id],
      ] as const) {
        if (shown.hasNode(other)) strength.set(end, Math.max(strength.get(end) ?? 0, r.confidence));
      }
    }
    const keep = new Set(
      fresh
        .map((n, i) => ({ id: n.id, i, s: strength.get(n.id) ?? 0 }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, nodeRoom)
        .map((x) => x.id),
    );
    nodes = fresh.filter((n) => keep.has(n.id));
  }
  const kept = new Set(nodes.map((n) => n.id));
  const inView = (id: string) => shown.hasNode(id) || kept.has(id);
  let edges: Relationship[] = freshEdges.filter((r) => inView(r.from.id) && inView(r.to.id));
  const edgeRoom = Math.max(0, limits.edges - shown.edges);
  if (edges.length > edgeRoom) {
    const keep = new Set(
      [...edges]
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, edgeRoom)
        .map(edgeKey),
    );
    edges = edges.filter((r) => keep.has(edgeKey(r)));
  }
  return {
    subgraph: { nodes, edges, truncated: incoming.truncated },
    left: { nodes: fresh.length - nodes.length, edges: freshEdges.length - edges.length },
  };
}
