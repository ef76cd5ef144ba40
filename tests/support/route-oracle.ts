/** A relationship of a test graph, with every field a filter reads. */
export interface OracleEdge {
  id: string;
  type: string;
  start: string;
  end: string;
  status: string;
  confidence: number;
  validFrom: string | null;
  validTo: string | null;
}

/** A route as the brute-force oracle reports it. */
export interface OracleRoute {
  nodes: string[];
  confidence: number;
  /** Per hop, every relationship id of the hop, strongest first. */
  hopRelationships: string[][];
  /** Per hop, the strongest relationship id (the one the hop's confidence uses when not time-respecting). */
  strongest: string[];
}

/** Everything a route or exposure query may ask, applied by brute force in memory. */
export interface OracleQuery {
  from: string;
  /** null: exposure, ending at any entity (other than `from`) whose topics meet `topics`. */
  to: string | null;
  topics: string[];
  maxHops: number;
  limit: number;
  minConfidence: number;
  undirected: boolean;
  via: string[];
  avoid: string[];
  /** The walked types (defaults already resolved). */
  types: string[];
  statuses: string[] | null;
  asOf: string | null;
  timeRespecting: boolean;
  /** Context types, walkable (undirected only) on relationships touching a `via` entity. */
  contextTypes: string[];
  /** Degree cap: an entity with more relationships of the degree types to walk (directed: leaving it; undirected: touching it) is a hub unless named. */
  degreeCap: number;
  /** The types a degree counts: the literal list the engine reads (flow, route or all types). */
  degreeTypes: string[];
}

const STATUS_ORDER = ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"];

