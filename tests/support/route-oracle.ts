import type { GraphEdge } from "../../src/routes/types.js";

/** A route as the brute-force oracle reports it. */
export interface OracleRoute {
  nodes: string[];
  edgeIds: string[];
  confidence: number;
}

/** Everything a route query may ask, applied by brute force in memory. */
export interface OracleQuery {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  minConfidence: number;
  undirected: boolean;
  via: string[];
  avoid: string[];
  types: string[] | null;
  statuses: string[] | null;
  asOf: string | null;
  timeRespecting: boolean;
}

/** An edge with the fields the per-hop filters read. */
export interface OracleEdge extends GraphEdge {
  status: string;
  validTo: string | null;
}

const key = (e: GraphEdge) => `${e.id}\u0000${e.type}`;

/**
 * Enumerates EVERY simple path from `from` to `to` of at most maxHops hops, applies every
 * filter literally as documented, sorts by (confidence desc, hops asc, relationship ids asc)
 * and keeps the first `limit`. Exponential; for graphs of about a dozen nodes only.
 */
export function bruteForceRoutes(edges: readonly OracleEdge[], q: OracleQuery): OracleRoute[] {
  const usable = edges.filter(
    (e) =>
      (q.types === null || q.types.includes(e.type)) &&
      (q.statuses === null || q.statuses.includes(e.status)) &&
      e.confidence >= q.minConfidence &&
      (q.asOf === null || ((e.validFrom === null || e.validFrom <= q.asOf) && (e.validTo === null || e.validTo >= q.asOf))) &&
      e.start !== e.end,
  );
  const all: { nodes: string[]; edges: OracleEdge[]; confidence: number }[] = [];
  const walk = (node: string, nodes: string[], path: OracleEdge[], confidence: number, last: string | null) => {
    if (node === q.to) {
      if (path.length > 0) all.push({ nodes: [...nodes], edges: [...path], confidence });
      return;
    }
    if (path.length === q.maxHops) return;
    for (const e of usable) {
      const steps: [string, string][] = [[e.start, e.end]];
      if (q.undirected) steps.push([e.end, e.start]);
      for (const [a, b] of steps) {
        if (a !== node || nodes.includes(b) || q.avoid.includes(b)) continue;
        if (q.timeRespecting && e.validFrom !== null && last !== null && e.validFrom < last) continue;
        nodes.push(b);
        path.push(e);
        walk(b, nodes, path, confidence * e.confidence, e.validFrom ?? last);
        nodes.pop();
        path.pop();
      }
    }
  };
  walk(q.from, [q.from], [], 1, null);
  return all
    .filter((r) => r.confidence >= q.minConfidence && q.via.every((v) => r.nodes.includes(v)))
    .sort((a, b) => {
      if (a.confidence !== b.confidence) return b.confidence - a.confidence;
      if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
      const ka = a.edges.map(key);
      const kb = b.edges.map(key);
      for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return 0;
    })
    .slice(0, q.limit)
    .map((r) => ({ nodes: r.nodes, edgeIds: r.edges.map((e) => e.id), confidence: r.confidence }));
}
