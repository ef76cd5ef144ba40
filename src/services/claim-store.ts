import { randomBytes } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { Row } from "../db/run.js";
import { runIn } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { AppError, BadUserInputError, ConflictError, ErrorCode } from "../errors.js";
import { assessClaim, type EvidenceRole, type SourceOrigin } from "../claims/corroboration.js";
import { hedgeWarnings } from "../claims/hedges.js";
import { locateQuote, type LocatedQuote, type QuoteRequest } from "../claims/quotes.js";
import { CLAIM_STATUSES, RETRACTED_STATUS, type ClaimStatus } from "../model/vocabulary.js";

/**
 * The stored shape of a claim's evidence and derived fields, and the transaction steps every
 * claim mutation shares: find and lock a claim, locate quotes in their sources, and derive
 * status, confidence and warnings from the evidence (src/claims/corroboration.ts).
 */

/** A claim read inside a write transaction, after its lock was taken. */
export interface LockedClaim {
  readonly id: string;
  readonly elementId: string;
  /** Its stored properties, plus `type`, `start`, `end` (see claim-by-id.cypher). */
  readonly props: Record<string, Plain>;
  /** Publisher and cites of the sources its evidence quotes. */
  readonly sources: ReadonlyMap<string, SourceOrigin>;
}

/** The evidence arrays of a claim, kept parallel (one entry per quote). */
export interface EvidenceArrays {
  evidenceQuotes: string[];
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceSourceIds: string[];
  evidenceRoles: EvidenceRole[];
  evidenceNotes: string[];
}

/** Properties that are ours, not the claim's: never in a revision. */
const INTERNAL = new Set(["_lock"]);

/** A claim's stored properties as a revision's before/after records them. */
export function snapshot(props: Record<string, Plain>): Record<string, Plain> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !INTERNAL.has(k)));
}

/**
 * Finds a claim by id and takes its write lock (lock-relationship), then reads it again, so the
 * state returned is the latest committed one and stays so until the transaction ends.
 * @throws AppError NOT_FOUND for an unknown id; BadUserInputError when several types use the id.
 */
export async function lockClaim(tx: ManagedTransaction, id: string): Promise<LockedClaim> {
  const first = await findClaim(tx, id);
  await runIn(tx, "lock-relationship", { elementId: first.elementId });
  const row = await findClaim(tx, id);
  return { id, elementId: String(row.elementId), props: row.rel as Record<string, Plain>, sources: originsOf(row) };
}

/** The one claim row with this id (claim-by-id.cypher). */
export async function findClaim(tx: ManagedTransaction, id: string): Promise<Row & { elementId: string }> {
  const rows = await runIn(tx, "claim-by-id", { id });
  if (rows.length === 0) throw new AppError(`No claim with id ${JSON.stringify(id)}.`, ErrorCode.NOT_FOUND, { ids: [id] });
  if (rows.length > 1) {
    const types = rows.map((r) => plainText((r.rel as Record<string, Plain>).type));
    throw new BadUserInputError(`The id ${JSON.stringify(id)} names ${rows.length} relationships (${types.join(", ")}); claim mutations need a unique id.`, {
      argument: "claimId",
      types,
    });
  }
  return rows[0] as Row & { elementId: string };
}

/** Publisher and cites of each source in a claim-by-id row. */
export function originsOf(row: Row): Map<string, SourceOrigin> {
  const map = new Map<string, SourceOrigin>();
  for (const s of (row.sources ?? []) as Record<string, Plain>[]) {
    map.set(plainText(s.id), {
      id: plainText(s.id),
      publisher: s.publisher === null || s.publisher === undefined ? null : plainText(s.publisher),
      cites: Array.isArray(s.cites) ? s.cites.map(String) : [],
    });
  }
  return map;
}

