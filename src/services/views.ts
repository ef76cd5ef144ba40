import { plainText, type Plain } from "../db/values.js";
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
  /** Identifiers as `scheme:value` (for example `lei:5493001KJTIIGC8Y1R12`), from addEntity. */
  readonly identifiers: readonly string[];
  /** 1 for the stored state of the seed, an import or addEntity; each change through the API adds 1. */
  readonly version: number;
  /**
   * The other records judged to be this actor (entity resolution, docs/resolution.md): their ids
   * resolve to this entity, whose names, aliases and relationships include theirs. Empty for an
   * entity that is one record.
   */
  readonly mergedIds: readonly string[];
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
  readonly evidence: readonly EvidenceView[];
  /**
   * How many records state the claim: an imported relationship's `statementCount` (its evidence
   * keeps only the first MAX_EVIDENCE_PER_RELATIONSHIP, src/import/batch-facts.ts), else the
   * number of evidence quotes.
   */
  readonly statementCount: number;
  readonly from: EntityView;
  readonly to: EntityView;
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

const str = (v: Plain | undefined): string | null => (v === null || v === undefined ? null : String(v));
const strs = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Maps an `n {.*}` map to an EntityView. */
export function toEntityView(m: Plain | undefined): EntityView {
  const e = (m ?? {}) as Record<string, Plain>;
  return {
    id: String(e.id),
    name: String(e.name ?? e.id),
    kind: String(e.kind ?? "Organization"),
    aliases: strs(e.aliases),
    description: str(e.description),
    unidentified: e.unidentified === true,
    country: str(e.country),
    date: str(e.date),
    topics: strs(e.topics),
    identifiers: strs(e.identifiers),
    version: typeof e.version === "number" ? e.version : 1,
    mergedIds: [],
  };
}

/** Maps a row `{rel, startEntity, endEntity, sources}` (see relationships-by-ids.cypher) to a RelationshipView. */
export function toRelationshipView(row: Row): RelationshipView {
  const r = row.rel as Record<string, Plain>;
  const sources = new Map<string, SourceView>();
  for (const s of (row.sources ?? []) as Record<string, Plain>[]) {
    sources.set(String(s.id), {
      id: String(s.id),
      title: String(s.title ?? s.id),
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
    id: String(r.id),
    type: String(r.type),
    confidence: Number(r.confidence),
    status: String(r.status),
    validFrom: str(r.validFrom),
    validTo: str(r.validTo),
    amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
    currency: str(r.currency),
    goods: strs(r.goods),
    hedge: str(r.hedge),
    note: str(r.note),
    evidence,
    statementCount: typeof r.statementCount === "number" ? r.statementCount : evidence.length,
    from: toEntityView(row.startEntity),
    to: toEntityView(row.endEntity),
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
