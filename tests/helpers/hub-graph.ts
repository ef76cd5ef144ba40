import type { Database } from "../../dist/src/db/run.js";

/** One CREATE per relationship type the hub graph uses: types are never spliced from data. */
const CREATE_RELS = {
  SUPPLIED:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[:SUPPLIED {id: x.id, status: 'REPORTED', confidence: 0.8}]->(b)",
  PAID: "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[:PAID {id: x.id, status: 'REPORTED', confidence: 0.8}]->(b)",
  PART_OF:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[:PART_OF {id: x.id, status: 'REPORTED', confidence: 0.8}]->(b)",
} as const;

/** A relationship of a hub graph: `TYPE:id` as exported. */
export interface HubEdge {
  readonly type: keyof typeof CREATE_RELS;
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/**
 * A graph with high-degree nodes, for the cost of exports: `hubs` entities each linked to every
 * one of `leaves` entities (hubs × leaves relationships, types taking turns from `types`), all
 * ids starting with `prefix`. Written in a few transactions with a 60 s timeout; delete it with
 * tests/helpers/fixture-graph.ts `dropFixtureGraph(db, prefix)`.
 * @returns the entity ids (hubs first) and the relationships.
 */
export async function loadHubGraph(
  db: Database,
  prefix: string,
  hubs: number,
  leaves: number,
  types: readonly HubEdge["type"][] = ["SUPPLIED"],
): Promise<{ nodes: string[]; edges: HubEdge[] }> {
  const hubIds = Array.from({ length: hubs }, (_, i) => `${prefix}h${i}`);
  const leafIds = Array.from({ length: leaves }, (_, i) => `${prefix}l${i}`);
  const edges = hubIds.flatMap((h, i) => leafIds.map((l, j) => ({ type: types[(i + j) % types.length]!, id: `${h}-${l}`, start: h, end: l })));
  const nodes = [...hubIds, ...leafIds];
  await db.writeTx("test-hub-nodes", (tx) => tx.run("UNWIND $ids AS id CREATE (:Entity {id: id, name: id, kind: 'Company'})", { ids: nodes }), {
    timeoutMs: 60_000,
  });
  for (const type of types) {
    const rels = edges.filter((e) => e.type === type);
    for (let i = 0; i < rels.length; i += 20_000) {
      await db.writeTx("test-hub-rels", (tx) => tx.run(CREATE_RELS[type], { rels: rels.slice(i, i + 20_000) }), { timeoutMs: 60_000 });
    }
  }
  return { nodes, edges };
}
