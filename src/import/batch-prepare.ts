import { EDITOR_PROPERTIES } from "../model/vocabulary.js";
import { foldEntities, groupRelationships, uniqueCountries, type BatchRelationship } from "./batch-facts.js";
import type { PendingRecord } from "./batch-writer.js";
import { PACKABLE_KEY } from "./create-query.js";
import { FIELD, kindOf, packField, packNumbers, type PackedKind } from "./packed-rows.js";
import { aliasKeysOf, identifierKey, latinNamesOf, nameKey } from "../model/name-keys.js";
import type { EntityKind } from "../model/vocabulary.js";
import type { CountryFact, EntityFact, PublicationFact, ReferentFact, StubFact } from "./types.js";
import { RELATIONSHIP_STATE_FIELDS } from "../model/relationship-fields.js";

// The pure half of writing a batch: folding its records' facts into the write queries'
// parameters, with no database, so the importer can do it for the next batch while the previous
// one is written (importer.ts). batch-writer.ts sends what this folds.

/**
 * Relationships per run of import-merge-relationships.cypher or import-create-relationships.cypher
 * within a batch's transaction. 2000: small enough that encoding the parameters of one slice
 * (about 1 s per 20 000 relationships as maps in neo4j-driver 5.28) overlaps the write of the
 * previous; measured on 10 000 customs rows, one run of 22 000 took 4.1–4.5 s, slices of 2000
 * 3.4–3.6 s (BENCHMARKS.md, Import).
 */
export const RELATIONSHIPS_PER_RUN = 2000;

/**
 * A batch's facts folded for the write queries: countries once each, entities once each (foldEntities),
 * relationships grouped (batch-facts.ts), SUPPLIED and BASED_IN ones packed for
 * import-create-relationships.cypher (which creates or restates them), the endpoints the
 * batch does not MERGE itself, and the ids its dataset PROVIDED. Pure JS, so the importer computes it while the previous batch is
 * still being written (importer.ts), and the transaction only sends it; writeBatch recomputes
 * it when checks or party resolution changed the records.
 */
export interface PreparedFacts {
  readonly publications: readonly PublicationFact[];
  readonly countries: readonly CountryFact[];
  /** Entities as maps for import-merge-entities.cypher: those with a value that cannot be packed, and every version of an id the batch states more than once. */
  readonly entities: readonly KeyedEntity[];
  /** The other entities, packed by property signature for import-merge-entities-packed.cypher ({@link packEntities}). */
  readonly packedEntities: readonly PackedEntities[];
  /**
   * Endpoints, and entities the records name (StubFact), that are neither a country nor an entity
   * of the batch: MERGEd as stubs of the given kind when missing (import-merge-placeholders.cypher).
   */
  readonly otherEndpoints: readonly StubFact[];
  /** Identifiers per entity for import-merge-identifiers.cypher: `identifiers` as `scheme:value`, `keys` as identifierKey gives them. */
  readonly identifiers: readonly { readonly id: string; readonly identifiers: readonly string[]; readonly keys: readonly string[] }[];
  /** Older ids of the batch's entities, for import-merge-referents.cypher. */
  readonly referents: readonly ReferentFact[];
  /** Creatable relationships ({@link creatable}) packed in their first state, by property signature. */
  readonly packed: readonly PackedGroup[];
  /** Relationships for import-merge-relationships.cypher: not creatable, or with a value that cannot be packed. */
  readonly merge: readonly BatchRelationship[];
  /** Ids the dataset's :Source is linked to by import-link-provenance.cypher: every node of the batch but the packed entities, which import-merge-entities-packed.cypher links. */
  readonly provided: readonly string[];
  /** Facts stated (countries, entities and relationships, repeats included), for `merged`. */
  readonly stated: number;
}

/**
 * An entity as the merge queries take it: with the Latin spellings of its name and aliases
 * (`latinNames`), the key of its name (`nameKey`) and of its aliases (`aliasKeys`), src/model/name-keys.ts.
 */
export type KeyedEntity = Omit<EntityFact, "matchName"> & {
  readonly latinNames: readonly string[];
  readonly nameKey: string | null;
  readonly aliasKeys: readonly string[];
};

/** An entity fact with its name keys ({@link KeyedEntity}). */
export function withNameKeys(e: Omit<EntityFact, "matchName">): KeyedEntity {
  return { ...e, latinNames: latinNamesOf([e.name, ...e.aliases]), nameKey: nameKey(e.name), aliasKeys: aliasKeysOf(e.name, e.aliases) };
}

/** Packed entities of one property signature: fields id, name, kind, aliases, topics, ftmSchema, latinNames, nameKey, aliasKeys, then `keys` packed as `kinds`. */
export interface PackedEntities {
  readonly keys: readonly string[];
  readonly kinds: readonly PackedKind[];
  readonly rows: readonly string[];
}

