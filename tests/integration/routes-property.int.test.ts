import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_RELATIONSHIP_TYPES, FLOW_RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, ROUTE_RELATIONSHIP_TYPES } from "../../dist/src/model/vocabulary.js";
import type { RouteSearchView } from "../../dist/src/services/route.service.js";
import { bruteForceConnections, bruteForceRoutes, type OracleQuery, type OracleRoute } from "../support/route-oracle.js";
import { denseFlowGraph, randomGraph, randomQuery, type RandomGraph, type RandomSearch } from "../support/random-graph.js";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer, type TestServer } from "../helpers/test-app.js";

/** The oracle's query for a random search: defaults resolved as docs/routes.md says. */
function oracleQuery(q: RandomSearch, exposure: boolean, degreeCap: number): OracleQuery {
  const types = q.types ?? [...(q.undirected ? ROUTE_RELATIONSHIP_TYPES : FLOW_RELATIONSHIP_TYPES)];
  const within = (list: readonly string[]) => types.every((t) => list.includes(t));
  const degreeTypes = [
    ...(within(FLOW_RELATIONSHIP_TYPES) ? FLOW_RELATIONSHIP_TYPES : within(ROUTE_RELATIONSHIP_TYPES) ? ROUTE_RELATIONSHIP_TYPES : RELATIONSHIP_TYPE_NAMES),
  ];
  return { ...q, to: exposure ? null : q.to, types, contextTypes: [...CONTEXT_RELATIONSHIP_TYPES], degreeCap, degreeTypes };
}

/** The engine's answer in the oracle's shape, ids without the test prefix. */
function asOracle(answer: RouteSearchView, prefix: string): OracleRoute[] {
  const strip = (s: string) => s.slice(prefix.length);
  return answer.routes.map((r) => ({
    nodes: [r.hops[0]!.from.id, ...r.hops.map((h) => h.to.id)].map(strip),
    confidence: r.confidence,
    hopRelationships: r.hops.map((h) => h.relationships.map((rel) => strip(rel.id))),
    strongest: r.hops.map((h) => strip(h.relationships[0]!.id)),
  }));
}

const rounded = (routes: OracleRoute[]) => routes.map((r) => ({ ...r, confidence: Number(r.confidence.toFixed(9)) }));

/**
 * Loads each random graph, runs random searches through the service and compares them with the
 * brute-force oracle (tests/support/route-oracle.ts): exact top-k, hop semantics, every filter.
 */
async function checkAgainstOracle(
  server: () => TestServer,
  degreeCap: number,
  runs: number,
  kind: "routes" | "exposure",
  queries: (n: number) => fc.Arbitrary<RandomSearch> = randomQuery,
  graphs: fc.Arbitrary<RandomGraph> = randomGraph,
): Promise<void> {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      graphs.chain((g) => fc.tuple(fc.constant(g), fc.array(queries(g.nodes.length), { minLength: 1, maxLength: 4 }))),
      async ([graph, queries]: [RandomGraph, RandomSearch[]]) => {
        const prefix = `prop${kind}${degreeCap}-${run++}-${Date.now()}-`;
        await loadFixtureGraph(server().app.db, prefix, graph.nodes, graph.edges, graph.topics);
        try {
          for (const q of queries) {
            const expected = bruteForceRoutes(graph.edges, graph.topics, oracleQuery(q, kind === "exposure", degreeCap));
            const filters = {
              maxHops: q.maxHops,
              limit: q.limit,
              minConfidence: q.minConfidence,
              direction: q.undirected ? ("ANY" as const) : ("FLOW" as const),
              relationshipTypes: q.types,
              statuses: q.statuses,
              via: q.via.map((v) => prefix + v),
              avoid: q.avoid.map((v) => prefix + v),
              asOf: q.asOf,
              timeRespecting: q.timeRespecting,
            };
            const answer =
              kind === "routes"
                ? await server().app.services.routes.findRoutes({ ...filters, from: prefix + q.from, to: prefix + q.to })
                : await server().app.services.routes.exposure({ ...filters, id: prefix + q.from, topics: q.topics });
            const label = JSON.stringify({ kind, q });
            expect(answer.truncated, label).toBe(false);
            const actual = asOracle(answer, prefix);
            // Under timeRespecting the hop's chosen claim may be an earlier-dated one; the strongest is the list's first either way.
            expect(actual, label).toEqual(rounded(expected));
            expect(answer.reason, label).toBe(expected.length === 0 ? "NO_PATH_WITHIN_HOPS" : null);
            expect(new Set(actual.map((r) => r.nodes.join(">"))).size, label).toBe(actual.length);
            if (!q.timeRespecting) {
              for (const route of answer.routes) for (const hop of route.hops) expect(hop.relationship.id).toBe(hop.relationships[0]!.id);
            }
          }
        } finally {
          await dropFixtureGraph(server().app.db, prefix);
        }
      },
    ),
    { numRuns: runs },
  );
}

