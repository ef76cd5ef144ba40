import { plainString, plainText, type Plain } from "../db/values.js";
import type { Row } from "../db/run.js";
import type { EvidenceRole } from "../claims/corroboration.js";
import { RETRACTED_STATUS } from "../model/vocabulary.js";

/**
 * Plain result shapes returned by the services and rendered by the GraphQL layer.
 * Dates are ISO 8601 strings, amounts are numbers; no driver type leaks past this file.
 */

/** An actor, place, product, event or document. */
export interface EntityView {
  readonly id: string;
  readonly name: string;
  /** One of ENTITY_KINDS (src/model/vocabulary.ts). */
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** True for a group the source names without naming its members. */
  readonly unidentified: boolean;
  /** ISO 3166-1 alpha-2 code (for example CN), or null. */
  readonly country: string | null;
  /** ISO 8601 date for events, or null. */
  readonly date: string | null;
  /** FollowTheMoney topics, such as `sanction` or `role.pep`, from imported datasets. */
  readonly topics: readonly string[];
  /** Identifiers from imported data (FtM `innCode`, `leiCode`, a Passport's number for its holder, …) or addEntity (`scheme:value`). */
  readonly identifiers: readonly IdentifierView[];
  /** 1 for the stored state of the seed, an import or addEntity; each change through the API adds 1. */
  readonly version: number;
  /**
   * The other records judged to be this actor (entity resolution, docs/resolution.md): their ids
   * resolve to this entity, whose names, aliases and relationships include theirs. Empty for an
   * entity that is one record.
   */
  readonly mergedIds: readonly string[];
  /** Every FtM property an import stored (`ftm_<name>`), by FtM name. */
  readonly properties: readonly PropertyView[];
  /** True for a stub: an entity only referenced so far, named by its id (search ranks stubs last). */
  readonly stub: boolean;
  /** OpenSanctions: older ids of the entity (`referents`), the datasets naming it, when it was first and last seen (ISO 8601), and whether it is itself a target. */
  readonly referents: readonly string[];
  readonly datasets: readonly string[];
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly target: boolean | null;
}

/** An identifier: its scheme (the FtM property: innCode, ogrnCode, leiCode, registrationNumber, imoNumber, taxNumber, …) and value as written. */
export interface IdentifierView {
  readonly scheme: string;
  readonly value: string;
}

/** A stored property: its FtM name and its values, as written. */
export interface PropertyView {
  readonly name: string;
  readonly values: readonly string[];
}

/** A document that evidence quotes come from. */
export interface SourceView {
  readonly id: string;
  readonly title: string;
  readonly titleInferred: boolean;
  readonly publisher: string | null;
  readonly url: string | null;
  /** ISO 8601 date or year-month. */
  readonly publishedAt: string | null;
  readonly cites: readonly string[];
  /** `article`, `document` or `dataset` for sources added through the API or imports (`publication` for an import's cited publication); null for the seed's article. */
  readonly kind: string | null;
  /** 1: a source does not change once stored (addSource with the same text returns it as it is). */
  readonly version: number;
}

/** One quote backing a relationship; `quote === source.text.slice(start, end)`. */
export interface EvidenceView {
  readonly quote: string;
  /** Offset of the first character in the source text, in UTF-16 code units (JavaScript string index). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  readonly source: SourceView;
  /** CORROBORATING (supports the claim; every seed and import quote) or DISPUTING (disputeClaim). */
  readonly role: EvidenceRole;
  /** The editor's note on a disputing quote, or null. */
  readonly note: string | null;
}

/** Who retracted a claim, when and why. */
export interface RetractionView {
  /** ISO 8601 date-time. */
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
}