/** Packed relationships of one property signature: `rows[i]` packs `relationships[i]` (see {@link packFirstState}). */
export interface PackedGroup {
  readonly keys: readonly string[];
  readonly kinds: readonly PackedKind[];
  readonly rows: readonly string[];
  readonly relationships: readonly BatchRelationship[];
}

/** Folds the facts of `records` for writeBatch (see {@link PreparedFacts}). */
export function prepareFacts(records: readonly PendingRecord[]): PreparedFacts {
  const steps = prepareSteps(records);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link prepareFacts} in slices, giving Node's event loop a turn between them (setImmediate),
 * so that the results of the batch being written meanwhile are taken in as they arrive:
 * folding a 10 000-row customs batch holds the thread for about half a second, and each
 * query of the batch in flight waited for it (BENCHMARKS.md, Import).
 */
export async function prepareFactsInSlices(records: readonly PendingRecord[]): Promise<PreparedFacts> {
  const steps = prepareSteps(records);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The work of prepareFacts, yielding where it may pause. */
function* prepareSteps(records: readonly PendingRecord[]): Generator<void, PreparedFacts> {
  const facts = records.map((r) => r.facts);
  const entities = facts.flatMap((f) => f.entities);
  const countries = facts.flatMap((f) => f.countries);
  const relationships = facts.flatMap((f) => f.relationships);
  const merged = new Set([...countries.map((c) => c.id), ...entities.map((e) => e.id)]);
  // The first hint for each stub wins (a reference's range); an endpoint without one is a LegalEntity.
  const hints = new Map<string, StubFact>();
  for (const f of facts) for (const s of f.stubs ?? []) if (!hints.has(s.id)) hints.set(s.id, s);
  const others = new Map<string, StubFact>();
  const other = (id: string) => {
    if (!merged.has(id) && !others.has(id)) others.set(id, hints.get(id) ?? { id, kind: "LegalEntity" satisfies EntityKind, ftmSchema: null });
  };
  for (const r of relationships) {
    other(r.start);
    other(r.end);
  }
  for (const id of hints.keys()) other(id);
  for (const f of facts) for (const i of f.identifiers ?? []) other(i.entityId);
  yield;
  const grouped = groupRelationships(relationships);
  yield;
  const packing = new Packing();
  for (let i = 0; i < grouped.length; i += RELATIONSHIPS_PER_RUN) {
    packing.add(grouped.slice(i, i + RELATIONSHIPS_PER_RUN));
    yield;
  }
  const { packed, merge } = packing.result();
  const uniqueEntities = foldEntities(entities.map(({ matchName: _m, ...e }) => e)).map(withNameKeys);
  const packedEntities = packEntities(uniqueEntities);
  yield;
  return {
    publications: facts.flatMap((f) => f.publications),
    countries: uniqueCountries(countries),
    entities: packedEntities.maps,
    packedEntities: packedEntities.packed,
    otherEndpoints: [...others.values()],
    identifiers: identifierRows(facts.flatMap((f) => f.identifiers ?? [])),
    referents: facts.flatMap((f) => f.referents ?? []),
    packed,
    merge,
    // The packed entities' links are made by their own query.
    provided: [...new Set([...countries.map((c) => c.id), ...packedEntities.maps.map((e) => e.id), ...others.keys()])],
    stated: countries.length + entities.length + relationships.length,
  };
}

/** Identifiers grouped per entity, each `scheme:value` and each key once, in record order. */
function identifierRows(identifiers: readonly { entityId: string; scheme: string; value: string }[]): PreparedFacts["identifiers"] {
  const rows = new Map<string, { id: string; identifiers: Set<string>; keys: Set<string> }>();
  for (const i of identifiers) {
    let row = rows.get(i.entityId);
    if (!row) rows.set(i.entityId, (row = { id: i.entityId, identifiers: new Set(), keys: new Set() }));
    row.identifiers.add(`${i.scheme}:${i.value}`);
    const key = identifierKey(i.value);
    if (key) row.keys.add(key);
  }
  return [...rows.values()].map((r) => ({ id: r.id, identifiers: [...r.identifiers], keys: [...r.keys] }));
}

/** The key of a property signature: each key with how its value is packed (packed-rows.ts). */
function signatureOf(keys: readonly string[], kinds: readonly PackedKind[]): string {
  return keys.map((k, i) => `${k}\u0000${kinds[i]}`).join("\u0000");
}

/**
 * Splits a batch's entities (folded by foldEntities, so one per id) into packed rows by property
 * signature and the rest: an entity with a value that cannot be packed (packed-rows.ts), and
 * any id given in several versions, kept as maps in order, since the map query merges them one
 * after the other (names and props: last wins).
 */
export function packEntities<E extends KeyedEntity>(entities: readonly E[]): { packed: PackedEntities[]; maps: E[] } {
  const seen = new Map<string, number>();
  for (const e of entities) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  const maps: E[] = [];
  const groups = new Map<string, { keys: string[]; kinds: PackedKind[]; rows: string[] }>();
  for (const e of entities) {
    const keys = Object.keys(e.props).filter((k) => e.props[k] !== undefined);
    const kinds = keys.map((k) => kindOf(e.props[k]!));
    const fields = [
      packField(e.id),
      packField(e.name),
      packField(e.kind),
      packField(e.aliases),
      packField(e.topics),
      packField(e.ftmSchema),
      packField(e.latinNames),
      packField(e.nameKey),
      packField(e.aliasKeys),
      ...keys.map((k) => packField(e.props[k])),
    ];
    if (seen.get(e.id)! > 1 || fields.some((f) => f === undefined)) {
      maps.push(e);
      continue;
    }
    const signature = signatureOf(keys, kinds);
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys, kinds, rows: [] }));
    group.rows.push(fields.join(FIELD));
  }
  return { packed: [...groups.values()], maps };
}

