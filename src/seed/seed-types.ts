import type { ClaimStatus, EntityKind, RelationshipType } from "../model/vocabulary.js";

/** An entity the source names, as authored for the seed graph. */
export interface SeedEntity {
  /** Stable, human-readable id (kebab-case, for example `dji`, `country-ru`). */
  readonly id: string;
  /** Usual English name. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Other names investigators search for (spellings, full legal names, native script). */
  readonly aliases: readonly string[];
  /** One or two sentences on what the entity is. */
  readonly description: string;
  /** True for a group the source mentions without naming its members. */
  readonly unidentified?: boolean;
  /** ISO 3166-1 alpha-2 code, for countries and for entities tied to one country. */
  readonly country?: string;
  /** ISO 8601 date for events (for example the meeting's day). */
  readonly date?: string;
}

/** A claim of the source, as authored for the seed graph. Becomes one relationship. */
export interface SeedClaim {
  /** Stable id (kebab-case). */
  readonly id: string;
  readonly type: RelationshipType;
  /** Entity id at the start of the relationship (for flows: where goods or money come from). */
  readonly from: string;
  /** Entity id at the end of the relationship. */
  readonly to: string;
  readonly status: ClaimStatus;
  /** In [0, 1]; defaults to STATUS_CONFIDENCE[status] when omitted. */
  readonly confidence?: number;
  /** The article's own words that decided the status ("citing official Russian customs data"). */
  readonly hedge: string;
  /** One or more quotes, each an exact substring of the article; offsets are computed, not typed. */
  readonly quotes: readonly string[];
  /** ISO 8601 date (YYYY-MM-DD) from which the claim holds, when the source gives or implies it. */
  readonly validFrom?: string;
  /** ISO 8601 date (YYYY-MM-DD) until which the claim holds. */
  readonly validTo?: string;
  /** Value of goods or money, in `currency` units (for example 12000000). */
  readonly amount?: number;
  /** ISO 4217 currency code of `amount` (for example `USD`). */
  readonly currency?: string;
  /** What moved, for flows (for example ["UAVs", "UAV spare parts"]). */
  readonly goods?: readonly string[];
  /** Why the claim was modelled this way, when that is not obvious (inferred dates, for example). */
  readonly note?: string;
}

/** The source document of the seed graph. */
export interface SeedSource {
  readonly id: string;
  readonly title: string;
  /** True when the title is ours, because the stored text carries none. */
  readonly titleInferred: boolean;
  readonly publisher: string;
  readonly url: string | null;
  /** ISO 8601 date or year-month (for example `2023-03`). */
  readonly publishedAt: string;
  /** How `publishedAt` was inferred. */
  readonly publishedAtNote: string;
  /** The reporting this source relies on. */
  readonly cites: readonly string[];
  readonly language: string;
}
