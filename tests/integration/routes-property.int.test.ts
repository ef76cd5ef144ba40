import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONNECTION_RELATIONSHIP_TYPES, FLOW_RELATIONSHIP_TYPES } from "../../dist/src/model/vocabulary.js";
import { bruteForceRoutes, type OracleQuery } from "../support/route-oracle.js";
import { randomGraph, randomQuery } from "../support/random-graph.js";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";

describe("Query.routes against a brute-force oracle", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });
  let run = 0;

  it("returns the oracle's exact top-k for random graphs and every filter combination", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph.chain((g) => fc.tuple(fc.constant(g), fc.array(randomQuery(g.nodes.length), { minLength: 1, maxLength: 4 }))),
        async ([graph, queries]) => {
          const prefix = `prop${run++}-${Date.now()}-`;
          await loadFixtureGraph(server().app.db, prefix, graph.nodes, graph.edges);
          try {
            for (const q of queries) {
              const direction = q.undirected ? "ANY" : "FLOW";
              const defaultTypes = q.undirected ? CONNECTION_RELATIONSHIP_TYPES : FLOW_RELATIONSHIP_TYPES;
              const oracleQuery: OracleQuery = { ...q, types: q.types ?? [...defaultTypes] };
              const expected = bruteForceRoutes(graph.edges, oracleQuery);
              const strip = (s: string) => s.slice(prefix.length);
              const answer = await server().app.services.routes.findRoutes({
                from: prefix + q.from,
                to: prefix + q.to,
                maxHops: q.maxHops,
                limit: q.limit,
                minConfidence: q.minConfidence,
                direction,
                relationshipTypes: q.types,
                statuses: q.statuses,
                via: q.via.map((v) => prefix + v),
                avoid: q.avoid.map((v) => prefix + v),
                asOf: q.asOf,
                timeRespecting: q.timeRespecting,
              });
              expect(answer.truncated).toBe(false);
              const actual = answer.routes.map((r) => ({
                nodes: [r.hops[0]!.from.id, ...r.hops.map((h) => h.to.id)].map(strip),
                edgeIds: r.hops.map((h) => strip(h.relationship.id)),
                confidence: r.confidence,
              }));
              const rounded = expected.map((r) => ({ ...r, confidence: Number(r.confidence.toFixed(9)) }));
              expect(actual, JSON.stringify(q)).toEqual(rounded);
              expect(answer.reason).toBe(expected.length === 0 ? "NO_PATH_WITHIN_HOPS" : null);
            }
          } finally {
            await dropFixtureGraph(server().app.db, prefix);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
