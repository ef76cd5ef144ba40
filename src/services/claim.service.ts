import neo4j from "neo4j-driver";
import type { AuthService } from "../auth/auth.service.js";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/run.js";
import { runIn } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { findHedges } from "../claims/hedges.js";
import type { QuoteRequest } from "../claims/quotes.js";
import { RETRACTED_STATUS } from "../model/vocabulary.js";
import { checkClaimInput, checkEvidence, claimStatus, reasonText, type ClaimInput } from "./claim-input.js";
import {
  appendEvidence,
  assertedStatusOf,
  baseConfidenceOf,
  checkVersion,
  derive,
  evidenceOf,
  findClaim,
  locateEvidence,
  lockClaim,
  newClaimId,
  snapshot,
  versionOf,
  type LockedClaim,
} from "./claim-store.js";
import { runMutation, type MutationOutcome } from "./mutation-runner.js";
import { touched } from "./revision.service.js";
import { entityId } from "./validate.js";
import { toRelationshipView, type RelationshipView } from "./views.js";

/** Optional arguments every claim mutation takes. */
export interface WriteOptions {
  /** A retry with the same key (per caller, for 24 hours) writes nothing again and returns the claim. */
  readonly idempotencyKey?: string | null;
  /** The version the editor read; a different stored version answers CONFLICT. */
  readonly expectedVersion?: number | null;
}

/**
 * Claims written by investigators: added with verified quotes, corroborated, disputed, given a
 * status, retracted. Each mutation needs the editor role and runs the change and its revision
 * in one transaction (runMutation); the claim is locked first, so concurrent writes to it run one
 * after another and none is lost. Nothing is ever deleted.
 */
