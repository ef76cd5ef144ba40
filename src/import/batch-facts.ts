import type { CountryFact, EntityFact, EvidenceFact, PropertyValue, RelationshipFact } from "./types.js";
import { extendsSchema } from "./ftm-model.js";

/**
 * Most evidence entries an imported relationship keeps: its first 20 statements in import
 * order, plus the first statement of each further source (so every source that states a fact
 * is cited at least once). Every statement is still counted (`statementCount`, per dataset in
 * `statementCounts`) and dated (`firstSeen`/`lastSeen`); import-merge-relationships.cypher.
 *
 * Why a cap: a shared fact such as "exporter X is BASED_IN CN" is restated by every
 * declaration naming X, and a hub appears in ~7 % of a generated file's 1M rows (BENCHMARKS.md,
 * Import). One evidence entry per declaration made those lists grow without bound, every batch
 * rewrote them whole, and import time grew quadratically with the file. Twenty quotes is enough
 * for an investigator to check a fact across several records and dates; the rest are in the
 * file, by line, and in the counts. It also bounds a route's evidence (≤ 20 quotes a hop).
 * Per-declaration shipment facts have one statement each and are not affected.
 */
export const MAX_EVIDENCE_PER_RELATIONSHIP = 20;

/** One record stating a relationship, as import-merge-relationships.cypher counts it. */
export interface BatchStatement {
  /** The record's first line in the file (1-based): the dataset's watermark that keeps re-imports from counting it twice. */
  readonly line: number;
  /** The record's date (ISO 8601), or null. */
  readonly date: string | null;
  /** Customs aggregates: the declaration's values (see ShipmentStatement). */
  readonly recordId?: string;
  readonly amount?: number | null;
  readonly currency?: string | null;
  readonly quantity?: number | null;
  readonly via?: readonly string[];
}

/** A relationship as import-merge-relationships.cypher MERGEs it: once per batch, with every statement of the batch. */
export interface BatchRelationship extends Omit<RelationshipFact, "evidence" | "statedOn" | "shipment" | "idPrefix"> {
  /** True for a customs aggregate: the statements' values are summed, validFrom/validTo are firstSeen/lastSeen. */
  readonly aggregate: boolean;
  /** Every record of the batch that states the relationship, in record order. */
  readonly statements: readonly BatchStatement[];
  /**
   * The batch's candidate evidence in record order, without repeats of (quote, sourceId): the
   * first {@link MAX_EVIDENCE_PER_RELATIONSHIP}, plus the first of each further source. The
   * query appends those that are new to the graph while the stored list has room.
   */
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
 * fact, every record as a statement, and the candidate evidence (see {@link BatchRelationship}).
 * Why: a party's BASED_IN is restated by every declaration that names the party; once per
 * batch, it is one write instead of one per record.
 */
export function groupRelationships(relationships: readonly RelationshipFact[]): BatchRelationship[] {
  interface Group {
    last: RelationshipFact;
    props: Record<string, PropertyValue>;
    statements: BatchStatement[];
    evidence: EvidenceFact[];
    // Made when a second statement arrives: most groups (a declaration's SUPPLIED) have one.
    seen: Set<string> | null;
    sources: Set<string> | null;
  }
  const groups = new Map<string, Group>();
  for (const r of relationships) {
    const key = `${r.type}\u0000${r.id}\u0000${r.start}\u0000${r.end}`;
    const e = r.evidence;
    const statement: BatchStatement = r.shipment ? { line: e.start, date: r.statedOn ?? null, ...r.shipment } : { line: e.start, date: r.statedOn ?? null };
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { last: r, props: { ...r.props }, statements: [statement], evidence: [e], seen: null, sources: null });
      continue;
    }
    g.last = r;
    restateProps(g.props, r.props);
    g.statements.push(statement);
    if (g.seen === null || g.sources === null) {
      g.seen = new Set(g.evidence.map((x) => `${x.sourceId}\u0000${x.quote}`));
      g.sources = new Set(g.evidence.map((x) => x.sourceId));
    }
    const seenKey = `${e.sourceId}\u0000${e.quote}`;
    if (!g.seen.has(seenKey) && (g.evidence.length < MAX_EVIDENCE_PER_RELATIONSHIP || !g.sources.has(e.sourceId))) {
      g.seen.add(seenKey);
      g.sources.add(e.sourceId);
      g.evidence.push(e);
    }
  }
  return [...groups.values()].map(({ last, props, statements, evidence }) => {
    const { evidence: _e, statedOn: _d, shipment, idPrefix: _p, ...rest } = last;
    return { ...rest, props, aggregate: shipment !== undefined, statements, evidence };
  });
}

