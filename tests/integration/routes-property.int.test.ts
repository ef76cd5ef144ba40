import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLOW_RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES } from "../../dist/src/model/vocabulary.js";
import { bruteForceRoutes, type OracleEdge, type OracleQuery } from "../support/route-oracle.js";
import { randomGraph, randomQuery, TYPES } from "../support/random-graph.js";
import { useTestServer } from "../helpers/test-app.js";

/** One CREATE statement per allow-listed test type: types are never spliced from data. */
const CREATE_RELS: Record<(typeof TYPES)[number], string> = {
  SUPPLIED: "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:SUPPLIED]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
  PAID: "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:PAID]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
  PART_OF: "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:PART_OF]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
};

describe("Query.routes against a brute-force oracle", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });
  let run = 0;

  async function load(prefix: string, nodes: string[], edges: OracleEdge[]): Promise<void> {
    await server().app.db.writeTx("test-load", async (tx) => {
      await tx.run("UNWIND $ids AS id CREATE (:Entity {id: id, name: id, kind: 'Company'})", { ids: nodes.map((n) => prefix + n) });
      for (const type of TYPES) {
        const rels = edges
          .filter((e) => e.type === type)
          .map((e) => ({
            start: prefix + e.start,
            end: prefix + e.end,
            validFrom: e.validFrom,
            validTo: e.validTo,
            props: { id: prefix + e.id, status: e.status, confidence: e.confidence, evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: [] },
          }));
        if (rels.length > 0) await tx.run(CREATE_RELS[type], { rels });
      }
    });
  }

  async function drop(prefix: string): Promise<void> {
    await server().app.db.writeTx("test-drop", (tx) => tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix }));
  }

  it("returns the oracle's exact top-k for random graphs and every filter combination", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph.chain((g) => fc.tuple(fc.constant(g), fc.array(randomQuery(g.nodes.length), { minLength: 1, maxLength: 4 }))),
        async ([graph, queries]) => {
          const prefix = `prop${run++}-${Date.now()}-`;
          await load(prefix, graph.nodes, graph.edges);
          try {
            for (const q of queries) {
              const direction = q.undirected ? "ANY" : "FLOW";
              const defaultTypes = q.undirected ? RELATIONSHIP_TYPE_NAMES : FLOW_RELATIONSHIP_TYPES;
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
            await drop(prefix);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