/** Strongest first: confidence desc, status (REPORTED first), then id and type. Written from docs/routes.md, not from the engine. */
function stronger(a: OracleEdge, b: OracleEdge): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  const s = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
  if (s !== 0) return s;
  const ka = `${a.id}\u0000${a.type}`;
  const kb = `${b.id}\u0000${b.type}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Relationships of `types` each node's walk would read, whatever their status or dates: those
 * leaving it for a directed walk, those touching it (a self-loop once) for an undirected one.
 */
function degrees(edges: readonly OracleEdge[], types: readonly string[], undirected: boolean): Map<string, number> {
  const d = new Map<string, number>();
  for (const e of edges) {
    if (!types.includes(e.type)) continue;
    d.set(e.start, (d.get(e.start) ?? 0) + 1);
    if (undirected && e.end !== e.start) d.set(e.end, (d.get(e.end) ?? 0) + 1);
  }
  return d;
}

/**
 * The oracle's query for FLOW routes from `s` to `t` over `types` with every other filter at its
 * default (no via, no avoid, all statuses, undated), as hand-made test graphs ask it.
 */
export function flowQueryST(types: readonly string[], maxHops: number, limit: number, degreeCap: number): OracleQuery {
  return {
    from: "s",
    to: "t",
    topics: [],
    maxHops,
    limit,
    minConfidence: 0,
    undirected: false,
    via: [],
    avoid: [],
    types: [...types],
    statuses: null,
    asOf: null,
    timeRespecting: false,
    contextTypes: [],
    degreeCap,
    degreeTypes: [...types],
  };
}

/**
 * Enumerates EVERY simple sequence of entities from `from` of at most maxHops hops, applies every
 * rule literally as docs/routes.md states it (hops are all the parallel relationships between two
 * consecutive entities in the walk's direction, worth their strongest; context types only at a
 * `via` entity; no route through an unnamed hub; exposure routes end at the first entity with a
 * topic), sorts by (confidence desc, hops asc, entity ids asc) and keeps the first `limit`.
 * Exponential; for graphs of about a dozen nodes only.
 */
export function bruteForceRoutes(edges: readonly OracleEdge[], topicsOf: ReadonlyMap<string, readonly string[]>, q: OracleQuery): OracleRoute[] {
  const viaTypes = q.undirected && q.via.length > 0 ? q.contextTypes.filter((t) => !q.types.includes(t)) : [];
  const usable = edges.filter(
    (e) =>
      e.start !== e.end &&
      (q.types.includes(e.type) || (viaTypes.includes(e.type) && (q.via.includes(e.start) || q.via.includes(e.end)))) &&
      (q.statuses === null || q.statuses.includes(e.status)) &&
      e.confidence >= q.minConfidence &&
      (q.asOf === null || ((e.validFrom === null || e.validFrom <= q.asOf) && (e.validTo === null || e.validTo >= q.asOf))),
  );
  const base = degrees(edges, q.degreeTypes, q.undirected);
  const context = degrees(edges, viaTypes.length > 0 && !q.degreeTypes.includes(viaTypes[0]!) ? q.contextTypes : [], q.undirected);
  const named = new Set([q.from, ...(q.to === null ? [] : [q.to]), ...q.via]);
  const isHub = (n: string) => !named.has(n) && (base.get(n) ?? 0) + (q.via.includes(n) ? (context.get(n) ?? 0) : 0) > q.degreeCap;
  const isEnd = (n: string) => (q.to === null ? n !== q.from && (topicsOf.get(n) ?? []).some((t) => q.topics.includes(t)) : n === q.to);

  // Hops: steps from a node to a neighbour, grouped, strongest first.
  const hops = new Map<string, Map<string, { edge: OracleEdge }[]>>();
  const addStep = (from: string, to: string, edge: OracleEdge) => {
    const byTo = hops.get(from) ?? new Map<string, { edge: OracleEdge }[]>();
    hops.set(from, byTo);
    byTo.set(to, [...(byTo.get(to) ?? []), { edge }]);
  };
  for (const e of usable) {
    if (!q.avoid.includes(e.end)) addStep(e.start, e.end, e);
    if (q.undirected && !q.avoid.includes(e.start)) addStep(e.end, e.start, e);
  }
  for (const byTo of hops.values()) for (const steps of byTo.values()) steps.sort((a, b) => stronger(a.edge, b.edge));

  const found: OracleRoute[] = [];
  const walk = (nodes: string[]) => {
    const node = nodes[nodes.length - 1]!;
    if (nodes.length > 1 && isEnd(node)) {
      if (q.via.every((v) => nodes.includes(v))) {
        const route = score(nodes);
        if (route && route.confidence >= q.minConfidence) found.push(route);
      }
      return;
    }
    if (nodes.length > 1 && isHub(node)) return;
    if (nodes.length - 1 === q.maxHops) return;
    for (const next of hops.get(node)?.keys() ?? []) {
      if (nodes.includes(next)) continue;
      walk([...nodes, next]);
    }
  };
  const score = (nodes: string[]): OracleRoute | null => {
    const hopSteps = nodes.slice(1).map((to, i) => hops.get(nodes[i]!)!.get(to)!);
    let best: number | null = null;
    if (!q.timeRespecting) best = hopSteps.reduce((c, steps) => c * steps[0]!.edge.confidence, 1);
    else {
      // Every choice of one relationship per hop in date order (undated ones always fit).
      const choose = (i: number, last: string | null, c: number) => {
        if (i === hopSteps.length) {
          best = best === null ? c : Math.max(best, c);
          return;
        }
        for (const { edge } of hopSteps[i]!) {
          if (edge.validFrom !== null && last !== null && edge.validFrom < last) continue;
          choose(i + 1, edge.validFrom ?? last, c * edge.confidence);
        }
      };
      choose(0, null, 1);
    }
    if (best === null) return null;
    return {
      nodes,
      confidence: best,
      hopRelationships: hopSteps.map((steps) => steps.map((s) => s.edge.id)),
      strongest: hopSteps.map((steps) => steps[0]!.edge.id),
    };
  };
  walk([q.from]);
  return found
    .sort((a, b) => {
      if (a.confidence !== b.confidence) return b.confidence - a.confidence;
      if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
      for (let i = 0; i < a.nodes.length; i += 1) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! < b.nodes[i]! ? -1 : 1;
      return 0;
    })
    .slice(0, q.limit);
}

/**
 * What `connections` must answer, by brute force: the best route between every pair (the
 * oracle above with limit 1), then Kruskal over the pairs by rounded confidence desc, hops asc,
 * pair order (stable), as the service documents.
 */
export function bruteForceConnections(
  edges: readonly OracleEdge[],
  ids: readonly string[],
  q: Omit<OracleQuery, "from" | "to" | "limit" | "via" | "topics" | "timeRespecting">,
): { routes: string[][]; unconnected: string[] } {
  const pairs: { a: number; b: number; route: OracleRoute }[] = [];
  for (let a = 0; a < ids.length; a += 1) {
    for (let b = a + 1; b < ids.length; b += 1) {
      const [route] = bruteForceRoutes(edges, new Map(), { ...q, from: ids[a]!, to: ids[b]!, limit: 1, via: [], topics: [], timeRespecting: false });
      if (route) pairs.push({ a, b, route });
    }
  }
  const round = (x: number) => Number(x.toFixed(9));
  pairs.sort((x, y) => round(y.route.confidence) - round(x.route.confidence) || x.route.nodes.length - y.route.nodes.length);
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const routes: string[][] = [];
  for (const { a, b, route } of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    parent[ra] = rb;
    routes.push(route.nodes);
  }
  const groups = new Map<number, number>();
  ids.forEach((_, i) => groups.set(find(i), (groups.get(find(i)) ?? 0) + 1));
  const largest = [...groups.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  return { routes, unconnected: groups.size === 1 ? [] : ids.filter((_, i) => find(i) !== largest) };
}