/**
 * True for a relationship that import-create-relationships.cypher can write whole when it is
 * new: SUPPLIED or BASED_IN (the types that query MERGEs with a static type, and the types of
 * every customs row), not a customs aggregate (whose sums stay in import-merge-relationships).
 */
export function creatable(r: BatchRelationship): boolean {
  return !r.aggregate && (r.type === "SUPPLIED" || r.type === "BASED_IN");
}

/**
 * Properties set by import-create-relationships.cypher from the fixed fields; a relationship's
 * own property of the same name would be overwritten by them (as in the general query, which
 * sets them after `r += x.props`), so it is not packed.
 */
const FIXED_PROPERTIES = new Set(["id", ...RELATIONSHIP_STATE_FIELDS]);

/**
 * Packs the creatable relationships ({@link creatable}) by property signature (the keys of
 * their non-null properties and how each is packed); the others, and any with a value that
 * cannot be packed, are left for import-merge-relationships.cypher.
 */
export function packRelationships(relationships: readonly BatchRelationship[]): { packed: PackedGroup[]; merge: BatchRelationship[] } {
  const packing = new Packing();
  packing.add(relationships);
  return packing.result();
}

/** packRelationships over several slices of one batch. */
class Packing {
  private readonly merge: BatchRelationship[] = [];
  private readonly groups = new Map<string, { keys: string[]; kinds: PackedKind[]; rows: string[]; relationships: BatchRelationship[] }>();

  add(relationships: readonly BatchRelationship[]): void {
    for (const r of relationships) {
      if (!creatable(r)) {
        this.merge.push(r);
        continue;
      }
      const keys: string[] = [];
      const kinds: PackedKind[] = [];
      let unpackable = false;
      for (const [k, v] of Object.entries(r.props)) {
        // A null prop is packed too: a stored relationship restated by the create query loses it, as in the general query.
        if (v === undefined || FIXED_PROPERTIES.has(k)) continue;
        // An editor's property (an export re-imported) is left to the general query, which keeps an edited claim's own.
        if (!PACKABLE_KEY.test(k) || EDITOR_PROPERTIES.includes(k)) {
          unpackable = true;
          break;
        }
        keys.push(k);
        kinds.push(kindOf(v));
      }
      const row = unpackable ? undefined : packFirstState(r, keys);
      if (row === undefined) {
        this.merge.push(r);
        continue;
      }
      // One type per group, so a run of SUPPLIED can take the CREATE-only query (BatchOptions.freshSupplied).
      const signature = `${r.type}|${signatureOf(keys, kinds)}`;
      let group = this.groups.get(signature);
      if (!group) this.groups.set(signature, (group = { keys, kinds, rows: [], relationships: [] }));
      group.rows.push(row);
      group.relationships.push(r);
    }
  }

  result(): { packed: PackedGroup[]; merge: BatchRelationship[] } {
    return { packed: [...this.groups.values()], merge: this.merge };
  }
}

/**
 * A new relationship's first stored state as one packed row (packed-rows.ts), the state
 * import-merge-relationships.cypher would give it when creating it: every statement counted
 * (for the run's dataset), the batch's capped evidence selection, firstSeen/lastSeen the
 * earliest and latest statement dates (ISO 8601 YYYY-MM-DD, so string order is date order),
 * statementLastLines the last statement's line. Fields, in order: type, id, status, confidence,
 * validFrom, validTo, firstSeen, lastSeen, evidence quotes, starts, ends, source ids,
 * statement count, last line, first line, then the values of
 * `keys`. The query also restates a stored relationship from the same row (count, lines and
 * dates of the statements). The endpoints travel beside the rows
 * ({@link CreateRun}).
 * @returns the row, or undefined when a value cannot be packed.
 */
