import { createHash } from "node:crypto";
import { STATUS_CONFIDENCE, type ClaimStatus, type RelationshipType } from "../model/vocabulary.js";
import { ftmModel } from "./ftm-model.js";
import { RecordError, type CountryFact, type EvidenceFact, type InputRecord, type PropertyValue, type RelationshipFact, type ShipmentStatement } from "./types.js";

/** What every mapper needs besides the record: where ids live and which Source the evidence cites. */
export interface MapContext {
  /** Prefix `<namespace>:` for every id this import creates, or null for bare ids. Countries are never prefixed. */
  readonly namespace: string | null;
  /** Id of the dataset's :Source node. */
  readonly sourceId: string;
  /**
   * Customs only: write one aggregate SUPPLIED per (start, end, HS heading) instead of one per
   * declaration (`--aggregate`; see customs-mapper.ts). Default false.
   */
  readonly aggregate?: boolean;
}

/** The graph id of an entity named `raw` by the input, namespaced (cf. FtM's namespacing of ids). */
export function scopedId(ctx: MapContext, raw: string): string {
  return ctx.namespace ? `${ctx.namespace}:${raw}` : raw;
}

/** A short, stable hex digest (sha256, first 16 hex digits) of the parts, for derived ids. */
export function digest(...parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

/** Longest slug {@link slug} returns before it shortens the name and appends a digest, in characters. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Lower-case slug of a name for ids: letters and digits of any script kept, accents of Latin
 * letters removed (`é` → `e`; `й` stays `й`),
 * every other run of characters one `-` (`"Golden Bridge Ltd."` → `golden-bridge-ltd`,
 * `"ООО «Вектор» 12"` → `ооо-вектор-12`). Names that differ only in case, accents, spacing or
 * punctuation share a slug, as one party should; names that differ in any letter or digit never
 * do. A slug over {@link MAX_SLUG_LENGTH} characters is cut to 63 and given `-` and the digest of
 * the whole slug, so two long names sharing their first 80 characters stay apart; a name with no
 * letter or digit is its digest. (Before: non-Latin letters were dropped, so "ООО Вектор 12" and
 * "ООО Ромашка 12" were one party, `party-ru-12`.)
 */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  if (s.length === 0) return digest(name);
  return s.length <= MAX_SLUG_LENGTH ? s : `${s.slice(0, 63).replace(/-$/, "")}-${digest(s)}`;
}

/**
 * The Country fact for an ISO 3166-1 alpha-2 code (any case), with its English name from the
 * FtM model's country list. Id `country-<code lower>`, the seed's scheme, so imports link into it.
 * @throws RecordError INVALID_VALUE for a code the FtM model does not know.
 */
export function countryFact(code: string, field: string): CountryFact {
  const lower = code.trim().toLowerCase();
  const name = ftmModel.getType("country").values.get(lower);
  if (!name) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(code)} is not a country code known to FollowTheMoney`);
  return { id: `country-${lower}`, code: lower.toUpperCase(), name };
}

/** The evidence of a record: its text, its line range, the dataset as source. */
export function recordEvidence(ctx: MapContext, record: InputRecord<unknown>): EvidenceFact {
  return { quote: record.text, start: record.line, end: record.endLine, sourceId: ctx.sourceId };
}

/**
 * The date (YYYY-MM-DD) of an FtM or CSV date, or null; a year or year-month becomes its first
 * day. Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and that with an ISO 8601 time (`T` or a space,
 * `HH:MM[:SS[.fff]]`, then `Z` or an offset), whose date part is kept: FollowTheMoney's date
 * type is such a prefix of ISO 8601. Anything else is refused whole: `2023/02/09`, `20230209` or
 * `2023-02-09junk` once passed as 2023-01-01 or 2023-02-09. The date must exist in the calendar
 * (Cypher's date() refuses 2023-02-30 and would fail the whole batch), so it is checked by a
 * round trip through UTC: JS's Date.parse rolls 2023-02-30 over to March 2 instead of refusing it.
 * @throws RecordError INVALID_VALUE for text that is no such ISO 8601 date, or a day or month that does not exist.
 */
export function isoDate(value: string | undefined | null, field: string): string | null {
  if (!value) return null;
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not an ISO 8601 date`);
  const date = `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not a valid date`);
  }
  return date;
}