/** The evidence arrays of stored properties; seed and import claims have no roles or notes (all CORROBORATING). */
export function evidenceOf(props: Record<string, Plain>): EvidenceArrays {
  const list = (v: Plain | undefined) => (Array.isArray(v) ? v : []);
  const quotes = list(props.evidenceQuotes).map(String);
  return {
    evidenceQuotes: quotes,
    evidenceStarts: list(props.evidenceStarts).map(Number),
    evidenceEnds: list(props.evidenceEnds).map(Number),
    evidenceSourceIds: list(props.evidenceSourceIds).map(String),
    evidenceRoles: quotes.map((_, i) => (list(props.evidenceRoles)[i] === "DISPUTING" ? "DISPUTING" : "CORROBORATING")),
    evidenceNotes: quotes.map((_, i) => plainText(list(props.evidenceNotes)[i])),
  };
}

/**
 * Locates each quote in its source's stored text (sources-for-evidence.cypher), in the write
 * transaction, so a quote is checked against the text as stored.
 * @returns the located quotes and the origins (publisher, cites) of their sources.
 * @throws AppError NOT_FOUND listing unknown source ids; BadUserInputError for a source without
 *   text (an imported dataset) or a quote that is not in its text (see locateQuote).
 */
export async function locateEvidence(
  tx: ManagedTransaction,
  requests: readonly QuoteRequest[],
): Promise<{ quotes: LocatedQuote[]; sources: Map<string, SourceOrigin> }> {
  const ids = [...new Set(requests.map((r) => r.sourceId))];
  const rows = await runIn(tx, "sources-for-evidence", { ids });
  const byId = new Map(rows.map((r) => [plainText((r.source as Record<string, Plain>).id), r.source as Record<string, Plain>]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw new AppError(`No source with id ${missing.map((m) => JSON.stringify(m)).join(", ")}; add it with addSource first.`, ErrorCode.NOT_FOUND, {
      ids: missing,
    });
  const quotes = requests.map((request) => {
    const text = byId.get(request.sourceId)!.text;
    if (typeof text !== "string") {
      throw new BadUserInputError(`Source ${request.sourceId} stores no text (an imported dataset), so no quote can be checked against it.`, {
        argument: "evidence",
        sourceId: request.sourceId,
      });
    }
    return locateQuote(text, request);
  });
  const sources = new Map<string, SourceOrigin>();
  for (const [id, s] of byId)
    sources.set(id, {
      id,
      publisher: s.publisher === null || s.publisher === undefined ? null : plainText(s.publisher),
      cites: Array.isArray(s.cites) ? s.cites.map(String) : [],
    });
  return { quotes, sources };
}

/**
 * Most evidence quotes one claim holds, supporting and disputing together. Each quote is at most
 * 2 000 characters, so a claim's evidence stays under about 800 KB, however often it is
 * corroborated: every read of the claim (routes, exports) and every revision carries the lists
 * whole, and without a bound each corroborate made them longer for ever.
 */
export const MAX_EVIDENCE_PER_CLAIM = 200;

/**
 * Appends located quotes with a role (and note) to evidence arrays, skipping quotes already there with the same role.
 * @throws BadUserInputError (`extensions.max`) when the claim would hold more than {@link MAX_EVIDENCE_PER_CLAIM} quotes.
 */
export function appendEvidence(
  arrays: EvidenceArrays,
  quotes: readonly LocatedQuote[],
  role: EvidenceRole,
  note: string | null,
): { arrays: EvidenceArrays; added: number } {
  const out: EvidenceArrays = {
    evidenceQuotes: [...arrays.evidenceQuotes],
    evidenceStarts: [...arrays.evidenceStarts],
    evidenceEnds: [...arrays.evidenceEnds],
    evidenceSourceIds: [...arrays.evidenceSourceIds],
    evidenceRoles: [...arrays.evidenceRoles],
    evidenceNotes: [...arrays.evidenceNotes],
  };
  let added = 0;
  for (const q of quotes) {
    const known = out.evidenceSourceIds.some(
      (id, i) => id === q.sourceId && out.evidenceStarts[i] === q.start && out.evidenceEnds[i] === q.end && out.evidenceRoles[i] === role,
    );
    if (known) continue;
    out.evidenceQuotes.push(q.quote);
    out.evidenceStarts.push(q.start);
    out.evidenceEnds.push(q.end);
    out.evidenceSourceIds.push(q.sourceId);
    out.evidenceRoles.push(role);
    out.evidenceNotes.push(note ?? "");
    added += 1;
  }
  if (added > 0 && out.evidenceQuotes.length > MAX_EVIDENCE_PER_CLAIM) {
    throw new BadUserInputError(
      `A claim holds at most ${MAX_EVIDENCE_PER_CLAIM} evidence quotes; this one has ${arrays.evidenceQuotes.length} and ${added} would be added. Cite its strongest sources instead of every passage.`,
      { argument: "evidence", max: MAX_EVIDENCE_PER_CLAIM, current: arrays.evidenceQuotes.length },
    );
  }
  return { arrays: out, added };
}

/** The status a claim's source or editor gave it: `assertedStatus`, else its stored status (seed and imports). */
export function assertedStatusOf(props: Record<string, Plain>): ClaimStatus {
  const s = plainText(props.assertedStatus ?? props.status);
  return (CLAIM_STATUSES as readonly string[]).includes(s) ? (s as ClaimStatus) : "REPORTED";
}

/** The explicit confidence the rule starts from: `baseConfidence`, else (seed and imports) the stored confidence. */
export function baseConfidenceOf(props: Record<string, Plain>): number | null {
  if ("baseConfidence" in props) return props.baseConfidence === null ? null : Number(props.baseConfidence);
  return typeof props.confidence === "number" ? props.confidence : null;
}

/**
 * Status, confidence and warnings of a claim from its asserted status, base confidence and
 * evidence (src/claims/corroboration.ts, src/claims/hedges.ts). A retracted claim keeps
 * RETRACTED and its confidence; the rest is still computed, for when it is reinstated.
 */
export function derive(
  asserted: ClaimStatus,
  baseConfidence: number | null,
  arrays: EvidenceArrays,
  sources: ReadonlyMap<string, SourceOrigin>,
  retracted: boolean,
) {
  const assessment = assessClaim({
    assertedStatus: asserted,
    baseConfidence,
    evidence: arrays.evidenceSourceIds.map((sourceId, i) => ({ sourceId, role: arrays.evidenceRoles[i]! })),
    sources,
  });
  const supporting = arrays.evidenceQuotes.filter((_, i) => arrays.evidenceRoles[i] === "CORROBORATING");
  return {
    status: retracted ? RETRACTED_STATUS : assessment.status,
    confidence: assessment.confidence,
    warnings: hedgeWarnings(assessment.status, supporting),
    assessment,
  };
}

/**
 * Checks an editor's expectedVersion against the stored one.
 * @throws ConflictError with `currentVersion` when they differ.
 */
export function checkVersion(kind: string, id: string, current: number, expected: number | null | undefined): void {
  if (expected === null || expected === undefined || expected === current) return;
  throw new ConflictError(
    `${kind} ${id} is at version ${current}, not the expectedVersion ${expected}: someone changed it since you read it. Read it again, then retry.`,
    {
      currentVersion: current,
      expectedVersion: expected,
    },
  );
}

/** The stored version (1 for a seed or import claim). */
export function versionOf(props: Record<string, Plain>): number {
  return typeof props.version === "number" ? props.version : 1;
}

/** A readable id for a new claim (`<from>-<type>-<to>`, at most 120 characters), with a random suffix when taken. */
export async function newClaimId(tx: ManagedTransaction, from: string, type: string, to: string): Promise<string> {
  const base = `${from}-${type.toLowerCase().replace(/_/g, "-")}-${to}`.slice(0, 120);
  const taken = await runIn(tx, "claim-by-id", { id: base });
  return taken.length === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
}
