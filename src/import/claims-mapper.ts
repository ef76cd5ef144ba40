import { CLAIM_STATUSES, isRelationshipType, STATUS_CONFIDENCE, type ClaimStatus } from "../model/vocabulary.js";
import { digest, entityId, interval, MAX_ENTITY_ID_LENGTH, MAX_NAMESPACE_LENGTH, number, scopedId, type MapContext } from "./facts.js";
import { RecordError, type InputRecord, type PublicationFact, type RecordFacts } from "./types.js";

/** The fields of a claim row (CSV header or JSONL keys). */
export const CLAIM_FIELDS = ["from", "to", "type", "confidence", "status", "quote", "source_url", "source_title", "valid_from", "valid_to"] as const;
/** Fields every claim needs. */
export const REQUIRED_CLAIM_FIELDS = ["from", "to", "type", "status"] as const;

/**
 * Longest `from`/`to` of a claim, in characters (297): an entity id an input gives
 * (MAX_ENTITY_ID_LENGTH) behind the longest namespace and its `:`, since claims name stored ids
 * (`ns:own-1`) as they are.
 */
export const MAX_CLAIM_ID_LENGTH = MAX_ENTITY_ID_LENGTH + MAX_NAMESPACE_LENGTH + 1;

type ClaimRow = Partial<Record<(typeof CLAIM_FIELDS)[number], unknown>>;

/**
 * Maps an analyst's claim to one relationship between two EXISTING entities (ids such as
 * `dji`; a claim naming an unknown id is rejected as UNKNOWN_ENTITY, so a typo cannot create a
 * stray node). `type` must be allow-listed, `status` one of CLAIM_STATUSES, `confidence` in
 * [0, 1] (default: the status's). The quote's source is a :Source node keyed by `source_url`
 * (else the dataset itself); start and end are the claim's line numbers in the file.
 * The relationship id is a digest of from, to, type, quote and source, so a re-import merges.
 * `from` and `to` must be ids an import can have made (facts.ts entityId: no `#`, at most
 * {@link MAX_CLAIM_ID_LENGTH} characters, so a huge id never reaches the index lookup);
 * `valid_from`/`valid_to` must make an interval (facts.ts interval: `valid_to` `2023` ends 2023-12-31).
 * @throws RecordError INVALID_VALUE.
 */
export function mapClaim(ctx: MapContext, record: InputRecord<ClaimRow>): RecordFacts {
  const row = record.value;
  const text = (field: (typeof CLAIM_FIELDS)[number]): string => {
    const v = row[field];
    if (v === undefined || v === null) return "";
    if (typeof v !== "string" && typeof v !== "number") throw new RecordError("INVALID_VALUE", `${field}: expected a string`);
    return String(v).trim();
  };
  for (const f of REQUIRED_CLAIM_FIELDS) if (text(f) === "") throw new RecordError("INVALID_VALUE", `${f} is empty`);
  const type = text("type").toUpperCase();
  if (!isRelationshipType(type)) throw new RecordError("INVALID_VALUE", `type: ${JSON.stringify(text("type"))} is not an allowed relationship type`);
  const status = text("status").toUpperCase() as ClaimStatus;
  if (!CLAIM_STATUSES.includes(status))
    throw new RecordError("INVALID_VALUE", `status: ${JSON.stringify(text("status"))} is not one of ${CLAIM_STATUSES.join(", ")}`);
  const confidence = text("confidence") === "" ? STATUS_CONFIDENCE[status] : number(text("confidence"), "confidence")!;
  if (!Number.isFinite(confidence) || confidence < 0 || confidence > 1)
    throw new RecordError("INVALID_VALUE", `confidence: ${JSON.stringify(text("confidence"))} is not a number in [0, 1]`);
  const url = text("source_url") || null;
  if (url && !/^https?:\/\/\S+$/i.test(url)) throw new RecordError("INVALID_VALUE", `source_url: ${JSON.stringify(url)} is not an http(s) URL`);
  const publications: PublicationFact[] = url ? [{ id: `url-${digest(url)}`, title: text("source_title") || url, url }] : [];
  const quote = text("quote") || record.text;
  const from = entityId(text("from"), "from", MAX_CLAIM_ID_LENGTH);
  const to = entityId(text("to"), "to", MAX_CLAIM_ID_LENGTH);
  const { validFrom, validTo } = interval(text("valid_from"), text("valid_to"), "valid_from", "valid_to");
  return {
    entities: [],
    countries: [],
    publications,
    requiredIds: [from, to],
    relationships: [
      {
        id: scopedId(ctx, `claim-${digest(from, to, type, quote, url ?? "")}`),
        type,
        start: from,
        end: to,
        status,
        confidence,
        validFrom,
        validTo,
        props: { note: "analyst claim" },
        evidence: { quote, start: record.line, end: record.endLine, sourceId: publications[0]?.id ?? ctx.sourceId },
      },
    ],
  };
}

/** A claims CSV row as a {@link ClaimRow}, by header name. */
export function claimFromCsv(header: readonly string[], values: readonly string[]): ClaimRow {
  return Object.fromEntries(header.map((h, i) => [h.trim().toLowerCase(), values[i]]));
}
