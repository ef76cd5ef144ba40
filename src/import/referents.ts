import type { ManagedTransaction } from "neo4j-driver";
import { runIn, type Database } from "../db/run.js";
import type { PendingRecord } from "./batch-writer.js";
import { findSchema } from "./ftm-model.js";
import type { PropertyValue, RecordFacts, RelationshipFact, Reject } from "./types.js";

/**
 * Writes references to an older id of an entity (OpenSanctions `referents`) to the entity itself,
 * in either import order: the batch's own records first (a canonical entity stating the referent
 * in the same batch), then the graph's :Referent nodes (import-resolve-referents.cypher; stated by
 * an earlier batch or file). A referent id under which a record of the batch, or a described
 * entity in the graph, states an entity stays that entity (entity resolution may merge them
 * later; the import does not). Relationship ids stay as the record made them (they name the
 * referenced id), so a re-import, or the other import order, writes the same relationships.
 * `inGraph` false skips the graph's lookup: no :Referent is stored ({@link hasReferents}), so
 * only the batch's own referents can resolve anything.
 * Endpoints, stubs, identifiers and a link's stored references (`ftm_<prop>` of its entity
 * properties, which FtM export writes) are rewritten; a record whose relationship would then join the
 * entity to itself (an Ownership from the older id to the entity) is rejected as INVALID_VALUE.
 * @returns the records (the same objects when nothing resolved) and the rejects.
 */
export async function resolveReferents(
  tx: ManagedTransaction,
  records: readonly PendingRecord[],
  inGraph: boolean,
): Promise<{ records: PendingRecord[]; rejects: Reject[] }> {
  const stated = new Set(records.flatMap((r) => r.facts.entities.map((e) => e.id)));
  const canonical = new Map<string, string>();
  for (const r of records) for (const ref of r.facts.referents ?? []) if (!stated.has(ref.id)) canonical.set(ref.id, ref.canonicalId);
  const named = new Set<string>();
  for (const { facts } of records) {
    for (const rel of facts.relationships) named.add(rel.start).add(rel.end);
    for (const s of facts.stubs ?? []) named.add(s.id);
    for (const i of facts.identifiers ?? []) named.add(i.entityId);
  }
  const ask = [...named].filter((id) => !stated.has(id) && !canonical.has(id));
  if (inGraph && ask.length > 0)
    for (const row of await runIn(tx, "import-resolve-referents", { ids: ask })) canonical.set(row.id as string, row.canonicalId as string);
  if (canonical.size === 0 || ![...named].some((id) => canonical.has(id))) return { records: [...records], rejects: [] };
  const to = (id: string) => canonical.get(id) ?? id;
  const rejects: Reject[] = [];
  const out = records.flatMap((r): PendingRecord[] => {
    const loop = r.facts.relationships.find((rel) => to(rel.start) === to(rel.end));
    if (loop) {
      rejects.push({
        line: r.line,
        code: "INVALID_VALUE",
        reason: `line ${r.line}: ${JSON.stringify(loop.start)} and ${JSON.stringify(loop.end)} are one entity (${JSON.stringify(to(loop.start))}, by its referents), so its ${loop.type} would run from that entity to itself`,
      });
      return [];
    }
    const facts: RecordFacts = {
      ...r.facts,
      relationships: r.facts.relationships.map((rel) =>
        canonical.has(rel.start) || canonical.has(rel.end) ? { ...rel, start: to(rel.start), end: to(rel.end), props: withCanonical(rel, to) } : rel,
      ),
      stubs: r.facts.stubs?.filter((s) => !canonical.has(s.id)),
      identifiers: r.facts.identifiers?.map((i) => (canonical.has(i.entityId) ? { ...i, entityId: to(i.entityId) } : i)),
    };
    return [{ line: r.line, facts }];
  });
  return { records: out, rejects };
}

/** True when the graph holds any :Referent (import-has-referents.cypher). */
export async function hasReferents(db: Database): Promise<boolean> {
  const rows = await db.read("import-has-referents", {});
  return rows[0]?.any === true;
}

/** A link's props with each stored entity reference (`ftm_<prop>` of an entity property of its `ftmSchema`) as `to` maps it. */
function withCanonical(rel: RelationshipFact, to: (id: string) => string): RelationshipFact["props"] {
  const schema = typeof rel.props.ftmSchema === "string" ? findSchema(rel.props.ftmSchema) : undefined;
  if (!schema) return rel.props;
  const props: Record<string, PropertyValue> = { ...rel.props };
  for (const [key, value] of Object.entries(rel.props)) {
    if (key.startsWith("ftm_") && Array.isArray(value) && schema.getProperty(key.slice(4))?.type === "entity") props[key] = [...new Set(value.map(to))];
  }
  return props;
}
