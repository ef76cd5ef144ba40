import type { ManagedTransaction } from "neo4j-driver";
import { runIn } from "../db/run.js";
import { endpointId } from "./facts.js";
import type { PendingRecord } from "./batch-writer.js";
import type { RecordFacts } from "./types.js";

/**
 * Links parties known only by name (customs rows) to entities already in the graph: when
 * exactly one entity other than the party's own node has the party's exact name (and the same
 * country, when both name one; within the import's namespace, when it has one), the party's
 * facts are rewritten to that entity's id and the party's own node is not written. No match or
 * several keep the party's own `party-<iso2>-<slug>` node. Exact names only, no aliases or
 * fuzzy matching: a wrong merge would invent a route, a missed one only hides it.
 * A relationship keyed by its endpoints (customs aggregates) gets the id of its new endpoints.
 * Resolution sees what is in the graph when the batch runs, so import FtM or other reference
 * data before the customs files that should link to it.
 */
export async function resolveParties(tx: ManagedTransaction, records: readonly PendingRecord[], namespace: string | null): Promise<PendingRecord[]> {
  const parties = new Map<string, { id: string; name: string; country: string | null }>();
  for (const r of records) for (const e of r.facts.entities) if (e.matchName) parties.set(e.id, { id: e.id, ...e.matchName });
  if (parties.size === 0) return [...records];
  const rows = await runIn(tx, "import-resolve-parties", { parties: [...parties.values()], prefix: namespace ? `${namespace}:` : null });
  const resolved = new Map<string, string>();
  for (const row of rows) {
    const matches = row.matches as string[];
    if (matches.length === 1) resolved.set(String(row.partyId), matches[0]!);
  }
  if (resolved.size === 0) return [...records];
  const to = (id: string) => resolved.get(id) ?? id;
  return records.map((r): PendingRecord => {
    const facts: RecordFacts = {
      ...r.facts,
      entities: r.facts.entities.filter((e) => !resolved.has(e.id)),
      // The BASED_IN link of a resolved party is dropped: the entity it resolves to has its own.
      relationships: r.facts.relationships.filter((rel) => !(resolved.has(rel.start) && rel.type === "BASED_IN")).map((rel) => {
          const start = to(rel.start);
          const end = to(rel.end);
          return { ...rel, start, end, id: rel.idPrefix ? endpointId(rel.idPrefix, start, end) : rel.id };
        }),
    };
    return { line: r.line, facts };
  });
}
