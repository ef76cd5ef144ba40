import { createHash } from "node:crypto";
import { ImportFileError } from "./import-errors.js";
import { STATUS_CONFIDENCE, type ClaimStatus, type RelationshipType } from "../model/vocabulary.js";
import { countryName } from "./ftm-model.js";
import {
  RecordError,
  type CountryFact,
  type EvidenceFact,
  type InputRecord,
  type PropertyValue,
  type RelationshipFact,
  type ShipmentStatement,
} from "./types.js";

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
  /**
   * FtM: ids of the Country nodes our export wrote earlier in the file (ftm-native.ts), which keep
   * their ids in any namespace, as every country does; references to them follow ({@link referenceId}).
   */
  readonly nativeCountries?: Set<string>;
  /**
   * Customs aggregates: the declarations (digest of source and record id) the import has summed,
   * so a repeated declaration is summed once, as per-declaration mode writes it once (customs-mapper.ts).
   */
  readonly declarations?: Set<string>;
}

/** The graph id of an entity named `raw` by the input, namespaced (cf. FtM's namespacing of ids). */
export function scopedId(ctx: MapContext, raw: string): string {
  return ctx.namespace ? `${ctx.namespace}:${raw}` : raw;
}

/** The graph id of an FtM reference: {@link scopedId}, but a Country our export wrote earlier in the file keeps its id, as countries do. */
export function referenceId(ctx: MapContext, raw: string): string {
  return ctx.nativeCountries?.has(raw) ? raw : scopedId(ctx, raw);
}

/**
 * Longest entity id an input may give, in characters (256), before a namespace prefix. Ids are
 * keys of the unique index `entity_id` (cypher/schema.cypher), and Neo4j refuses a key over about
 * 8 KiB ("Property value is too large to index"), failing the batch's whole transaction after
 * earlier batches were written; FollowTheMoney ids are 40-digit hashes or short slugs.
 */
export const MAX_ENTITY_ID_LENGTH = 256;

/**
 * Longest namespace, in characters (40): the `--namespace` rule in importer.ts (1–40 of a–z, 0–9,
 * `_` and `-`). A stored id is at most {@link MAX_ENTITY_ID_LENGTH} + this + 1 (`ns:`) long.
 */
export const MAX_NAMESPACE_LENGTH = 40;

/**
 * Checks an import namespace (`--namespace`, `import:delete <ns>`): 1 to {@link MAX_NAMESPACE_LENGTH}
 * characters of a–z, 0–9, `_` and `-`, so that `<ns>:` prefixes ids unambiguously.
 * @throws ImportFileError BAD_OPTION otherwise.
 */
export function checkNamespace(namespace: string): void {
  if (!new RegExp(`^[a-z0-9_-]{1,${MAX_NAMESPACE_LENGTH}}$`).test(namespace)) {
    throw new ImportFileError("BAD_OPTION", `namespace: 1–${MAX_NAMESPACE_LENGTH} characters of a–z, 0–9, _ and -`);
  }
}

/** Joins a link's id and the number of each of its relationships after the first (`own-1#1`, ftm-mapper.ts); never in an entity id ({@link entityId}). */
export const LINK_ID_SEPARATOR = "#";

/**
 * `raw` trimmed, checked as an id that an input gives for an entity (its own id, a reference
 * to another, a link's endpoint, a claim's `from`/`to`): a string holding more than white space,
 * at most `maxLength` characters (UTF-16 code units; default {@link MAX_ENTITY_ID_LENGTH}) and
 * no {@link LINK_ID_SEPARATOR} (`#` numbers a link's relationships, so an id holding one could
 * take another link's relationship id; FollowTheMoney's own rule for ids,
 * followthemoney/types/entity.py, allows letters, digits, `.` and `-` only).
 * @throws RecordError INVALID_VALUE naming `field` otherwise.
 */
