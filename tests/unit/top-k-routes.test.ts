import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_RELATIONSHIP_TYPES, FLOW_RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, ROUTE_RELATIONSHIP_TYPES } from "../../src/model/vocabulary.js";
import { completeGraph } from "../../src/routes/complete-graph.js";
import { findTopKRoutes } from "../../src/routes/top-k-routes.js";
import type { GraphEdge } from "../../src/routes/types.js";
import { bruteForceRoutes, type OracleEdge, type OracleQuery } from "../support/route-oracle.js";
import { randomGraph, randomQuery, type RandomSearch } from "../support/random-graph.js";

const NO_LIMIT = { deadline: Number.POSITIVE_INFINITY, maxExpansions: Number.POSITIVE_INFINITY, now: () => 0 };

function oracleQuery(q: RandomSearch, exposure: boolean): OracleQuery {
  const types = q.types ?? [...(q.undirected ? ROUTE_RELATIONSHIP_TYPES : FLOW_RELATIONSHIP_TYPES)];
  return {
    ...q,
    to: exposure ? null : q.to,
    types,
    contextTypes: [...CONTEXT_RELATIONSHIP_TYPES],
    degreeCap: Infinity,
    degreeTypes: [...RELATIONSHIP_TYPE_NAMES],
  };
}

/** The per-hop filters, as the Cypher expansion applies them, so the in-memory search can be compared alone. */
function perHopFiltered(edges: readonly OracleEdge[], q: OracleQuery): GraphEdge[] {
  const viaTypes = q.undirected && q.via.length > 0 ? q.contextTypes.filter((t) => !q.types.includes(t)) : [];
  return edges.filter(
    (e) =>
      (q.types.includes(e.type) || (viaTypes.includes(e.type) && (q.via.includes(e.start) || q.via.includes(e.end)))) &&
      (q.statuses === null || q.statuses.includes(e.status)) &&
      e.confidence >= q.minConfidence &&
      (q.asOf === null || ((e.validFrom === null || e.validFrom <= q.asOf) && (e.validTo === null || e.validTo >= q.asOf))) &&
      !q.avoid.includes(e.start) &&
      !q.avoid.includes(e.end),
  );
}

function run(edges: readonly OracleEdge[], q: OracleQuery, targets: ReadonlySet<string> = new Set()) {
  const graph = completeGraph(perHopFiltered(edges, q), q.undirected ? "both" : "out", q.to, targets);
  return findTopKRoutes(graph, { ...q, minRouteConfidence: q.minConfidence }, NO_LIMIT);
}

const hop = (id: string, start: string, end: string, confidence: number, status = "REPORTED", type = "SUPPLIED"): OracleEdge => ({
  id,
  type,
  start,
  end,
  confidence,
  status,
  validFrom: null,
  validTo: null,
});
const QUERY: OracleQuery = {
  from: "s",
  to: "t",
  topics: [],
  maxHops: 6,
  limit: 5,
  minConfidence: 0,
  undirected: false,
  via: [],
  avoid: [],
  types: ["SUPPLIED"],
  statuses: null,
  asOf: null,
  timeRespecting: false,
  contextTypes: [],
  degreeCap: Infinity,
  degreeTypes: [],
};

