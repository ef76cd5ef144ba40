import { distance } from "fastest-levenshtein";
import { parseIdentifier, schemeLabel, type ParsedIdentifier } from "./identifiers.js";
import { bagDistance, prepareName, type PreparedName } from "./names.js";

/**
 * How alike two records are, in [0, 1], with the reasons. The shape is OpenSanctions'
 * nomenklatura `logic_v1` (`nomenklatura/matching/logic_v1/model.py`): the score is the best of
 * the weighted **main** features (names and identifiers), then the **qualifiers** (countries,
 * conflicting identifiers and dates) move it up or down; nothing scores without a main feature.
 * Weights are logic_v1's where it has the feature; `country_match` and the `dates_disjoint`
 * of founding dates are ours, named below. See docs/resolution.md.
 */

/** A record as the matcher reads it from the graph (resolution-records-*.cypher). */
export interface MatchRecord {
  readonly id: string;
  /** One of ENTITY_KINDS; only {@link MATCHABLE_KINDS} are compared. */
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2 codes: a record's one country, or every country of a cluster's records; empty when unknown. */
  readonly countries: readonly string[];
  /** Stored `scheme:value` identifiers. */
  readonly identifiers: readonly string[];
  /** ISO 8601 dates (or prefixes: `1970`, `1970-05`) of birth, for persons. */
  readonly birthDates: readonly string[];
  /** ISO 8601 dates of incorporation or founding, for organisations. */
  readonly foundingDates: readonly string[];
}

/** One feature's contribution to a score. */
export interface MatchReason {
  /** Feature name: name_literal, name_fingerprint, identifier_strong, identifier, country_match, country_mismatch, identifier_disjoint, dates_disjoint. */
  readonly feature: string;
  /** What it added to the score (negative for a qualifier against the match). */
  readonly weight: number;
  /** What was found, in words: `Same INN 7707083893`. */
  readonly detail: string;
}