/** A claim between two entities. */
export interface RelationshipView {
  readonly id: string;
  readonly type: string;
  readonly confidence: number;
  readonly status: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** Value moved, in `currency` units, or null. */
  readonly amount: number | null;
  /** ISO 4217 code, or null. */
  readonly currency: string | null;
  readonly goods: readonly string[];
  /** The source's own hedging words that set the status. */
  readonly hedge: string | null;
  readonly note: string | null;
  /** The amount in **EUR** / **USD** as the source converted it (FtM `amountEur`, `amountUsd`), or null; `amount` is the original. */
  readonly amountEur: number | null;
  readonly amountUsd: number | null;
  /** Link facts an FtM import stored: Ownership `percentage` (a number when the source wrote one, `51` or `51%`), `role`, a sanction's `program` and `authority`, a payment's `purpose`. */
  readonly percentage: number | null;
  readonly role: string | null;
  readonly program: string | null;
  readonly authority: string | null;
  readonly purpose: string | null;
  /** Every FtM property of the link (`ftm_<name>`), by FtM name. */
  readonly properties: readonly PropertyView[];
  readonly evidence: readonly EvidenceView[];
  /**
   * How many records state the claim: an imported relationship's `statementCount` (its evidence
   * keeps only the first MAX_EVIDENCE_PER_RELATIONSHIP, src/import/batch-facts.ts), else the
   * number of evidence quotes.
   */
  readonly statementCount: number;
  /** The start entity (an entity of several records when judged so: entity resolution, docs/resolution.md). */
  readonly from: EntityView;
  readonly to: EntityView;
  /** Ids of the stored start and end records: `from.id` and `to.id` unless a record was merged into an entity of several (then one of its mergedIds). */
  readonly startRecord: string;
  readonly endRecord: string;
  /** 1 for a claim as the seed or an import stored it; each change through the API adds 1. */
  readonly version: number;
  /** The status the source's wording or an editor's setClaimStatus gave, before disputes and retraction. */
  readonly assertedStatus: string;
  /** True when an editor retracted the claim (`status` is then RETRACTED; see `retraction`). */
  readonly retracted: boolean;
  readonly retraction: RetractionView | null;
  /** True when some evidence disputes the claim. */
  readonly disputed: boolean;
  /** Hedge words in the quotes that contradict the status, as found when the evidence was written. */
  readonly warnings: readonly string[];
}

/** Nodes and relationships ready for a visualization client. */
export interface SubgraphView {
  readonly nodes: readonly EntityView[];
  readonly edges: readonly RelationshipView[];
  /** True when a node or relationship cap cut the subgraph. */
  readonly truncated: boolean;
}

const str = (v: Plain | undefined): string | null => (v === null || v === undefined ? null : plainString(v));
const strs = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.map(String) : []);
const num = (v: Plain | undefined): number | null => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));

/** The `ftm_<name>` properties of a stored map, by FtM name, sorted (FtM import: src/import/ftm-mapper.ts). */
function ftmProperties(m: Record<string, Plain>): PropertyView[] {
  return Object.keys(m)
    .filter((k) => k.startsWith("ftm_"))
    .sort()
    .map((k) => {
      const v = m[k];
      return { name: k.slice(4), values: (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x : JSON.stringify(x))) };
    });
}

/** The first value of the stored FtM property `name` (`ftm_<name>`), or of a plain property of that name, or null. */
function firstValue(m: Record<string, Plain>, name: string): string | null {
  const v = m[`ftm_${name}`] ?? m[name];
  return Array.isArray(v) ? str(v[0]) : str(v);
}

/** A percentage as a number: `51`, `51.5`, `51%`, `51,5 %`; null for a range or text (`25-50%`), which `properties` keeps. */
function percentageOf(text: string | null): number | null {
  const m = text === null ? null : /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(text);
  return m ? Number(m[1]!.replace(",", ".")) : null;
}

/** `scheme:value` strings as stored by import-merge-identifiers.cypher. */
function identifiersOf(v: Plain | undefined): IdentifierView[] {
  return strs(v).map((s) => {
    const at = s.indexOf(":");
    return { scheme: s.slice(0, at), value: s.slice(at + 1) };
  });
}

