import { CLAIM_STATUSES, STATUS_CONFIDENCE, type ClaimStatus } from "../model/vocabulary.js";

/**
 * Hedging words and the status each implies, after the seed's confidence mapping
 * (docs/routes.md, "The seed graph and its confidence mapping"): "likely" is LIKELY; "there is a
 * possibility", "may", "might", "could" are POSSIBLE; "difficult to confirm", "unconfirmed",
 * "could not be verified" are UNCONFIRMED. Whole words only, case-insensitive ("unlikely" is
 * not "likely"). The list is ours; extend it with care, as every word here can raise a warning.
 */
const HEDGES: readonly { readonly pattern: RegExp; readonly implies: ClaimStatus }[] = [
  { pattern: /\bdifficult to (?:\w+ )?(?:confirm|verify|identify|establish)\b/giu, implies: "UNCONFIRMED" },
  { pattern: /\b(?:unconfirmed|unverified|unsubstantiated)\b/giu, implies: "UNCONFIRMED" },
  { pattern: /\b(?:could|can) not (?:be )?(?:confirm|verif|independently)\w*/giu, implies: "UNCONFIRMED" },
  { pattern: /\bcannot (?:be )?(?:confirm|verif|independently)\w*/giu, implies: "UNCONFIRMED" },
  { pattern: /\b(?:possibility|possibly|possible|perhaps|allegedly|alleged|suspected|may|might|could)\b/giu, implies: "POSSIBLE" },
  { pattern: /\b(?:likely|probably|probable|apparently)\b/giu, implies: "LIKELY" },
];

/** How certain each status is: its index in CLAIM_STATUSES from the weakest (UNCONFIRMED = 0) to REPORTED. */
export function certainty(status: ClaimStatus): number {
  return CLAIM_STATUSES.length - 1 - CLAIM_STATUSES.indexOf(status);
}

/** A hedge found in a quote. */
export interface HedgeFound {
  /** The words as they appear in the quote ("there is a possibility" shows as "possibility"). */
  readonly words: string;
  /** The status those words imply. */
  readonly implies: ClaimStatus;
}

/** Every hedge in `quote`, in order of appearance. */
export function findHedges(quote: string): HedgeFound[] {
  const found: { at: number; hedge: HedgeFound }[] = [];
  for (const { pattern, implies } of HEDGES) {
    for (const m of quote.matchAll(pattern)) found.push({ at: m.index, hedge: { words: m[0], implies } });
  }
  const seen = new Set<number>();
  return found
    .sort((a, b) => a.at - b.at)
    .filter((f) => (seen.has(f.at) ? false : (seen.add(f.at), true)))
    .map((f) => f.hedge);
}

/**
 * Warnings for quotes whose hedging contradicts `status`: the status claims more certainty than
 * the words of its source ("there is a possibility" behind a REPORTED claim). One warning per
 * quote, naming the weakest hedge in it and the status it suggests. Quotes that agree, or are
 * more certain than the status, give none.
 */
export function hedgeWarnings(status: ClaimStatus, quotes: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const quote of new Set(quotes)) {
    const weakest = findHedges(quote).sort((a, b) => certainty(a.implies) - certainty(b.implies))[0];
    if (!weakest || certainty(weakest.implies) >= certainty(status)) continue;
    const short = quote.length > 80 ? `${quote.slice(0, 77)}…` : quote;
    warnings.push(
      `The quote "${short}" says "${weakest.words}", which suggests ${weakest.implies} (confidence ${STATUS_CONFIDENCE[weakest.implies]}); ` +
        `the claim's status ${status} (${STATUS_CONFIDENCE[status]}) is more certain than its source.`,
    );
  }
  return warnings;
}