export function packFirstState(r: BatchRelationship, keys: readonly string[]): string | undefined {
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  let firstLine = Infinity;
  for (const s of r.statements) {
    if (s.line < firstLine) firstLine = s.line;
    if (s.date === null) continue;
    if (firstSeen === null || s.date < firstSeen) firstSeen = s.date;
    if (lastSeen === null || s.date > lastSeen) lastSeen = s.date;
  }
  const fields = [
    packField(r.type),
    packField(r.id),
    packField(r.status),
    packField(r.confidence),
    packField(r.validFrom),
    packField(r.validTo),
    packField(firstSeen),
    packField(lastSeen),
    packField(r.evidence.map((e) => e.quote)),
    packNumbers(r.evidence.map((e) => e.start)),
    packNumbers(r.evidence.map((e) => e.end)),
    packField(r.evidence.map((e) => e.sourceId)),
    String(r.statements.length),
    String(r.statements[r.statements.length - 1]!.line),
    String(firstLine),
    ...keys.map((k) => packField(r.props[k])),
  ];
  return fields.some((f) => f === undefined) ? undefined : fields.join(FIELD);
}

/** Parameters of one run of import-merge-relationships.cypher: relationships with their quotes as indexes into `texts`. */
export interface RelationshipRun {
  readonly relationships: unknown[];
  readonly texts: string[];
}

/**
 * Parameters of one run of import-create-relationships.cypher, and the relationships it packs
 * (for those it finds stored). `ids` are the run's distinct endpoints, each looked up once;
 * `endpoints[2k]` and `endpoints[2k + 1]` index the start and end of `rows[k]` in `ids`.
 */
export interface CreateRun {
  readonly rows: string[];
  readonly ids: string[];
  readonly endpoints: number[];
  readonly keys: readonly string[];
  readonly kinds: readonly PackedKind[];
  readonly relationships: readonly BatchRelationship[];
}

/**
 * Cuts a prepared batch into runs of at most {@link RELATIONSHIPS_PER_RUN}: the packed
 * relationships into create runs (import-create-relationships.cypher), each with its distinct
 * endpoints, and the rest into merge runs ({@link withQuoteIndexes}).
 */
export function relationshipRuns(p: Pick<PreparedFacts, "packed" | "merge">): { create: CreateRun[]; merge: RelationshipRun[] } {
  const create: CreateRun[] = [];
  for (const g of p.packed) {
    for (let i = 0; i < g.rows.length; i += RELATIONSHIPS_PER_RUN) {
      const slice = g.relationships.slice(i, i + RELATIONSHIPS_PER_RUN);
      const ids = distinctIndex();
      const endpoints = slice.flatMap((r) => [ids.at(r.start), ids.at(r.end)]);
      create.push({ rows: g.rows.slice(i, i + RELATIONSHIPS_PER_RUN), ids: ids.values, endpoints, keys: g.keys, kinds: g.kinds, relationships: slice });
    }
  }
  return { create, merge: mergeRuns(p.merge) };
}

/** Relationships for import-merge-relationships.cypher, in runs of {@link RELATIONSHIPS_PER_RUN}. */
export function mergeRuns(relationships: readonly BatchRelationship[]): RelationshipRun[] {
  const runs: RelationshipRun[] = [];
  for (let i = 0; i < relationships.length; i += RELATIONSHIPS_PER_RUN) runs.push(withQuoteIndexes(relationships.slice(i, i + RELATIONSHIPS_PER_RUN)));
  return runs;
}

/**
 * One run's relationships with each evidence quote replaced by its index in `texts`, the run's
 * distinct quotes: a customs record's text is cited by both its SUPPLIED hops and up to three
 * BASED_IN, and is sent once (import-merge-relationships.cypher looks the quote up).
 */
export function withQuoteIndexes(relationships: readonly BatchRelationship[]): RelationshipRun {
  const texts = distinctIndex();
  return {
    relationships: relationships.map((r) => ({
      ...r,
      evidence: r.evidence.map((e) => ({ quote: texts.at(e.quote), start: e.start, end: e.end, sourceId: e.sourceId })),
    })),
    texts: texts.values,
  };
}

/** Distinct strings in first-seen order: `at(v)` is v's index in `values`, added on first sight. */
function distinctIndex(): { at: (value: string) => number; values: string[] } {
  const index = new Map<string, number>();
  const values: string[] = [];
  return {
    values,
    at: (value) => {
      let i = index.get(value);
      if (i === undefined) {
        i = values.length;
        index.set(value, i);
        values.push(value);
      }
      return i;
    },
  };
}