describe("findTopKRoutes", () => {
  it("returns exactly the brute-force top-k on random graphs, for every filter combination", () => {
    fc.assert(
      fc.property(
        randomGraph.chain((g) => fc.tuple(fc.constant(g), randomQuery(g.nodes.length), fc.boolean())),
        ([graph, raw, exposure]) => {
          const q = oracleQuery(raw, exposure);
          const targets = new Set([...graph.topics].filter(([, t]) => t.some((x) => q.topics.includes(x))).map(([n]) => n));
          targets.delete(q.from);
          const expected = bruteForceRoutes(graph.edges, graph.topics, q);
          const actual = run(graph.edges, q, targets).routes.map((r) => ({
            nodes: [...r.nodes],
            confidence: r.confidence,
            hopRelationships: r.hops.map((h) => h.steps.map((s) => s.edge.id)),
            strongest: r.hops.map((h) => h.steps[0]!.edge.id),
          }));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("ranks a 4-hop route of reported claims above a 1-hop possible one", () => {
    const edges = [hop("a", "s", "x", 0.8), hop("b", "x", "y", 0.8), hop("c", "y", "z", 0.8), hop("d", "z", "t", 0.8), hop("p", "s", "t", 0.3)];
    expect(run(edges, QUERY).routes.map((r) => r.nodes.length - 1)).toEqual([4, 1]);
  });

  it("breaks confidence ties by fewer hops, then by entity ids", () => {
    const edges = [hop("b1", "s", "x", 0.5), hop("b2", "x", "t", 0.5), hop("c1", "s", "a", 0.5), hop("c2", "a", "t", 0.5), hop("z", "s", "t", 0.25)];
    expect(run(edges, QUERY).routes.map((r) => r.nodes.join(">"))).toEqual(["s>t", "s>a>t", "s>x>t"]);
  });

  it("makes parallel claims one hop worth its strongest, listed strongest first", () => {
    const edges = [hop("p1", "s", "x", 0.3, "POSSIBLE"), hop("r1", "s", "x", 0.8), hop("l1", "s", "x", 0.8, "LIKELY"), hop("x1", "x", "t", 0.5)];
    const [route, ...others] = run(edges, QUERY).routes;
    expect(others).toEqual([]);
    expect(route!.confidence).toBe(0.4);
    expect(route!.hops[0]!.steps.map((s) => s.edge.id)).toEqual(["r1", "l1", "p1"]);
  });

  it("never lets two hedged claims outrank one reported claim", () => {
    const edges = [hop("p1", "s", "x", 0.3, "POSSIBLE"), hop("p2", "s", "x", 0.3, "POSSIBLE"), hop("x1", "x", "t", 1), hop("r", "s", "t", 0.3 + 1e-9)];
    expect(run(edges, QUERY).routes.map((r) => r.nodes.join(">"))).toEqual(["s>t", "s>x>t"]);
  });

  /** A complete digraph on 12 nodes (conf 0.9) whose only way into `t` is one weak hop: best-first must wade through it. */
  function denseWithWeakTarget(): GraphEdge[] {
    const edges: GraphEdge[] = [{ id: "weak", type: "SUPPLIED", start: "n5", end: "t", confidence: 0.001, status: "UNCONFIRMED", validFrom: null }];
    for (let i = 0; i < 12; i += 1) {
      for (let j = 0; j < 12; j += 1) {
        if (i !== j) edges.push({ id: `${i}-${j}`, type: "SUPPLIED", start: `n${i}`, end: `n${j}`, confidence: 0.9, status: "REPORTED", validFrom: null });
      }
    }
    return edges;
  }
  const DENSE_QUERY = { from: "n0", to: "t", maxHops: 10, limit: 1, minRouteConfidence: 0, via: [], timeRespecting: false };

  it("stops with LIMIT_REACHED when the expansion budget runs out", () => {
    const result = findTopKRoutes(completeGraph(denseWithWeakTarget(), "out", "t"), DENSE_QUERY, {
      deadline: Number.POSITIVE_INFINITY,
      maxExpansions: 1000,
      now: () => 0,
    });
    expect(result).toMatchObject({ stop: "LIMIT_REACHED", routes: [] });
  });

  it("stops with TIMED_OUT at the deadline", () => {
    let clock = 0;
    const result = findTopKRoutes(completeGraph(denseWithWeakTarget(), "out", "t"), DENSE_QUERY, {
      deadline: 10,
      maxExpansions: Number.POSITIVE_INFINITY,
      now: () => clock++,
    });
    expect(result).toMatchObject({ stop: "TIMED_OUT", routes: [] });
  });

  it("finds the weak route when the budget allows", () => {
    const result = findTopKRoutes(completeGraph(denseWithWeakTarget(), "out", "t"), { ...DENSE_QUERY, maxHops: 2 }, NO_LIMIT);
    expect(result.routes.map((r) => r.nodes)).toEqual([["n0", "n5", "t"]]);
    expect(result.stop).toBeUndefined();
  });
});