describe("Query.routes and Query.exposure against a brute-force oracle", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });

  it("returns the oracle's exact top-k routes, a hop per entity pair, for random graphs and every filter combination", async () => {
    await checkAgainstOracle(server, Number.POSITIVE_INFINITY, 150, "routes");
  });

  it("returns the oracle's exact top-k exposure routes to entities with the topics", async () => {
    await checkAgainstOracle(server, Number.POSITIVE_INFINITY, 80, "exposure");
  });
});

for (const split of ["0", "1", "2", "3"]) {
  describe(`Query.routes with the FLOW path enumeration split at ${split} backward hops (ROUTE_PATH_SPLIT), against the oracle`, () => {
    const server = useTestServer({ ROUTE_BUDGET_MS: "30000", ROUTE_PATH_SPLIT: split });

    it("returns the oracle's exact top-k routes whatever the split", async () => {
      // FLOW over the default types without waypoints: the searches the path enumeration answers.
      const flowQuery = (n: number) => randomQuery(n).map((q) => ({ ...q, undirected: false, types: null, via: [] }));
      await checkAgainstOracle(server, Number.POSITIVE_INFINITY, 40, "routes", flowQuery, denseFlowGraph);
    });
  });
}

describe("Query.routes and Query.exposure with a degree cap of 3, against the oracle", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000", ROUTE_HUB_DEGREE: "3" });

  it("never routes through an unnamed hub, and passes a named one", async () => {
    await checkAgainstOracle(server, 3, 100, "routes");
  });

  it("ends exposure routes at a hub with a topic, never passes through an unnamed one", async () => {
    await checkAgainstOracle(server, 3, 60, "exposure");
  });
});

describe("Query.connections against a brute-force oracle", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });
  let run = 0;

  it("returns the oracle's spanning tree of best pairwise routes under every filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph.chain((g) =>
          fc.tuple(fc.constant(g), fc.uniqueArray(fc.nat(g.nodes.length - 1), { minLength: 2, maxLength: 4 }), randomQuery(g.nodes.length)),
        ),
        async ([graph, picked, q]) => {
          const ids = picked.map((i) => `n${i}`);
          const avoid = q.avoid.filter((a) => !ids.includes(a));
          const prefix = `propconn-${run++}-${Date.now()}-`;
          await loadFixtureGraph(server().app.db, prefix, graph.nodes, graph.edges, graph.topics);
          try {
            const oq = oracleQuery({ ...q, avoid, via: [], timeRespecting: false }, false, Number.POSITIVE_INFINITY);
            const expected = bruteForceConnections(graph.edges, ids, oq);
            const answer = await server().app.services.connections.connect(
              ids.map((id) => prefix + id),
              {
                maxHops: q.maxHops,
                direction: q.undirected ? "ANY" : "FLOW",
                relationshipTypes: q.types,
                statuses: q.statuses,
                minConfidence: q.minConfidence,
                asOf: q.asOf,
                avoid: avoid.map((a) => prefix + a),
              },
            );
            const strip = (s: string) => s.slice(prefix.length);
            const label = JSON.stringify({ ids, q });
            expect(answer.truncated, label).toBe(false);
            expect(
              answer.routes.map((r) => [r.hops[0]!.from.id, ...r.hops.map((h) => h.to.id)].map(strip)),
              label,
            ).toEqual(expected.routes);
            expect(answer.unconnected.map(strip), label).toEqual(expected.unconnected);
          } finally {
            await dropFixtureGraph(server().app.db, prefix);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