/**
 * List properties besides `ftm_<prop>` that a restatement unions: an entity's OpenSanctions
 * `referents` and `datasets`. The merge queries name the same list (import-merge-entities.cypher,
 * import-merge-entities-packed.cypher; a unit test checks they agree).
 */
export const UNIONED_KEYS: readonly string[] = ["referents", "datasets"];

/** True for a property that a restatement unions rather than replaces: an FtM property (`ftm_<prop>`) or one of {@link UNIONED_KEYS}, kept as a list. */
export function isUnionedProperty(key: string, value: PropertyValue | undefined): value is readonly string[] {
  return (key.startsWith("ftm_") || UNIONED_KEYS.includes(key)) && Array.isArray(value);
}

/**
 * The values of `stored` and then those of `stated` that `stored` lacks, each once, in order:
 * how a restatement of an `ftm_<prop>` list merges with what was there before, as FollowTheMoney
 * merges fragments of one entity (the union of each property's values).
 * import-merge-entities.cypher and import-merge-entities-packed.cypher do the same in Cypher.
 */
export function unionValues(stored: readonly string[], stated: readonly string[]): string[] {
  return [...new Set([...stored, ...stated])];
}

/**
 * Merges a restatement's `stated` properties into `target` in place, as the merge queries do
 * against the graph: each stated value replaces the one before (null removes it, one not stated
 * is kept), but an `ftm_<prop>` list stated again is unioned with the one before
 * ({@link unionValues}). For entities (foldEntities) and relationships (groupRelationships) alike.
 */
export function restateProps(target: Record<string, PropertyValue>, stated: Readonly<Record<string, PropertyValue>>): void {
  for (const [key, value] of Object.entries(stated)) {
    const before = target[key];
    target[key] = isUnionedProperty(key, value) && isUnionedProperty(key, before) ? unionValues(before, value) : value;
  }
}

/**
 * Folds every version of an entity id that a batch states into one, in record order, with the
 * result of MERGEing them one after another (import-merge-entities.cypher): the first version's
 * name (the query keeps a stored name), every other name and alias as aliases, topics unioned,
 * properties as `n += props` in order (a later value wins, null removes, an absent one is kept)
 * except that an `ftm_<prop>` list stated again is unioned with the one before
 * ({@link unionValues}: an FtM entity split over several records, or a LegalEntity restated as a
 * Company, keeps every value, so FtM export gives them all back), and the last kind and FtM
 * schema stated, but that a more specific FtM schema stated before is kept (a Company restated
 * as a LegalEntity stays a Company: {@link extendsSchema}). Why in Node: customs rows restate
 * their hub parties many times a batch (as exporter, importer or manufacturer, each with its own
 * description), and when the versions went to Neo4j as rows of one query, it read every row's
 * stored name before any row's write, so the last spelling won and the others were lost ("A&B Ltd", "A+B Ltd": one slug).
 */
export function foldEntities<T extends Omit<EntityFact, "matchName">>(entities: readonly T[]): T[] {
  const byId = new Map<
    string,
    { first: T; kind: T["kind"]; ftmSchema: string | null; names: Set<string>; topics: Set<string>; props: Record<string, PropertyValue>; versions: number }
  >();
  for (const e of entities) {
    const f = byId.get(e.id);
    if (!f) {
      byId.set(e.id, {
        first: e,
        kind: e.kind,
        ftmSchema: e.ftmSchema,
        names: new Set([...e.aliases]),
        topics: new Set(e.topics),
        props: { ...e.props },
        versions: 1,
      });
      continue;
    }
    f.versions += 1;
    if (!(f.ftmSchema && e.ftmSchema && extendsSchema(f.ftmSchema, e.ftmSchema))) {
      f.kind = e.kind;
      f.ftmSchema = e.ftmSchema ?? f.ftmSchema;
    }
    f.names.add(e.name);
    for (const a of e.aliases) f.names.add(a);
    for (const t of e.topics) f.topics.add(t);
    restateProps(f.props, e.props);
  }
  return [...byId.values()].map(({ first, kind, ftmSchema, names, topics, props, versions }) =>
    versions === 1 ? first : { ...first, kind, ftmSchema, aliases: [...names].filter((n) => n !== first.name), topics: [...topics], props },
  );
}