export class ClaimService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
  ) {}

  /**
   * Adds a claim (version 1). Every quote must be an exact substring of its source's stored text;
   * start/end are computed. Confidence follows the corroboration rule from the status (or the
   * explicit `confidence`) and the sources' independence. Hedge words in a quote that contradict
   * the status are returned in `warnings` (the claim is stored all the same).
   * @throws UnauthenticatedError, ForbiddenError; BadUserInputError (a quote not in its source,
   *   with the closest passage; an ambiguous quote without occurrence; bad fields); NotFoundError
   *   for unknown entities or sources; ConflictError when a live claim of the same type already
   *   links the same entities (`extensions.claimId`: corroborate it instead).
   */
  async addClaim(caller: Caller | null, input: ClaimInput, options: WriteOptions = {}): Promise<RelationshipView> {
    const who = this.auth.require(caller, "editor", "add a claim");
    const claim = checkClaimInput(input);
    const result = await runMutation(this.db, {
      caller: who,
      operation: "addClaim",
      idempotencyKey: options.idempotencyKey,
      request: claim,
      change: async (tx) => {
        const [locked] = await runIn(tx, "lock-entity", { id: claim.from });
        const [to] = await runIn(tx, "entities-by-ids", { ids: [claim.to] });
        const missing = [...(locked ? [] : [claim.from]), ...(to ? [] : [claim.to])];
        if (missing.length > 0) throw new NotFoundError(missing);
        const [existing] = await runIn(tx, "claim-between", { from: claim.from, to: claim.to, type: claim.type });
        if (existing) {
          throw new ConflictError(
            `Claim ${plainText(existing.id)} already states ${claim.type} from ${claim.from} to ${claim.to}; add your evidence to it with corroborate.`,
            {
              claimId: existing.id,
            },
          );
        }
        const { quotes, sources } = await locateEvidence(tx, claim.evidence);
        const { arrays } = appendEvidence(evidenceOf({}), quotes, "CORROBORATING", null);
        const derived = derive(claim.status, claim.confidence, arrays, sources, false);
        const id = await newClaimId(tx, claim.from, claim.type, claim.to);
        const now = new Date().toISOString();
        const props = {
          id,
          status: derived.status,
          assertedStatus: claim.status,
          baseConfidence: claim.confidence,
          confidence: derived.confidence,
          hedge: claim.hedge ?? quotes.flatMap((q) => findHedges(q.quote))[0]?.words ?? null,
          note: claim.note,
          goods: [],
          ...arrays,
          warnings: derived.warnings,
          version: neo4j.int(1),
          createdAt: now,
          createdBy: who.subject,
          updatedAt: now,
          updatedBy: who.subject,
        };
        await runIn(tx, "create-claim", { from: claim.from, to: claim.to, type: claim.type, props, validFrom: claim.validFrom, validTo: claim.validTo });
        const after = { ...props, version: 1, type: claim.type, start: claim.from, end: claim.to, validFrom: claim.validFrom, validTo: claim.validTo };
        return { targetKind: "claim", targetId: id, revisions: [{ targetKind: "claim", targetId: id, version: 1, reason: claim.note, before: null, after }] };
      },
    });
    return this.getClaim(result.targetId);
  }

  /**
   * Adds evidence that supports a claim (quotes checked as in addClaim) and recomputes its
   * confidence: a source of a new independent origin raises it; the same publisher again, or an
   * outlet relaying one already cited, does not. A quote already on the claim is not added twice;
   * when nothing is new, nothing is written.
   * @throws as addClaim; ConflictError for a stale expectedVersion or a retracted claim.
   */
  async corroborate(caller: Caller | null, claimId: string, evidence: readonly QuoteRequest[], options: WriteOptions = {}): Promise<RelationshipView> {
    const who = this.auth.require(caller, "editor", "corroborate a claim");
    const checked = checkEvidence(evidence);
    return this.change(who, "corroborate", claimId, { evidence: checked }, options, async (tx, claim) => {
      this.refuseRetracted(claim, "corroborated");
      const { quotes, sources } = await locateEvidence(tx, checked);
      return { arrays: appendEvidence(evidenceOf(claim.props), quotes, "CORROBORATING", null), sources, reason: null };
    });
  }

  /**
   * Records evidence that contradicts a claim, with the editor's note. Each independent disputing
   * origin demotes the status one step and its confidence with it (docs/routes.md). The evidence
   * panel and the API show disputing quotes beside the supporting ones (`Evidence.role`).
   * @throws as corroborate; BadUserInputError without a note.
   */
  async disputeClaim(
    caller: Caller | null,
    claimId: string,
    evidence: readonly QuoteRequest[],
    note: string,
    options: WriteOptions = {},
  ): Promise<RelationshipView> {
    const who = this.auth.require(caller, "editor", "dispute a claim");
    const checked = checkEvidence(evidence);
    const why = reasonText("note", note);
    return this.change(who, "disputeClaim", claimId, { evidence: checked, note: why }, options, async (tx, claim) => {
      this.refuseRetracted(claim, "disputed");
      const { quotes, sources } = await locateEvidence(tx, checked);
      return { arrays: appendEvidence(evidenceOf(claim.props), quotes, "DISPUTING", why), sources, reason: why };
    });
  }

  /**
   * Sets the status an editor judges right (REPORTED, LIKELY, POSSIBLE, UNCONFIRMED), with a
   * reason; an explicit confidence given earlier is dropped for the status's. On a retracted claim
   * this reinstates it. Disputes still demote the status set here.
   * @throws ConflictError for a stale expectedVersion; BadUserInputError for RETRACTED or no reason.
   */
  async setClaimStatus(caller: Caller | null, claimId: string, status: string, reason: string, options: WriteOptions = {}): Promise<RelationshipView> {
    const who = this.auth.require(caller, "editor", "set a claim's status");
    const asserted = claimStatus("status", status);
    const why = reasonText("reason", reason);
    return this.change(who, "setClaimStatus", claimId, { status: asserted, reason: why }, options, (_tx, claim) =>
      Promise.resolve({
        arrays: { arrays: evidenceOf(claim.props), added: 1 },
        sources: new Map(),
        reason: why,
        asserted,
        baseConfidence: null,
        retracted: false,
      }),
    );
  }

  /**
   * Retracts a claim with a reason: its status becomes RETRACTED (the status before stays in
   * assertedStatus and the history), so it leaves routes, neighbourhoods, connections, exposure
   * and exports unless they ask for includeRetracted. Nothing is deleted; setClaimStatus reinstates it.
   * @throws ConflictError for a stale expectedVersion or a claim already retracted.
   */
  async retractClaim(caller: Caller | null, claimId: string, reason: string, options: WriteOptions = {}): Promise<RelationshipView> {
    const who = this.auth.require(caller, "editor", "retract a claim");
    const why = reasonText("reason", reason);
    return this.change(who, "retractClaim", claimId, { reason: why }, options, (_tx, claim) => {
      this.refuseRetracted(claim, "retracted again");
      return Promise.resolve({
        arrays: { arrays: evidenceOf(claim.props), added: 1 },
        sources: new Map(),
        reason: why,
        retracted: true,
        extra: { retractedAt: new Date().toISOString(), retractedBy: who.subject, retractionReason: why },
      });
    });
  }

  /**
   * One claim by id, with its evidence, as the mutations return it.
   * @throws AppError NOT_FOUND for an unknown id.
   */
  async getClaim(id: string): Promise<RelationshipView> {
    const row = await this.db.readTx("claim", (tx) => findClaim(tx, entityId("id", id)));
    return toRelationshipView(row);
  }

  private refuseRetracted(claim: LockedClaim, what: string): void {
    if (claim.props.status === RETRACTED_STATUS) {
      throw new ConflictError(`Claim ${claim.id} is retracted and cannot be ${what}; reinstate it first with setClaimStatus.`, {
        claimId: claim.id,
        reason: "RETRACTED",
      });
    }
  }

  /**
   * The shared body of the mutations on an existing claim: lock it, check expectedVersion, let
   * `plan` decide the new evidence, status and reason, derive status, confidence and warnings,
   * write the new state with version + 1, and record the revision.
   */
  private async change(
    who: Caller,
    operation: string,
    claimId: string,
    request: Record<string, unknown>,
    options: WriteOptions,
    plan: (tx: Parameters<Parameters<typeof runMutation>[1]["change"]>[0], claim: LockedClaim) => Promise<ChangePlan>,
  ): Promise<RelationshipView> {
    const id = entityId("claimId", claimId);
    const result = await runMutation(this.db, {
      caller: who,
      operation,
      idempotencyKey: options.idempotencyKey,
      request: { claimId: id, ...request, expectedVersion: options.expectedVersion ?? null },
      change: async (tx): Promise<MutationOutcome> => {
        const claim = await lockClaim(tx, id);
        const version = versionOf(claim.props);
        checkVersion("Claim", id, version, options.expectedVersion);
        const step = await plan(tx, claim);
        if (step.arrays.added === 0) return { targetKind: "claim", targetId: id, revisions: [] };
        const sources = new Map([...claim.sources, ...step.sources]);
        const asserted = step.asserted ?? assertedStatusOf(claim.props);
        const base = step.baseConfidence !== undefined ? step.baseConfidence : baseConfidenceOf(claim.props);
        const retracted = step.retracted ?? claim.props.status === RETRACTED_STATUS;
        const derived = derive(asserted, base, step.arrays.arrays, sources, retracted);
        const now = new Date().toISOString();
        const props: Record<string, unknown> = {
          ...step.arrays.arrays,
          assertedStatus: asserted,
          baseConfidence: base,
          status: derived.status,
          confidence: derived.confidence,
          warnings: derived.warnings,
          version: neo4j.int(version + 1),
          updatedAt: now,
          updatedBy: who.subject,
          ...(retracted ? {} : { retractedAt: null, retractedBy: null, retractionReason: null }),
          ...(step.extra ?? {}),
        };
        await runIn(tx, "update-relationship", { elementId: claim.elementId, props });
        const full = snapshot({ ...claim.props, ...(props as Record<string, Plain>), version: version + 1 });
        for (const key of Object.keys(full)) if (full[key] === null) delete full[key];
        const { before, after } = touched(snapshot(claim.props), full);
        return {
          targetKind: "claim",
          targetId: id,
          revisions: [{ targetKind: "claim", targetId: id, version: version + 1, reason: step.reason, before, after }],
        };
      },
    });
    return this.getClaim(result.targetId);
  }
}

/** What one claim mutation changes, decided inside its transaction. */
interface ChangePlan {
  readonly arrays: { arrays: ReturnType<typeof evidenceOf>; added: number };
  readonly sources: ReadonlyMap<string, { id: string; publisher: string | null; cites: readonly string[] }>;
  readonly reason: string | null;
  readonly asserted?: ReturnType<typeof assertedStatusOf>;
  readonly baseConfidence?: number | null;
  readonly retracted?: boolean;
  readonly extra?: Record<string, unknown>;
}
