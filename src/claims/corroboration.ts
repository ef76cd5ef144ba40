import { CLAIM_STATUSES, STATUS_CONFIDENCE, type ClaimStatus } from "../model/vocabulary.js";

/**
 * The corroboration rule: how a claim's evidence sets its status and confidence. Documented in
 * docs/routes.md ("Corroboration, disputes and retraction"), with its sources:
 *
 * 1. Sources are grouped by **origin**. A source's origin names are its publisher (or, without
 *    one, its own id) and every name in its `cites`. Two sources whose origin names meet are one
 *    origin: the same publisher twice, or one outlet relaying another (The Insider citing The New
 *    York Times and The New York Times itself). This is the Admiralty code's (NATO STANAG 2511)
 *    "confirmed by other *independent* sources": a relay is not a second source.
 * 2. Each disputing origin demotes the status by one step (REPORTED → LIKELY → POSSIBLE →
 *    UNCONFIRMED, no lower); the confidence then starts from the demoted status's.
 * 3. With k corroborating origins the confidence rises from its base c0 towards the ceiling C,
 *    the next stronger status's confidence (1 for REPORTED), closing half the remaining gap per
 *    further origin: c = c0 + (C − c0)(1 − 2^−(k−1)). One origin leaves it at c0; it never
 *    reaches C, so a hedged claim stays below a reported one however often it is repeated.
 */

/** Evidence roles: supports the claim, or contradicts it (disputeClaim). */
export const EVIDENCE_ROLES = ["CORROBORATING", "DISPUTING"] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

/** What the rule needs of a source. */
export interface SourceOrigin {
  readonly id: string;
  readonly publisher: string | null;
  readonly cites: readonly string[];
}

/** The inputs of the rule. */
export interface ClaimAssessmentInput {
  /** The status the source's wording (or an editor's setClaimStatus) gives the claim. */
  readonly assertedStatus: ClaimStatus;
  /** An explicit confidence in [0, 1] given for the claim, or null for the status's default. */
  readonly baseConfidence: number | null;
  /** Each evidence entry's source id and role. */
  readonly evidence: readonly { readonly sourceId: string; readonly role: EvidenceRole }[];
  /** The sources the evidence cites, by id; a missing one counts as its own origin. */
  readonly sources: ReadonlyMap<string, SourceOrigin>;
}

/** What the rule decides. */
export interface ClaimAssessment {
  readonly status: ClaimStatus;
  /** In [0, 1], rounded to 6 decimal places. */
  readonly confidence: number;
  /** Independent origins among the corroborating sources. */
  readonly corroboratingOrigins: number;
  /** Independent origins among the disputing sources. */
  readonly disputingOrigins: number;
}

/** Applies the rule (see the file's comment). */
export function assessClaim(input: ClaimAssessmentInput): ClaimAssessment {
  const ofRole = (role: EvidenceRole) => [...new Set(input.evidence.filter((e) => e.role === role).map((e) => e.sourceId))];
  const origin = (id: string): SourceOrigin => input.sources.get(id) ?? { id, publisher: null, cites: [] };
  const k = Math.max(1, countOrigins(ofRole("CORROBORATING").map(origin)));
  const d = countOrigins(ofRole("DISPUTING").map(origin));
  const status = demote(input.assertedStatus, d);
  const c0 = d === 0 && input.baseConfidence !== null ? input.baseConfidence : STATUS_CONFIDENCE[status];
  const ceiling = strongerConfidence(status);
  const raised = c0 >= ceiling ? c0 : Number((c0 + (ceiling - c0) * (1 - 2 ** -(k - 1))).toFixed(6));
  // Rounding must not carry a raised confidence up to the ceiling (30 origins would round to it).
  const confidence = c0 < ceiling && raised >= ceiling ? Number((ceiling - 1e-6).toFixed(6)) : raised;
  return { status, confidence, corroboratingOrigins: k, disputingOrigins: d };
}

/**
 * How many independent origins `sources` come from: connected groups of sources whose origin
 * names (publisher or own id, and cites; compared case-, punctuation- and leading-"the"-blind)
 * meet. Union-find over the names.
 */
export function countOrigins(sources: readonly SourceOrigin[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const firsts: string[] = [];
  for (const s of sources) {
    const names = [s.publisher ? originName(s.publisher) : `source:${s.id}`, ...s.cites.map(originName)].filter(Boolean);
    for (const n of names) if (!parent.has(n)) parent.set(n, n);
    for (const n of names.slice(1)) parent.set(find(n), find(names[0]!));
    firsts.push(names[0]!);
  }
  return new Set(firsts.map(find)).size;
}

/** An origin name compared blind to case, punctuation, spacing and a leading "the": "The New York Times" = "new york times". */
export function originName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function demote(status: ClaimStatus, steps: number): ClaimStatus {
  const i = Math.min(CLAIM_STATUSES.length - 1, CLAIM_STATUSES.indexOf(status) + steps);
  return CLAIM_STATUSES[i]!;
}

/** The confidence of the next stronger status (1 above REPORTED): the rule's ceiling. */
function strongerConfidence(status: ClaimStatus): number {
  const i = CLAIM_STATUSES.indexOf(status);
  return i === 0 ? 1 : STATUS_CONFIDENCE[CLAIM_STATUSES[i - 1]!];
}