/** A pair's score and why. */
export interface MatchScore {
  /** In [0, 1], 3 decimals. 0 when no main feature fired, or when the kinds cannot be one actor. */
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** Feature weights. Main features compete (the best counts); qualifiers add up. */
export const FEATURE_WEIGHTS = Object.freeze({
  /** A name or alias identical after case, spacing and punctuation (logic_v1 `name_literal_match`, 1.0). */
  name_literal: 1.0,
  /** × the Levenshtein similarity of the names without legal forms, transliterated, spaces removed, best pair (logic_v1 `name_fingerprint_levenshtein`, 0.9). */
  name_fingerprint: 0.9,
  /** An equal, valid INN, OGRN, LEI, IMO or BIC (logic_v1 `inn_code_match` and siblings, 0.95). */
  identifier_strong: 0.95,
  /** Any other equal identifier of the same scheme (logic_v1 `identifier_match`, 0.85). */
  identifier: 0.85,
  /** Both name countries and share one (ours, after nomenklatura `compare/countries.py` `country_match`). */
  country_match: 0.05,
  /** Both name countries and share none (logic_v1 `country_mismatch`, −0.2). */
  country_mismatch: -0.2,
  /** Both hold identifiers of one scheme and none is shared (logic_v1 `orgid_disjoint`, −0.2). */
  identifier_disjoint: -0.2,
  /** Both state birth (or founding) dates and no year is shared (logic_v1 `dob_year_disjoint`, −0.15; −0.2 when the years agree but no day does, `dob_day_disjoint`). */
  dates_year_disjoint: -0.15,
  dates_day_disjoint: -0.2,
});

/** Kinds that name actors, and so can be duplicates (FtM's matchable schemata that we store). */
export const MATCHABLE_KINDS: readonly string[] = ["Company", "Organization", "PublicBody", "LegalEntity", "Person", "Vessel", "Airplane", "Vehicle"];

const ORGANISATIONS = new Set(["Company", "Organization", "PublicBody", "LegalEntity"]);

/**
 * True when records of these kinds can be one actor: the same kind; two organisations; or a
 * LegalEntity (FtM's parent of Person and Organization) with a person or an organisation.
 */
export function kindsCompatible(a: string, b: string): boolean {
  if (a === b) return MATCHABLE_KINDS.includes(a);
  if (ORGANISATIONS.has(a) && ORGANISATIONS.has(b)) return true;
  return (a === "LegalEntity" && b === "Person") || (a === "Person" && b === "LegalEntity");
}

/** A record with its names and identifiers prepared once, for many comparisons. */
export interface PreparedRecord {
  readonly record: MatchRecord;
  readonly names: readonly PreparedName[];
  readonly literals: ReadonlySet<string>;
  readonly identifiers: readonly ParsedIdentifier[];
  /** Identifier keys per scheme. */
  readonly schemes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Prepares a record (names, literals, identifiers). */
export function prepareRecord(record: MatchRecord): PreparedRecord {
  const names = [...new Set([record.name, ...record.aliases])].map(prepareName).filter((n): n is PreparedName => n !== null);
  const identifiers = record.identifiers.map(parseIdentifier).filter((i): i is ParsedIdentifier => i !== null);
  const schemes = new Map<string, Set<string>>();
  for (const i of identifiers) {
    const set = schemes.get(i.scheme) ?? new Set<string>();
    set.add(i.key);
    schemes.set(i.scheme, set);
  }
  return { record, names, literals: new Set(names.map((n) => n.literal)), identifiers, schemes };
}

/** Levenshtein similarity: 1 − distance / longer length (nomenklatura/rigour `levenshtein_similarity`). */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  return 1 - distance(a, b) / longer;
}

/**
 * Scores a pair. With `floor` > 0 it may stop early and return score 0 for a pair that cannot
 * reach `floor` (a bound on the name similarity from the lengths alone); the score of a pair
 * that reaches it is exact. Symmetric: score(a, b) = score(b, a).
 */
export function scorePair(a: PreparedRecord, b: PreparedRecord, floor = 0): MatchScore {
  if (!kindsCompatible(a.record.kind, b.record.kind)) return { score: 0, reasons: [] };
  const mains: MatchReason[] = [];
  const literal = [...a.literals].find((l) => b.literals.has(l));
  if (literal !== undefined)
    mains.push({ feature: "name_literal", weight: FEATURE_WEIGHTS.name_literal, detail: `Identical names: ${JSON.stringify(nameWith(a, literal))}` });
  for (const [scheme, keys] of a.schemes) {
    const other = b.schemes.get(scheme);
    const shared = other ? [...keys].find((k) => other.has(k)) : undefined;
    if (shared === undefined) continue;
    const strong = a.identifiers.some((i) => i.scheme === scheme && i.key === shared && i.strong);
    mains.push({
      feature: strong ? "identifier_strong" : "identifier",
      weight: strong ? FEATURE_WEIGHTS.identifier_strong : FEATURE_WEIGHTS.identifier,
      detail: `Same ${schemeLabel(scheme)} ${shared}`,
    });
  }
  const best = mains.reduce((m, r) => Math.max(m, r.weight), 0);
  // Names are compared unless they matched literally: an identifier match still shows them.
  if (best < FEATURE_WEIGHTS.name_literal) {
    const needed = best > 0 ? 0 : Math.max(0, (floor - FEATURE_WEIGHTS.country_match) / FEATURE_WEIGHTS.name_fingerprint);
    const fingerprint = bestFingerprint(a, b, needed);
    if (fingerprint) mains.push(fingerprint);
  }
  const main = mains.reduce((m, r) => (r.weight > m.weight ? r : m), { feature: "", weight: 0, detail: "" });
  if (main.weight <= 0) return { score: 0, reasons: [] };
  const qualifiers = [...countryQualifiers(a.record, b.record), ...identifierQualifiers(a, b), ...dateQualifiers(a.record, b.record)];
  const raw = main.weight + qualifiers.reduce((s, q) => s + q.weight, 0);
  const score = Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
  // The other main features that fired clearly are listed too, with weight 0: they did not count.
  const others = mains.filter((m) => m !== main && m.weight >= 0.5).sort((x, y) => y.weight - x.weight);
  return { score, reasons: [main, ...others.map((o) => ({ ...o, weight: 0 })), ...qualifiers] };
}

/** The written name of `r` whose literal is `literal`. */
function nameWith(r: PreparedRecord, literal: string): string {
  return r.names.find((n) => n.literal === literal)?.text ?? literal;
}

/** The best name_fingerprint over every pair of names whose similarity can reach `needed`. */
function bestFingerprint(a: PreparedRecord, b: PreparedRecord, needed: number): MatchReason | null {
  let best = 0;
  let pair: [PreparedName, PreparedName] | null = null;
  for (const x of a.names) {
    for (const y of b.names) {
      const longer = Math.max(x.compact.length, y.compact.length);
      // Both bounds hold for the word-sorted forms too: they have the same letters and length.
      if (longer === 0 || 1 - bagDistance(x, y) / longer < Math.max(needed, best)) continue;
      let sim = levenshteinSimilarity(x.compact, y.compact);
      if (sim < 1 && x.words.length > 1) sim = Math.max(sim, levenshteinSimilarity(x.sorted, y.sorted));
      if (sim > best) {
        best = sim;
        pair = [x, y];
      }
    }
  }
  if (!pair || best <= 0 || best < needed) return null;
  const [x, y] = pair;
  const dropped = [...new Set([...x.legalForm, ...y.legalForm])];
  const without = dropped.length > 0 ? ` without the legal forms (${dropped.join(", ")})` : "";
  return {
    feature: "name_fingerprint",
    weight: round3(FEATURE_WEIGHTS.name_fingerprint * best),
    detail: `Names alike${without}: ${JSON.stringify(x.text)} ~ ${JSON.stringify(y.text)}, as "${x.words.join(" ")}" and "${y.words.join(" ")}", similarity ${best.toFixed(2)}`,
  };
}

function countryQualifiers(a: MatchRecord, b: MatchRecord): MatchReason[] {
  if (a.countries.length === 0 || b.countries.length === 0) return [];
  const shared = a.countries.filter((c) => b.countries.includes(c));
  if (shared.length > 0) return [{ feature: "country_match", weight: FEATURE_WEIGHTS.country_match, detail: `Same country ${shared.join(", ")}` }];
  return [
    {
      feature: "country_mismatch",
      weight: FEATURE_WEIGHTS.country_mismatch,
      detail: `Different countries: ${a.countries.join(", ")} and ${b.countries.join(", ")}`,
    },
  ];
}

function identifierQualifiers(a: PreparedRecord, b: PreparedRecord): MatchReason[] {
  for (const [scheme, keys] of a.schemes) {
    const other = b.schemes.get(scheme);
    if (!other || [...keys].some((k) => other.has(k))) continue;
    return [
      {
        feature: "identifier_disjoint",
        weight: FEATURE_WEIGHTS.identifier_disjoint,
        detail: `Different ${schemeLabel(scheme)}: ${[...keys].join(", ")} and ${[...other].join(", ")}`,
      },
    ];
  }
  return [];
}

function dateQualifiers(a: MatchRecord, b: MatchRecord): MatchReason[] {
  const out: MatchReason[] = [];
  for (const [label, x, y] of [
    ["birth", a.birthDates, b.birthDates],
    ["founding", a.foundingDates, b.foundingDates],
  ] as const) {
    const reason = datesDisjoint(label, x, y);
    if (reason) out.push(reason);
  }
  return out;
}

/**
 * Dates that conflict: no year in common (−0.15), or common years but, where both give a full
 * day, no day in common, not even with day and month swapped (−0.2; nomenklatura
 * `compare/dates.py` forgives the swap as a clerical error). A missing date never conflicts.
 */
function datesDisjoint(label: string, x: readonly string[], y: readonly string[]): MatchReason | null {
  if (x.length === 0 || y.length === 0) return null;
  const years = (ds: readonly string[]) => new Set(ds.map((d) => d.slice(0, 4)));
  const [xy, yy] = [years(x), years(y)];
  const detail = `Different ${label} dates: ${x.join(", ")} and ${y.join(", ")}`;
  if (![...xy].some((v) => yy.has(v))) return { feature: "dates_disjoint", weight: FEATURE_WEIGHTS.dates_year_disjoint, detail };
  const days = (ds: readonly string[]) => ds.filter((d) => d.length >= 10).map((d) => d.slice(0, 10));
  const [xd, yd] = [days(x), days(y)];
  if (xd.length === 0 || yd.length === 0) return null;
  const flip = (d: string) => `${d.slice(0, 4)}-${d.slice(8, 10)}-${d.slice(5, 7)}`;
  if (xd.some((d) => yd.includes(d) || yd.includes(flip(d)))) return null;
  return { feature: "dates_disjoint", weight: FEATURE_WEIGHTS.dates_day_disjoint, detail };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Kinds that say less than another record's kind may (FtM's abstract LegalEntity, Organization). */
const VAGUE_KINDS = new Set(["LegalEntity", "Organization"]);

/**
 * One record for a cluster of records judged one actor, compared as one (nomenklatura compares
 * the merged entity of a cluster): the canonical record's name (else the first's), every other
 * name as an alias, the most specific kind, and the union of countries, identifiers and dates.
 */
export function mergeRecords(canonicalId: string, records: readonly MatchRecord[]): MatchRecord {
  const primary = records.find((r) => r.id === canonicalId) ?? records[0]!;
  const names = new Set<string>();
  for (const r of [primary, ...records]) for (const n of [r.name, ...r.aliases]) if (n !== primary.name) names.add(n);
  const union = (pick: (r: MatchRecord) => readonly string[]) => [...new Set(records.flatMap(pick))];
  return {
    id: canonicalId,
    kind: VAGUE_KINDS.has(primary.kind) ? (records.find((r) => !VAGUE_KINDS.has(r.kind))?.kind ?? primary.kind) : primary.kind,
    name: primary.name,
    aliases: [...names],
    countries: union((r) => r.countries),
    identifiers: union((r) => r.identifiers),
    birthDates: union((r) => r.birthDates),
    foundingDates: union((r) => r.foundingDates),
  };
}
