import type { Database } from "../../dist/src/db/run.js";

/**
 * Deletes what a test's writes created: the claims with the given ids (any type), the entities
 * (with what is left on them), the sources, every revision of all of them, and the idempotency
 * keys of `actor`. Nothing else: seed and other tests' data stay.
 */
export async function dropWrites(db: Database, written: { claims?: string[]; entities?: string[]; sources?: string[]; actors?: string[] }): Promise<void> {
  const claims = written.claims ?? [];
  const entities = written.entities ?? [];
  const sources = written.sources ?? [];
  await db.writeTx("test-drop-writes", async (tx) => {
    await tx.run("UNWIND $ids AS id MATCH ()-[r]->() WHERE r.id = id DELETE r", { ids: claims });
    await tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n", { ids: entities });
    await tx.run("UNWIND $ids AS id MATCH (s:Source {id: id}) DETACH DELETE s", { ids: sources });
    await tx.run("UNWIND $ids AS id MATCH (v:Revision {targetId: id}) DELETE v", { ids: [...claims, ...entities, ...sources] });
    await tx.run("MATCH (k:IdempotencyKey) WHERE k.actor IN $actors DELETE k", { actors: written.actors ?? [] });
  });
}
