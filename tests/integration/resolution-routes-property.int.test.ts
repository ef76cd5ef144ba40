import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clustersOf } from "../../dist/src/resolution/cluster-reader.js";
import { CONTEXT_RELATIONSHIP_TYPES, FLOW_RELATIONSHIP_TYPES, ROUTE_RELATIONSHIP_TYPES } from "../../dist/src/model/vocabulary.js";
import { bruteForceRoutes, type OracleEdge, type OracleRoute } from "../support/route-oracle.js";
import { randomGraph, randomQuery, type RandomGraph, type RandomSearch } from "../support/random-graph.js";
import { loadFixtureGraph } from "../helpers/fixture-graph.js";
import { dropResolution } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";

const JUDGE = { subject: "property-judge", roles: ["editor"] as const };

/**
 * The route engine over judged clusters against the brute-force oracle run on the contracted
 * graph (every record of a cluster replaced by the cluster's canonical id, relationships inside
 * a cluster dropped): the engine must give exactly the oracle's routes, whatever records of a
 * cluster the query names. No degree cap (a cluster's degree is its records' sum, which the
 * contracted graph does not keep).
 */
describe("routes through clusters against the oracle on the contracted graph", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });
  let run = 0;

  const check = (kind: "routes" | "exposure", runs: number) =>
    fc.assert(
      fc.asyncProperty(
        randomGraph.chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.uniqueArray(fc.nat(g.nodes.length - 1), { minLength: 2, maxLength: Math.min(4, g.nodes.length) }),
            fc.array(randomQuery(g.nodes.length), { minLength: 1, maxLength: 4 }),
          ),
        ),
        async ([graph, judged, queries]: [RandomGraph, number[], RandomSearch[]]) => {
          const prefix = `propcl${kind}-${run++}-${Date.now()}-`;
          const db = server().app.db;
          await loadFixtureGraph(db, prefix, graph.nodes, graph.edges, graph.topics);
          try {
            // Pairs of the drawn nodes judged one actor: [a, b] and, with four, [c, d].
            for (let i = 0; i + 1 < judged.length; i += 2) {
              await server().app.services.resolution.judge(JUDGE, {
                left: `${prefix}n${judged[i]}`,
                right: `${prefix}n${judged[i + 1]}`,
                judgement: "POSITIVE",
                reason: "property test",
              });
            }
            const clusters = await clustersOf(
              db,
              graph.nodes.map((n) => prefix + n),
            );
            const canon = (n: string) => (clusters.get(prefix + n)?.canonicalId ?? prefix + n).slice(prefix.length);
            const edges: OracleEdge[] = graph.edges.map((e) => ({ ...e, start: canon(e.start), end: canon(e.end) }));
            const topics = new Map<string, string[]>();
            for (const [n, t] of graph.topics) topics.set(canon(n), [...new Set([...(topics.get(canon(n)) ?? []), ...t])]);
            for (const q of queries) {
              const [from, to] = [canon(q.from), canon(q.to)];
              if (kind === "routes" && from === to) continue;
              const ends = new Set([from, ...(kind === "routes" ? [to] : [])]);
              const avoid = q.avoid.filter((a) => !ends.has(canon(a)));
              const via = q.via.filter((v) => !ends.has(canon(v)) && !avoid.some((a) => canon(a) === canon(v)));
              const types = q.types ?? [...(q.undirected ? ROUTE_RELATIONSHIP_TYPES : FLOW_RELATIONSHIP_TYPES)];
              const expected = bruteForceRoutes(edges, topics, {
                ...q,
                from,
                to: kind === "routes" ? to : null,
                via: [...new Set(via.map(canon))],
                avoid: [...new Set(avoid.map(canon))],
                types,
                contextTypes: [...CONTEXT_RELATIONSHIP_TYPES],
                degreeCap: Number.POSITIVE_INFINITY,
                degreeTypes: types,
              });
              const filters = {
                maxHops: q.maxHops,
                limit: q.limit,
                minConfidence: q.minConfidence,
                direction: q.undirected ? ("ANY" as const) : ("FLOW" as const),
                relationshipTypes: q.types,
                statuses: q.statuses,
                via: via.map((v) => prefix + v),
                avoid: avoid.map((v) => prefix + v),
                asOf: q.asOf,
                timeRespecting: q.timeRespecting,
              };
              const answer =
                kind === "routes"
                  ? await server().app.services.routes.findRoutes({ ...filters, from: prefix + q.from, to: prefix + q.to })
                  : await server().app.services.routes.exposure({ ...filters, id: prefix + q.from, topics: q.topics });
              const label = JSON.stringify({ kind, judged, q });
              expect(answer.truncated, label).toBe(false);
              const strip = (s: string) => canon(s.slice(prefix.length));
              const actual: OracleRoute[] = answer.routes.map((r) => ({
                nodes: [r.hops[0]!.from.id, ...r.hops.map((h) => h.to.id)].map(strip),
                confidence: r.confidence,
                hopRelationships: r.hops.map((h) => h.relationships.map((rel) => rel.id.slice(prefix.length))),
                strongest: r.hops.map((h) => h.relationships[0]!.id.slice(prefix.length)),
              }));
              expect(actual, label).toEqual(expected.map((r) => ({ ...r, confidence: Number(r.confidence.toFixed(9)) })));
              // Every crossing is between two records of one cluster, with the judgement that joins them.
              for (const r of answer.routes) {
                for (const c of r.identityCrossings) {
                  expect(strip(c.from), label).toBe(strip(c.to));
                  expect(c.judgements.length, label).toBeGreaterThan(0);
                }
              }
            }
          } finally {
            await dropResolution(
              db,
              graph.nodes.map((n) => prefix + n),
            );
          }
        },
      ),
      { numRuns: runs },
    );

  it("gives the oracle's exact top-k routes with the clusters contracted", async () => {
    await check("routes", 60);
  });

  it("gives the oracle's exact top-k exposure routes with the clusters contracted", async () => {
    await check("exposure", 40);
  });
});
