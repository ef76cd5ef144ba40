import type { RelationshipType } from "../model/vocabulary.js";
import type { PendingRecord } from "./batch-writer.js";
import type { Reject } from "./types.js";

/**
 * Relationship types whose endpoints party resolution rewrites (src/import/party-resolver.ts
 * links a customs party to an entity of the same exact name): for these, an endpoint with the
 * same name as the held one is the same party under another id, and the relationship is moved
 * onto the held endpoint. Every other type names its endpoints by id (FtM references, claims),
 * so another id is another entity.
 */
export const MOVABLE_TYPES: ReadonlySet<RelationshipType> = new Set<RelationshipType>(["SUPPLIED", "BASED_IN"]);

/** Where a relationship id is already held: between which endpoint ids, and their names (undefined when unknown). */
export interface HeldEndpoints {
  readonly start: string;
  readonly end: string;
  readonly startName: string | undefined;
  readonly endName: string | undefined;
  /** The line of the record that stated it earlier in the batch; absent when the graph stores it. */
  readonly line?: number;
}

/** Key of a relationship id in a {@link HeldEndpoints} map: ids are unique per type (cypher/schema.cypher). */
export function heldKey(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

/**
 * Makes a batch's relationship ids consistent before it is written, since each id is unique
 * per type (cypher/schema.cypher) and a second relationship under a held id would fail the
 * batch's whole transaction on the constraint. An id is held by the graph (`stored`, from
 * import-stored-endpoints.cypher, or empty) or else by the first kept record that states it,
 * in file order. A record stating a held id between other endpoints:
 * - of a {@link MOVABLE_TYPES} type, between endpoints of the same names: has it moved onto the
 *   held endpoints (a party the record then no longer names on any other relationship is
 *   dropped with its BASED_IN, so no node is left without its facts);
 * - otherwise: is rejected whole, `CONFLICTING_ID`, with the held and the stated endpoints in
 *   the reason (two declarations under one record id and source; an FtM link id restated
 *   between other entities).
 * `graphNames` gives names the graph holds for endpoint ids the batch does not name itself.
 * Records and facts are not mutated; an unchanged record is returned as the same object.
 * @returns the records to write, in order, and the rejected ones.
 */
export function alignRelationshipIds(
  records: readonly PendingRecord[],
  stored: ReadonlyMap<string, HeldEndpoints>,
  graphNames: ReadonlyMap<string, string> = new Map(),
): { kept: PendingRecord[]; rejects: Reject[] } {
  if (stored.size === 0 && !repeatsAnId(records)) return { kept: [...records], rejects: [] };
  const held = new Map(stored);
  const names = new Map<string, string>(graphNames);
  for (const r of records) {
    for (const e of r.facts.entities) names.set(e.id, e.name);
    for (const c of r.facts.countries) if (!names.has(c.id)) names.set(c.id, c.name);
  }
  const kept: PendingRecord[] = [];
  const rejects: Reject[] = [];
  for (const r of records) {
    const movedAway = new Set<string>();
    let conflict: string | null = null;
    const relationships = r.facts.relationships.map((rel) => {
      const at = held.get(heldKey(rel.type, rel.id));
      if (!at || (at.start === rel.start && at.end === rel.end)) return rel;
      const movable = MOVABLE_TYPES.has(rel.type);
      const sameParty = (id: string, heldId: string, heldName: string | undefined) =>
        id === heldId || (movable && heldName !== undefined && names.get(id) === heldName);
      if (!sameParty(rel.start, at.start, at.startName) || !sameParty(rel.end, at.end, at.endName)) {
        const shown = (id: string, name: string | undefined) => JSON.stringify(name ?? id);
        conflict ??=
          `line ${r.line}: ${rel.type} ${JSON.stringify(rel.id)} is ${at.line === undefined ? "stored" : `stated at line ${at.line}`} from ${shown(at.start, at.startName)} to ${shown(at.end, at.endName)}; ` +
          `this record states it from ${shown(rel.start, names.get(rel.start))} to ${shown(rel.end, names.get(rel.end))} ` +
          `(${typeof rel.props.recordId === "string" ? "another declaration under the same record id and source?" : "one id for two different links"})`;
        return rel;
      }
      if (rel.start !== at.start) movedAway.add(rel.start);
      if (rel.end !== at.end) movedAway.add(rel.end);
      return { ...rel, start: at.start, end: at.end };
    });
    if (conflict !== null) {
      rejects.push({ line: r.line, code: "CONFLICTING_ID", reason: conflict });
      continue;
    }
    let record = r;
    if (relationships.some((rel, i) => rel !== r.facts.relationships[i])) {
      const named = new Set(relationships.filter((rel) => rel.type !== "BASED_IN").flatMap((rel) => [rel.start, rel.end]));
      const dropped = new Set([...movedAway].filter((id) => !named.has(id)));
      record = {
        line: r.line,
        facts: {
          ...r.facts,
          entities: r.facts.entities.filter((e) => !dropped.has(e.id)),
          relationships: relationships.filter((rel) => !(rel.type === "BASED_IN" && dropped.has(rel.start))),
        },
      };
    }
    for (const rel of record.facts.relationships) {
      const key = heldKey(rel.type, rel.id);
      if (!held.has(key)) held.set(key, { start: rel.start, end: rel.end, startName: names.get(rel.start), endName: names.get(rel.end), line: r.line });
    }
    kept.push(record);
  }
  return { kept, rejects };
}

/**
 * True when some relationship id of `records` is stated between two different pairs of
 * endpoints. The common case of a batch is false, and this check allocates no key strings (ids
 * are grouped per type): it runs on every batch (customs: 20 000 records, ~100 000 facts).
 */
function repeatsAnId(records: readonly PendingRecord[]): boolean {
  const byType = new Map<string, Map<string, { start: string; end: string }>>();
  for (const r of records) {
    for (const rel of r.facts.relationships) {
      let ids = byType.get(rel.type);
      if (ids === undefined) byType.set(rel.type, (ids = new Map<string, { start: string; end: string }>()));
      const at = ids.get(rel.id);
      if (at === undefined) ids.set(rel.id, rel);
      else if (at.start !== rel.start || at.end !== rel.end) return true;
    }
  }
  return false;
}