export function entityId(raw: unknown, field: string, maxLength: number = MAX_ENTITY_ID_LENGTH): string {
  if (typeof raw !== "string" || raw.trim() === "") throw new RecordError("INVALID_VALUE", `${field}: an entity id (a non-empty string) is required`);
  // Trimmed, as every other value is (an FtM id " p15 " and a reference "p15" were two nodes).
  const value = raw.trim();
  if (value.length > maxLength) {
    throw new RecordError(
      "INVALID_VALUE",
      `${field}: an entity id of ${value.length} characters (${JSON.stringify(value.slice(0, 40) + "…")}); ids are at most ${maxLength} characters`,
    );
  }
  if (value.includes(LINK_ID_SEPARATOR)) {
    throw new RecordError(
      "INVALID_VALUE",
      `${field}: ${JSON.stringify(value)}: "#" is not allowed in an entity id (FollowTheMoney ids are letters, digits, "." and "-"; actorgraph numbers a link's relationships with "#")`,
    );
  }
  return value;
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
  const name = countryName(lower);
  if (!name) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(code)} is not a country code known to FollowTheMoney`);
  return { id: `country-${lower}`, code: lower.toUpperCase(), name };
}

/** The evidence of a record: its text, its line range, the dataset as source. */
export function recordEvidence(ctx: MapContext, record: InputRecord<unknown>): EvidenceFact {
  return { quote: record.text, start: record.line, end: record.endLine, sourceId: ctx.sourceId };
}

/**
 * The date (YYYY-MM-DD) of an FtM or CSV date, or null; a year or year-month becomes its first
 * day (the value stored as `validFrom`, `validTo` or `date`; {@link interval} reads an end date as
 * the last day of its period instead). Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and that with an
 * ISO 8601 time (`T` or a space, `HH:MM[:SS[.fff]]`, then `Z` or an offset `±HH[:]MM`), whose date
 * part is kept: FollowTheMoney's date type is such a prefix of ISO 8601. Anything else is refused
 * whole: `2023/02/09`, `20230209` or `2023-02-09junk` once passed as 2023-01-01 or 2023-02-09. The
 * date must exist in the calendar (Cypher's date() refuses 2023-02-30 and would fail the whole
 * batch), so it is checked by a round trip through UTC: JS's Date.parse rolls 2023-02-30 over to
 * March 2 instead of refusing it. So must the time: hours 00–23, minutes 00–59, seconds 00–59 (60
 * for a leap second), an offset's hours 00–23 and minutes 00–59 (`T99:99` once passed).
 * @throws RecordError INVALID_VALUE for text that is no such ISO 8601 date, or a day, month or time that does not exist.
 */
export function isoDate(value: string | undefined | null, field: string): string | null {
  return parseDate(value, field)?.first ?? null;
}

/**
 * The interval `[from, to]` of a relationship as its stored `validFrom` and `validTo`, null when
 * empty: the start as {@link isoDate} gives it (a year or month starts on its first day), the end
 * as the LAST day of its period (`2023` ends 2023-12-31, `2024-02` ends 2024-02-29), since "valid
 * to 2023" means through 2023. Why stored so: route searches keep a relationship for `asOf` when
 * `validFrom <= asOf <= validTo`, and a year end stored as its first day made a claim valid from
 * 2023-06-01 to 2023 valid on no day at all. `2024` to `2023-12-31` is refused.
 * Used by every mapper that reads a start and an end date (claims, FtM links and dated things).
 * @throws RecordError INVALID_VALUE for a date {@link isoDate} refuses, or "valid from … is after
 * valid to …" when the start's first day is after the end's last day.
 */
export function interval(
  fromText: string | undefined | null,
  toText: string | undefined | null,
  fromField: string,
  toField: string,
): { validFrom: string | null; validTo: string | null } {
  const from = parseDate(fromText, fromField);
  const to = parseDate(toText, toField);
  // ISO 8601 dates (YYYY-MM-DD), so string order is date order.
  if (from && to && from.first > to.last) {
    const end = to.precision === "day" ? "" : `, the last day of that ${to.precision}`;
    throw new RecordError(
      "INVALID_VALUE",
      `valid from ${from.first} (${fromField} ${JSON.stringify(fromText)}) is after valid to ${to.last} (${toField} ${JSON.stringify(toText)}${end})`,
    );
  }
  return { validFrom: from?.first ?? null, validTo: to?.last ?? null };
}

/**
 * The first and the last day (YYYY-MM-DD) of the period an ISO 8601 date names, and its
 * precision (`2023`: 2023-01-01, 2023-12-31, year), or null when empty.
 * @throws RecordError INVALID_VALUE as {@link isoDate}.
 */
function parseDate(value: string | undefined | null, field: string): { first: string; last: string; precision: "year" | "month" | "day" } | null {
  if (!value) return null;
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not an ISO 8601 date`);
  const [, year, month, day] = m;
  const first = `${year}-${month ?? "01"}-${day ?? "01"}`;
  const parsed = new Date(`${first}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== first) {
    throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not a valid date`);
  }
  if (day) return { first, last: first, precision: "day" };
  // Gregorian calendar (Date.UTC would read years 0–99 as 1900–1999, and 1900 is no leap year).
  const y = Number(year);
  const lastMonth = month ? Number(month) : 12;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const lastDay = lastMonth === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(lastMonth) ? 30 : 31;
  return { first, last: `${year}-${month ?? "12"}-${lastDay}`, precision: month ? "month" : "year" };
}

/**
 * `YYYY[-MM[-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:]MM]]]]`, the forms {@link isoDate} accepts, with
 * hours 00–23, minutes 00–59 and seconds 00–60; groups: year, month, day.
 */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$/;

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
  if (!Number.isFinite(n))
    throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not a decimal number (digits, optional thousands commas, a decimal point)`);
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
  if (!CURRENCY_CODES.has(code))
    throw new RecordError("INVALID_VALUE", `${field}: ${JSON.stringify(value)} is not an ISO 4217 currency code (USD, EUR, CNY, …)`);
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