/** `YYYY[-MM[-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:]MM]]]]`, the forms {@link isoDate} accepts. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A decimal number as written in a data file: an optional sign, digits, optionally grouped in
 * thousands by commas or spaces (`1,234,567.5`, `1 234`), an optional decimal point and an
 * optional exponent (`1e3`). JS's Number() alone also reads `0x10`, `0b11` and `0o7`, and
 * stripping separators before it read the European `1.234,567` as 1.234567; those are refused.
 */
const DECIMAL = /^[+-]?(?:(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number parsed from text ({@link DECIMAL}), or null when empty. @throws RecordError INVALID_VALUE otherwise. */
export function number(value: string | undefined | null, field: string): number | null {
  if (value === undefined || value === null || value.trim() === "") return null;
  const text = value.trim();
  const n = DECIMAL.test(text) ? Number(text.replace(/[,\s]/g, "")) : NaN;
  if (!Number.isFinite(n)) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not a decimal number (digits, optional thousands commas, a decimal point)`);
  return n;
}

/** {@link number}, and not below zero (a quantity or an amount). @throws RecordError INVALID_VALUE otherwise. */
export function nonNegative(value: string | undefined | null, field: string): number | null {
  const n = number(value, field);
  if (n !== null && n < 0) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is negative`);
  return n;
}

/**
 * ISO 4217 alphabetic currency codes: those of the ICU data Node ships
 * (`Intl.supportedValuesOf("currency")`, current and historic ones), and XXX, ISO 4217's code
 * for "no currency", which ICU leaves out.
 */
const CURRENCY_CODES = new Set([...Intl.supportedValuesOf("currency"), "XXX"]);

/**
 * A currency as an ISO 4217 code, upper-cased (`usd` → `USD`), or null when empty. Why checked:
 * amounts are summed per currency (customs aggregates), so `US$`, `€` or `USD.` would each
 * start a sum of their own.
 * @throws RecordError INVALID_VALUE for anything else.
 */
export function currencyCode(value: string | undefined | null, field: string): string | null {
  const code = (value ?? "").trim().toUpperCase();
  if (code === "") return null;
  if (!CURRENCY_CODES.has(code)) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not an ISO 4217 currency code (USD, EUR, CNY, …)`);
  return code;
}

/**
 * True for an HS code's first two digits that name a chapter of the Harmonized System: 01–97,
 * but 77, which the WCO keeps reserved (HS Nomenclature, 2022 edition). `0000` or `9900` are
 * not HS codes.
 */
export function isHsChapter(code: string): boolean {
  const chapter = Number(code.slice(0, 2));
  return Number.isInteger(chapter) && chapter >= 1 && chapter <= 97 && chapter !== 77;
}

/** A relationship backed by one record, as a dataset states it (REPORTED, with its default confidence). */
export function reportedRelationship(
  ctx: MapContext,
  record: InputRecord<unknown>,
  rel: {
    id: string;
    type: RelationshipType;
    start: string;
    end: string;
    validFrom?: string | null;
    validTo?: string | null;
    props?: Record<string, PropertyValue>;
    statedOn?: string | null;
    shipment?: ShipmentStatement;
    idPrefix?: string;
  },
  status: ClaimStatus = "REPORTED",
): RelationshipFact {
  return {
    id: rel.id,
    type: rel.type,
    start: rel.start,
    end: rel.end,
    status,
    confidence: STATUS_CONFIDENCE[status],
    validFrom: rel.validFrom ?? null,
    validTo: rel.validTo ?? null,
    props: rel.props ?? {},
    evidence: recordEvidence(ctx, record),
    statedOn: rel.statedOn ?? null,
    ...(rel.shipment ? { shipment: rel.shipment } : {}),
    ...(rel.idPrefix ? { idPrefix: rel.idPrefix } : {}),
  };
}

/**
 * The id of a relationship keyed by its endpoints, `<prefix>:<start>><end>` (customs
 * aggregates: `customs-agg-8806:party-hk-x>party-ru-y`, namespaced through the prefix).
 */
export function endpointId(prefix: string, start: string, end: string): string {
  return `${prefix}:${start}>${end}`;
}