/** Maps an `n {.*}` map to an EntityView. */
export function toEntityView(m: Plain | undefined): EntityView {
  const e = (m ?? {}) as Record<string, Plain>;
  return {
    id: plainString(e.id),
    name: plainString(e.name ?? e.id),
    kind: plainString(e.kind ?? "Organization"),
    aliases: strs(e.aliases),
    description: str(e.description),
    unidentified: e.unidentified === true,
    country: str(e.country),
    date: str(e.date),
    topics: strs(e.topics),
    identifiers: identifiersOf(e.identifiers),
    version: typeof e.version === "number" ? e.version : 1,
    mergedIds: [],
    properties: ftmProperties(e),
    stub: e.placeholder === true,
    referents: strs(e.referents),
    datasets: strs(e.datasets),
    firstSeen: str(e.firstSeen),
    lastSeen: str(e.lastSeen),
    target: typeof e.target === "boolean" ? e.target : null,
  };
}

/** Maps a row `{rel, startEntity, endEntity, sources}` (see relationships-by-ids.cypher) to a RelationshipView. */
export function toRelationshipView(row: Row): RelationshipView {
  const r = row.rel as Record<string, Plain>;
  const sources = new Map<string, SourceView>();
  for (const s of (row.sources ?? []) as Record<string, Plain>[]) {
    sources.set(plainString(s.id), {
      id: plainString(s.id),
      title: plainString(s.title ?? s.id),
      titleInferred: s.titleInferred === true,
      publisher: str(s.publisher),
      url: str(s.url),
      publishedAt: str(s.publishedAt),
      cites: strs(s.cites),
      kind: sourceKind(s.kind),
      version: typeof s.version === "number" ? s.version : 1,
    });
  }
  const quotes = strs(r.evidenceQuotes);
  const starts = (r.evidenceStarts ?? []) as number[];
  const ends = (r.evidenceEnds ?? []) as number[];
  const sourceIds = strs(r.evidenceSourceIds);
  const roles = strs(r.evidenceRoles);
  const notes = strs(r.evidenceNotes);
  const evidence: EvidenceView[] = quotes.map((quote, i) => ({
    quote,
    start: Number(starts[i]),
    end: Number(ends[i]),
    source: sources.get(sourceIds[i] ?? "") ?? unknownSource(sourceIds[i] ?? "unknown"),
    role: roles[i] === "DISPUTING" ? "DISPUTING" : "CORROBORATING",
    note: notes[i] ? notes[i] : null,
  }));
  const retracted = r.status === RETRACTED_STATUS;
  return {
    id: plainString(r.id),
    type: plainString(r.type),
    confidence: Number(r.confidence),
    status: plainString(r.status),
    validFrom: str(r.validFrom),
    validTo: str(r.validTo),
    amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
    currency: str(r.currency),
    goods: strs(r.goods),
    hedge: str(r.hedge),
    note: str(r.note),
    amountEur: num(r.amountEur),
    amountUsd: num(r.amountUsd),
    percentage: percentageOf(firstValue(r, "percentage")),
    role: firstValue(r, "role"),
    program: firstValue(r, "program"),
    authority: firstValue(r, "authority"),
    purpose: firstValue(r, "purpose"),
    properties: ftmProperties(r),
    evidence,
    statementCount: typeof r.statementCount === "number" ? r.statementCount : evidence.length,
    from: toEntityView(row.startEntity),
    to: toEntityView(row.endEntity),
    startRecord: plainText((row.startEntity as Record<string, Plain> | undefined)?.id ?? r.start),
    endRecord: plainText((row.endEntity as Record<string, Plain> | undefined)?.id ?? r.end),
    version: typeof r.version === "number" ? r.version : 1,
    assertedStatus: plainText(r.assertedStatus ?? r.status),
    retracted,
    retraction: retracted ? { at: plainText(r.retractedAt), actor: plainText(r.retractedBy), reason: plainText(r.retractionReason) } : null,
    disputed: roles.includes("DISPUTING"),
    warnings: strs(r.warnings),
  };
}

/** The kinds a Source may show (GraphQL `SourceKind`); any other stored value shows as null. */
const SOURCE_KIND_VALUES = new Set(["article", "document", "dataset", "publication"]);

/** A stored `:Source` kind, or null when it is none of the known ones. */
export function sourceKind(v: Plain | undefined): string | null {
  return typeof v === "string" && SOURCE_KIND_VALUES.has(v) ? v : null;
}

function unknownSource(id: string): SourceView {
  return { id, title: id, titleInferred: true, publisher: null, url: null, publishedAt: null, cites: [], kind: null, version: 1 };
}
