import type { Database } from "../../dist/src/db/run.js";
import type { OracleEdge } from "../support/route-oracle.js";
import { TYPES } from "../support/random-graph.js";

/** One CREATE statement per allow-listed test type: types are never spliced from data. */
const CREATE_RELS: Record<(typeof TYPES)[number], string> = {
  SUPPLIED:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:SUPPLIED]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
  PAID: "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:PAID]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
  PART_OF:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:PART_OF]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
  BASED_IN:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:BASED_IN]->(b) SET r = x.props, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)",
};

/**
 * Writes a test graph in one transaction (entities with their FtM `topics`). Node and relationship ids get `prefix`, so each
 * test's data is its own and {@link dropFixtureGraph} deletes only that.
 */
export async function loadFixtureGraph(
  db: Database,
  prefix: string,
  nodes: readonly string[],
  edges: readonly OracleEdge[],
  topics: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<void> {
  await db.writeTx("test-load", async (tx) => {
    await tx.run("UNWIND $nodes AS x CREATE (:Entity {id: x.id, name: x.id, kind: 'Company', topics: x.topics})", {
      nodes: nodes.map((n) => ({ id: prefix + n, topics: [...(topics.get(n) ?? [])] })),
    });
    for (const type of TYPES) {
      const rels = edges
        .filter((e) => e.type === type)
        .map((e) => ({
          start: prefix + e.start,
          end: prefix + e.end,
          validFrom: e.validFrom,
          validTo: e.validTo,
          props: {
            id: prefix + e.id,
            status: e.status,
            confidence: e.confidence,
            evidenceQuotes: [],
            evidenceStarts: [],
            evidenceEnds: [],
            evidenceSourceIds: [],
          },
        }));
      if (rels.length > 0) await tx.run(CREATE_RELS[type], { rels });
    }
  });
}

/** Deletes the entities (and their relationships) whose id starts with `prefix`. */
export async function dropFixtureGraph(db: Database, prefix: string): Promise<void> {
  await db.writeTx("test-drop", (tx) => tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix }));
}
