import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTopKRoutes } from "../../src/routes/top-k-routes.js";
import type { GraphEdge } from "../../src/routes/types.js";
import { bruteForceRoutes, type OracleEdge, type OracleQuery } from "../support/route-oracle.js";
import { randomGraph, randomQuery } from "../support/random-graph.js";

const NO_LIMIT = { deadline: Number.POSITIVE_INFINITY, maxExpansions: Number.POSITIVE_INFINITY, now: () => 0 };

/** The per-hop filters, as the Cypher expansion applies them, so the in-memory search can be compared alone. */
function perHopFiltered(edges: readonly OracleEdge[], q: OracleQuery): GraphEdge[] {
  return edges.filter(
    (e) =>
      (q.types === null || q.types.includes(e.type)) &&
      (q.statuses === null || q.statuses.includes(e.status)) &&
      e.confidence >= q.minConfidence &&
      (q.asOf === null || ((e.validFrom === null || e.validFrom <= q.asOf) && (e.validTo === null || e.validTo >= q.asOf))) &&
      !q.avoid.includes(e.start) &&
      !q.avoid.includes(e.end),
  );
}

function run(edges: readonly OracleEdge[], q: OracleQuery) {
  return findTopKRoutes(perHopFiltered(edges, q), { ...q, minRouteConfidence: q.minConfidence }, NO_LIMIT);
}

describe("findTopKRoutes", () => {
  it("returns exactly the brute-force top-k on random graphs, for every filter combination", () => {
    fc.assert(
      fc.property(
        randomGraph.chain((g) => fc.tuple(fc.constant(g), randomQuery(g.nodes.length))),
        ([graph, q]) => {
          const expected = bruteForceRoutes(graph.edges, q);
          const actual = run(graph.edges, q).routes.map((r) => ({
            nodes: [...r.nodes],
            edgeIds: r.steps.map((s) => s.edge.id),
            confidence: r.confidence,
          }));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("ranks a 4-hop route of reported claims above a 1-hop possible one", () => {
    const hop = (id: string, start: string, end: string, confidence: number): OracleEdge => ({
      id, type: "SUPPLIED", start, end, confidence, status: "REPORTED", validFrom: null, validTo: null,
    });
    const edges = [hop("a", "s", "x", 0.8), hop("b", "x", "y", 0.8), hop("c", "y", "z", 0.8), hop("d", "z", "t", 0.8), hop("p", "s", "t", 0.3)];
    const q: OracleQuery = {
      from: "s", to: "t", maxHops: 6, limit: 5, minConfidence: 0, undirected: false, via: [], avoid: [], types: null, statuses: null, asOf: null, timeRespecting: false,
    };
    expect(run(edges, q).routes.map((r) => r.nodes.length - 1)).toEqual([4, 1]);
  });

  it("breaks confidence ties by fewer hops, then by relationship ids", () => {
    const hop = (id: string, start: string, end: string, confidence: number): OracleEdge => ({
      id, type: "SUPPLIED", start, end, confidence, status: "REPORTED", validFrom: null, validTo: null,
    });
    const edges = [hop("b1", "s", "x", 0.5), hop("b2", "x", "t", 0.5), hop("z", "s", "t", 0.25), hop("a", "s", "t", 0.25)];
    const q: OracleQuery = {
      from: "s", to: "t", maxHops: 3, limit: 5, minConfidence: 0, undirected: false, via: [], avoid: [], types: null, statuses: null, asOf: null, timeRespecting: false,
    };
    expect(run(edges, q).routes.map((r) => r.steps.map((st) => st.edge.id))).toEqual([["a"], ["z"], ["b1", "b2"]]);
  });

  /** A complete digraph on 12 nodes (conf 0.9) whose only way into `t` is one weak hop: best-first must wade through it. */
  function denseWithWeakTarget(): GraphEdge[] {
    const edges: GraphEdge[] = [{ id: "weak", type: "SUPPLIED", start: "n5", end: "t", confidence: 0.001, validFrom: null }];
    for (let i = 0; i < 12; i += 1) {
      for (let j = 0; j < 12; j += 1) {
        if (i !== j) edges.push({ id: `${i}-${j}`, type: "SUPPLIED", start: `n${i}`, end: `n${j}`, confidence: 0.9, validFrom: null });
      }
    }
    return edges;
  }
  const DENSE_QUERY = { from: "n0", to: "t", maxHops: 10, limit: 1, minRouteConfidence: 0, via: [], timeRespecting: false, undirected: false };

  it("stops with LIMIT_REACHED when the expansion budget runs out", () => {
    const result = findTopKRoutes(denseWithWeakTarget(), DENSE_QUERY, { deadline: Number.POSITIVE_INFINITY, maxExpansions: 1000, now: () => 0 });
    expect(result).toMatchObject({ stop: "LIMIT_REACHED", routes: [] });
  });

  it("stops with TIMED_OUT at the deadline", () => {
    let clock = 0;
    const result = findTopKRoutes(denseWithWeakTarget(), DENSE_QUERY, { deadline: 10, maxExpansions: Number.POSITIVE_INFINITY, now: () => clock++ });
    expect(result).toMatchObject({ stop: "TIMED_OUT", routes: [] });
  });

  it("finds the weak route when the budget allows", () => {
    const result = findTopKRoutes(denseWithWeakTarget(), { ...DENSE_QUERY, maxHops: 2 }, NO_LIMIT);
    expect(result.routes.map((r) => r.nodes)).toEqual([["n0", "n5", "t"]]);
    expect(result.stop).toBeUndefined();
  });
});
