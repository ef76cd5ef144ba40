import type { Database } from "../../dist/src/db/run.js";
import { identifierKey, latinNamesOf, nameKey } from "../../dist/src/model/name-keys.js";

/** An entity a resolution test writes straight to the graph (as an import would), with test-unique ids. */
export interface TestRecord {
  id: string;
  name: string;
  kind?: string;
  country?: string | null;
  aliases?: string[];
  identifiers?: string[];
}

/** Writes records and relationships `[type, from, to, id]` (REPORTED, confidence 0.8). */
export async function writeRecords(db: Database, records: TestRecord[], rels: [string, string, string, string][] = []): Promise<void> {
  await db.writeTx("test-write-records", async (tx) => {
    await tx.run(
      "UNWIND $rows AS r CREATE (n:Entity) SET n = r",
      // The keys an import writes beside the names and identifiers (src/import/batch-prepare.ts), so search and identifier lookups find the records.
      {
        rows: records.map((r) => ({
          kind: "Company",
          aliases: [],
          identifiers: [],
          unidentified: false,
          ...r,
          country: r.country ?? null,
          latinNames: latinNamesOf([r.name, ...(r.aliases ?? [])]),
          nameKey: nameKey(r.name),
          identifierKeys: (r.identifiers ?? []).map((i) => identifierKey(i.slice(i.indexOf(":") + 1))).filter((k) => k !== null),
        })),
      },
    );
    for (const [type, from, to, id] of rels) {
      await tx.run(
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) CREATE (a)-[r:${type}]->(b) SET r.id = $id, r.status = 'REPORTED', r.confidence = 0.8, r.assertedStatus = 'REPORTED'`,
        { from, to, id },
      );
    }
  });
}

/**
 * Deletes what a resolution test made: the entities (with their relationships), their :Identity
 * nodes with every judgement on them, and the revisions of those judgements.
 */
export async function dropResolution(db: Database, ids: string[]): Promise<void> {
  await db.writeTx("test-drop-resolution", async (tx) => {
    await tx.run("UNWIND $ids AS id MATCH (:Identity {id: id})-[j:JUDGED]-() WITH DISTINCT j.id AS jid MATCH (v:Revision {targetId: jid}) DELETE v", { ids });
    await tx.run("UNWIND $ids AS id MATCH (i:Identity {id: id}) DETACH DELETE i", { ids });
    await tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n", { ids });
    await tx.run("UNWIND $ids AS id MATCH (v:Revision {targetId: id}) DELETE v", { ids });
  });
}

/** A valid 10-digit Russian INN (check digit by the weights 2 4 10 3 5 9 4 6 8) from nine digits of `seed`, unique per test run. */
export function validInn(seed: number): string {
  const body = String(Math.abs(Math.floor(seed)) % 1_000_000_000).padStart(9, "1");
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (weights.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11) % 10;
  return `${body}${check}`;
}
