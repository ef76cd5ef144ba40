import type { CountryFact, EvidenceFact, PropertyValue, RelationshipFact } from "./types.js";

/** A relationship as import-merge-relationships.cypher MERGEs it: once per batch, with every new piece of evidence. */
export interface BatchRelationship extends Omit<RelationshipFact, "evidence"> {
  /** The batch's evidence for this relationship in record order, without repeats of (quote, sourceId). */
  readonly evidence: readonly EvidenceFact[];
}

/** Countries once each, first fact first: the MERGE only sets properties ON CREATE, so later copies change nothing. */
export function uniqueCountries(countries: readonly CountryFact[]): CountryFact[] {
  const byId = new Map<string, CountryFact>();
  for (const c of countries) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()];
}

/**
 * Folds the batch's facts about one relationship (same type, id and endpoints) into one, with
 * the same result as MERGEing them one after another: properties as `r += props` applied in
 * record order (a later value wins, null removes), status, confidence and dates of the last
 * fact, and evidence appended in record order, skipping a (quote, sourceId) already seen.
 * Why: a party's BASED_IN is restated by every declaration that names the party, and writing
 * its growing evidence lists once per record made a batch's cost grow with the party's
 * history; once per batch, it is one rewrite.
 */
export function groupRelationships(relationships: readonly RelationshipFact[]): BatchRelationship[] {
  const groups = new Map<string, { last: RelationshipFact; props: Record<string, PropertyValue>; evidence: EvidenceFact[]; seen: Set<string> }>();
  for (const r of relationships) {
    const key = JSON.stringify([r.type, r.id, r.start, r.end]);
    let g = groups.get(key);
    if (!g) {
      g = { last: r, props: {}, evidence: [], seen: new Set() };
      groups.set(key, g);
    }
    g.last = r;
    Object.assign(g.props, r.props);
    const seenKey = JSON.stringify([r.evidence.quote, r.evidence.sourceId]);
    if (!g.seen.has(seenKey)) {
      g.seen.add(seenKey);
      g.evidence.push(r.evidence);
    }
  }
  return [...groups.values()].map(({ last, props, evidence }) => ({ ...last, props, evidence }));
}

/**
 * Drops an entity fact that repeats, field for field, the last one kept for its id: the MERGE
 * in import-merge-entities.cypher unions names, aliases and topics and sets the rest, so the
 * same fact twice in a row changes nothing the second time. A different fact in between is
 * kept, and so is the repeat after it (its properties would win again). Customs rows restate
 * their hub parties many times a batch.
 */
export function withoutRepeats<T extends { readonly id: string }>(entities: readonly T[]): T[] {
  const last = new Map<string, string>();
  return entities.filter((e) => {
    const json = JSON.stringify(e);
    if (last.get(e.id) === json) return false;
    last.set(e.id, json);
    return true;
  });
}
