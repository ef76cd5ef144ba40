import { BadUserInputError } from "../errors.js";
import { CLAIM_STATUSES, isRelationshipType, type ClaimStatus, type RelationshipType } from "../model/vocabulary.js";
import type { QuoteRequest } from "../claims/quotes.js";
import { entityId, isoDate, numberInRange } from "./validate.js";

/** Most evidence quotes one mutation adds. */
export const MAX_EVIDENCE_PER_MUTATION = 20;

/** Longest reason or note, in characters. */
export const MAX_REASON_LENGTH = 2000;

/** addClaim's input. */
export interface ClaimInput {
  /** Entity id where the claim starts (for flows: where goods or money come from). */
  readonly from: string;
  readonly to: string;
  /** Allow-listed relationship type. */
  readonly type: string;
  /** The source's certainty, from its wording (docs/routes.md). */
  readonly status: string;
  /** Explicit confidence in [0, 1]; default the status's. */
  readonly confidence?: number | null;
  /** ISO 8601 dates (YYYY-MM-DD). */
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  /** The source's own words that set the status; default the first hedge found in the quotes. */
  readonly hedge?: string | null;
  readonly note?: string | null;
  readonly evidence: readonly QuoteRequest[];
}

/** A checked ClaimInput. */
export interface CheckedClaim {
  readonly from: string;
  readonly to: string;
  readonly type: RelationshipType;
  readonly status: ClaimStatus;
  readonly confidence: number | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly hedge: string | null;
  readonly note: string | null;
  readonly evidence: readonly QuoteRequest[];
}

/**
 * Checks addClaim's input.
 * @throws BadUserInputError naming the field: unknown type or status (RETRACTED is set by
 *   retractClaim only), from = to, a confidence outside [0, 1], a malformed date or validFrom
 *   after validTo, no evidence or more than 20 quotes.
 */
export function checkClaimInput(input: ClaimInput): CheckedClaim {
  const from = entityId("from", input.from);
  const to = entityId("to", input.to);
  if (from === to) throw new BadUserInputError("from and to are the same entity; a claim links two different entities", { argument: "to" });
  if (!isRelationshipType(input.type))
    throw new BadUserInputError(`type ${JSON.stringify(input.type)} is not an allowed relationship type`, { argument: "type" });
  const status = claimStatus("status", input.status);
  const confidence = input.confidence === null || input.confidence === undefined ? null : numberInRange("confidence", input.confidence, 0, 1);
  const validFrom = input.validFrom ? isoDate("validFrom", input.validFrom) : null;
  const validTo = input.validTo ? isoDate("validTo", input.validTo) : null;
  if (validFrom && validTo && validFrom > validTo) throw new BadUserInputError(`validFrom ${validFrom} is after validTo ${validTo}`, { argument: "validTo" });
  return {
    from,
    to,
    type: input.type,
    status,
    confidence,
    validFrom,
    validTo,
    hedge: text("hedge", input.hedge, 500),
    note: text("note", input.note, MAX_REASON_LENGTH),
    evidence: checkEvidence(input.evidence),
  };
}

/** One of the four claim statuses; RETRACTED is refused (retractClaim sets it). */
export function claimStatus(name: string, value: string): ClaimStatus {
  if (!(CLAIM_STATUSES as readonly string[]).includes(value)) {
    throw new BadUserInputError(`${name} must be one of ${CLAIM_STATUSES.join(", ")}${value === "RETRACTED" ? "; retract a claim with retractClaim" : ""}`, {
      argument: name,
    });
  }
  return value as ClaimStatus;
}

/** 1 to {@link MAX_EVIDENCE_PER_MUTATION} quotes, each naming a source. */
export function checkEvidence(evidence: readonly QuoteRequest[] | null | undefined): QuoteRequest[] {
  const list = [...(evidence ?? [])];
  if (list.length === 0 || list.length > MAX_EVIDENCE_PER_MUTATION) {
    throw new BadUserInputError(`evidence must hold 1 to ${MAX_EVIDENCE_PER_MUTATION} quotes; got ${list.length}`, { argument: "evidence" });
  }
  for (const e of list) entityId("evidence.sourceId", e.sourceId);
  return list;
}

/** A required reason or note: 1 to 2000 characters. */
export function reasonText(name: string, value: string | null | undefined): string {
  const v = text(name, value, MAX_REASON_LENGTH);
  if (v === null) throw new BadUserInputError(`${name} must say why, in 1 to ${MAX_REASON_LENGTH} characters`, { argument: name });
  return v;
}

function text(name: string, value: string | null | undefined, max: number): string | null {
  const v = value?.trim() ?? "";
  if (v.length > max) throw new BadUserInputError(`${name} must be at most ${max} characters`, { argument: name });
  return v === "" ? null : v;
}
