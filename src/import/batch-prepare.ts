import { groupRelationships, uniqueCountries, withoutRepeats, type BatchRelationship } from "./batch-facts.js";
import type { PendingRecord } from "./batch-writer.js";
import type { CountryFact, EntityFact, PublicationFact } from "./types.js";

// The pure half of writing a batch: folding its records' facts into the write queries'
// parameters, with no database, so the importer can do it for the next batch while the previous
// one is written (importer.ts). batch-writer.ts sends what this folds.

/**
 * Relationships per run of import-merge-relationships.cypher within a batch's transaction. 2000:
 * small enough that encoding the parameters of one slice (about 1 s per 20 000 relationships
 * in neo4j-driver 5.28) overlaps the write of the previous; measured on 10 000 customs rows,
 * one run of 22 000 took 4.1–4.5 s, slices of 2000 3.4–3.6 s (BENCHMARKS.md, Import).
 */
export const RELATIONSHIPS_PER_RUN = 2000;

/**
 * A batch's facts folded for the write queries: countries once each, entities without repeats,
 * relationships grouped (batch-facts.ts) and cut into runs with their quotes indexed, the
 * endpoints the batch does not MERGE itself, and the ids its dataset PROVIDED. Pure JS, so the
 * importer computes it while the previous batch is still being written (importer.ts), and the
 * transaction only sends it; writeBatch recomputes it when checks or party resolution changed
 * the records.
 */
export interface PreparedFacts {
  readonly publications: readonly PublicationFact[];
  readonly countries: readonly CountryFact[];
  readonly entities: readonly Omit<EntityFact, "matchName">[];
  /** Endpoints that are neither a country nor an entity of the batch (MERGEd as placeholders when missing). */
  readonly otherEndpoints: readonly string[];
  /** Parameters of each run of import-merge-relationships.cypher, in order. */
  readonly runs: readonly { relationships: unknown[]; texts: string[] }[];
  /** Ids the dataset's :Source is linked to (import-link-provenance.cypher). */
  readonly provided: readonly string[];
  /** Facts stated (countries, entities and relationships, repeats included), for `merged`. */
  readonly stated: number;
}

/** Folds the facts of `records` for writeBatch (see {@link PreparedFacts}). */
export function prepareFacts(records: readonly PendingRecord[]): PreparedFacts {
  const facts = records.map((r) => r.facts);
  const entities = facts.flatMap((f) => f.entities);
  const countries = facts.flatMap((f) => f.countries);
  const relationships = facts.flatMap((f) => f.relationships);
  const merged = new Set([...countries.map((c) => c.id), ...entities.map((e) => e.id)]);
  const others = new Set<string>();
  for (const r of relationships) {
    if (!merged.has(r.start)) others.add(r.start);
    if (!merged.has(r.end)) others.add(r.end);
  }
  const grouped = groupRelationships(relationships);
  const runs: { relationships: unknown[]; texts: string[] }[] = [];
  for (let i = 0; i < grouped.length; i += RELATIONSHIPS_PER_RUN) runs.push(withQuoteIndexes(grouped.slice(i, i + RELATIONSHIPS_PER_RUN)));
  return {
    publications: facts.flatMap((f) => f.publications),
    countries: uniqueCountries(countries),
    entities: withoutRepeats(entities.map(({ matchName: _m, ...e }) => e)),
    otherEndpoints: [...others],
    runs,
    provided: [...new Set([...merged, ...others])],
    stated: countries.length + entities.length + relationships.length,
  };
}

/**
 * One run's relationships with each evidence quote replaced by its index in `texts`, the run's
 * distinct quotes: a customs record's text is cited by both its SUPPLIED hops and up to three
 * BASED_IN, and is sent once (import-merge-relationships.cypher looks the quote up).
 */
export function withQuoteIndexes(relationships: readonly BatchRelationship[]): { relationships: unknown[]; texts: string[] } {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const at = (quote: string): number => {
    let i = index.get(quote);
    if (i === undefined) {
      i = texts.length;
      index.set(quote, i);
      texts.push(quote);
    }
    return i;
  };
  return { relationships: relationships.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ quote: at(e.quote), start: e.start, end: e.end, sourceId: e.sourceId })) })), texts };
}
