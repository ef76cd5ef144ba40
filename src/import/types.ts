import type { ClaimStatus, EntityKind, RelationshipType } from "../model/vocabulary.js";

/** The file formats `actorgraph import` reads. */
export const IMPORT_FORMATS = ["ftm", "customs", "claims"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Type guard for {@link IMPORT_FORMATS}. */
export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** Scalar or list values an imported node or relationship may carry (Neo4j property types). */
export type PropertyValue = string | number | boolean | null | readonly string[];

/** An entity to MERGE by id; `props` are SET on it (aliases and topics are unioned). */
export interface EntityFact {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly topics: readonly string[];
  /** FtM schema name, when the entity comes from FtM; used to detect conflicting duplicates. */
  readonly ftmSchema: string | null;
  /** Other properties, keys from the FtM model or the importer's own fixed names. */
  readonly props: Readonly<Record<string, PropertyValue>>;
  /**
   * Set for parties known only by name (customs rows): the batch writer uses an existing entity
   * with exactly this name (and country, when both have one) in place of this one.
   */
  readonly matchName?: { readonly name: string; readonly country: string | null };
}

/** A Country entity `country-<iso2 lower>`, MERGEd with ON CREATE SET only (never overwrites the seed's). */
export interface CountryFact {
  readonly id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly code: string;
  readonly name: string;
  /** Set when restoring a Country our FtM export wrote (ftm-native.ts); like the rest, only on create. */
  readonly aliases?: readonly string[];
  readonly description?: string | null;
}

/**
 * A relationship to MERGE by (type, id). Its evidence is the record it came from: `quote` is
 * the record's text, and `start`/`end` are the record's first and last **line numbers** (1-based)
 * in the imported file, since a dataset has no article text to take character offsets from.
 */
export interface RelationshipFact {
  readonly id: string;
  readonly type: RelationshipType;
  readonly start: string;
  readonly end: string;
  readonly status: ClaimStatus;
  readonly confidence: number;
  /** ISO 8601 date (YYYY-MM-DD) or null. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly props: Readonly<Record<string, PropertyValue>>;
  readonly evidence: EvidenceFact;
  /**
   * The record's own date (ISO 8601 YYYY-MM-DD; a customs declaration's date), or null/absent.
   * Sets the relationship's `firstSeen`/`lastSeen`: the earliest and latest record dates that
   * stated it (see cypher/queries/import-merge-relationships.cypher).
   */
  readonly statedOn?: string | null;
  /**
   * Set on a customs aggregate (`--aggregate`): this declaration's values, summed into the
   * one SUPPLIED per (start, end, HS heading) the fact's id names.
   */
  readonly shipment?: ShipmentStatement;
  /**
   * Set when the id is derived from the endpoints (`<idPrefix>:<start id>><end id>`, customs
   * aggregates): the party resolver recomputes the id when it rewrites an endpoint.
   */
  readonly idPrefix?: string;
}

/** One customs declaration's contribution to an aggregate SUPPLIED (see customs-mapper.ts). */
export interface ShipmentStatement {
  readonly recordId: string;
  /** Customs value in `currency` units, or null. */
  readonly amount: number | null;
  /** ISO 4217 code, upper case, or null (summed under "XXX"). */
  readonly currency: string | null;
  readonly quantity: number | null;
  /** Transit countries, ISO 3166-1 alpha-2, in order. */
  readonly via: readonly string[];
}

/** One quote; see {@link RelationshipFact} for what start and end mean. */
export interface EvidenceFact {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** Id of the :Source the quote comes from (the dataset, or a claim's own publication). */
  readonly sourceId: string;
}

/** A publication named by a claim row (`source_url`, `source_title`). */
export interface PublicationFact {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
}

/** Everything one input record becomes. */
export interface RecordFacts {
  readonly entities: readonly EntityFact[];
  readonly countries: readonly CountryFact[];
  readonly relationships: readonly RelationshipFact[];
  readonly publications: readonly PublicationFact[];
  /** Entity ids that must already exist (claims), else the record is rejected. */
  readonly requiredIds: readonly string[];
  /** Identifiers the record states for an entity, its own or another's (a Passport's holder). */
  readonly identifiers?: readonly IdentifierFact[];
  /** What the record says about entities it only references: the kind a stub made for them gets. */
  readonly stubs?: readonly StubFact[];
  /** Older ids of the record's entity (OpenSanctions `referents`), each resolving to it. */
  readonly referents?: readonly ReferentFact[];
  /** What the import kept but warns about (a property the FtM model does not know); never a reject. */
  readonly warnings?: readonly RecordWarning[];
}

/** An identifier of an entity: an FtM identifier property's name as `scheme` (innCode, leiCode, imoNumber, …) and its value as written. */
export interface IdentifierFact {
  readonly entityId: string;
  readonly scheme: string;
  readonly value: string;
}

/**
 * A referenced entity that may be missing: if no record states it, a stub (placeholder) of this
 * kind and FtM schema is made, typed by the range of the property that references it
 * (`addressEntity` → Address, `Ownership.asset` → Asset). A record stating the entity later replaces both.
 */
export interface StubFact {
  readonly id: string;
  readonly kind: EntityKind;
  /** The range schema, or null when not from FtM. */
  readonly ftmSchema: string | null;
}

/** An older id (`id`) of the canonical entity `canonicalId`, both as stored (namespaced). */
export interface ReferentFact {
  readonly id: string;
  readonly canonicalId: string;
}

/** Why the import kept a record but warns; counted per code and detail in the summary. */
export interface RecordWarning {
  /** UNKNOWN_PROPERTY: a property the FtM model of FTM_VERSION lacks, kept as `ftm_<name>`. */
  readonly code: "UNKNOWN_PROPERTY";
  /** What it is about, for counting: `Company.newProperty`. */
  readonly detail: string;
}

/** A record of the input, before mapping. */
export interface InputRecord<T> {
  /** First and last 1-based line numbers of the record in the file. */
  readonly line: number;
  readonly endLine: number;
  /** The record's source text, used as the evidence quote (capped). */
  readonly text: string;
  readonly value: T;
}

/** A rejected record: where and why. */
export interface Reject {
  readonly line: number;
  /** Stable code, one of {@link RejectCode}. */
  readonly code: RejectCode;
  readonly reason: string;
}

/** Why a record was rejected. */
export type RejectCode =
  | "INVALID_UTF8"
  | "LINE_TOO_LONG"
  | "MALFORMED_JSON"
  | "TRUNCATED_LINE"
  | "MALFORMED_CSV"
  | "UNKNOWN_SCHEMA"
  | "UNSUPPORTED_SCHEMA"
  | "INVALID_VALUE"
  | "CONFLICTING_SCHEMA"
  | "CONFLICTING_ID"
  | "UNKNOWN_ENTITY"
  | "RECORD_TOO_LARGE";

/** Thrown by a mapper for a record it cannot import; the importer turns it into a {@link Reject}. */
export class RecordError extends Error {
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
  }
}
