import { plainText } from "../db/values.js";
import { createHash } from "node:crypto";
import { Neo4jError, type ManagedTransaction } from "neo4j-driver";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/run.js";
import { runIn } from "../db/run.js";
import { BadUserInputError, ConflictError } from "../errors.js";
import { recordRevision, type RevisionInput, type RevisionTarget } from "./revision.service.js";

/**
 * How long an idempotency key is kept, in **hours**: a retry within a day writes nothing again.
 * Keys are swept after it (at most 100 per write, so the sweep's cost stays small); each holds
 * the caller, operation, a sha256 of the request and the id it changed (about 300 bytes).
 */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** Longest idempotency key, in characters (a UUID is 36). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** What a change did: the thing it wrote, and the revisions to record for it. */
export interface MutationOutcome {
  readonly targetKind: RevisionTarget;
  readonly targetId: string;
  /** The revisions of this change, without actor and operation, which the runner fills in. */
  readonly revisions: readonly Omit<RevisionInput, "actor" | "operation">[];
}

/** One write, as {@link runMutation} runs it. */
export interface MutationSpec {
  /** The authorised caller; its subject is every revision's actor. */
  readonly caller: Caller;
  /** The mutation's name (addClaim, corroborate, …): revisions record it. */
  readonly operation: string;
  /** The request's idempotency key, if any: a retry with it returns the first result and writes nothing. */
  readonly idempotencyKey?: string | null;
  /** The request's arguments; a key reused with other arguments is refused (CONFLICT). */
  readonly request: unknown;
  /** Runs the change in the open write transaction. May be run again when Neo4j asks for a retry (deadlock). */
  change(tx: ManagedTransaction): Promise<MutationOutcome>;
}

/** What {@link runMutation} returns. */
export interface MutationResult {
  readonly targetKind: RevisionTarget;
  readonly targetId: string;
  /** True when an earlier request with the same idempotency key did the work; nothing was written now. */
  readonly replayed: boolean;
}

/**
 * Runs a write, its revisions and its idempotency record in ONE managed write transaction
 * (`Database.writeTx`: timeout, error mapping, retries on transient errors): all of it commits,
 * or none. The reusable core of every mutation (claims, sources, entities; later judgements).
 * @throws ConflictError when the idempotency key was used for another operation or arguments;
 *   BadUserInputError for a key too long; whatever `change` throws (nothing is then written).
 */
export async function runMutation(db: Database, spec: MutationSpec): Promise<MutationResult> {
  const key = spec.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    throw new BadUserInputError(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, { argument: "idempotencyKey" });
  }
  const fingerprint = sha256(JSON.stringify([spec.operation, spec.request]));
  try {
    return await inOneTransaction(db, spec, key, fingerprint);
  } catch (err) {
    if (err instanceof Neo4jError && err.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
      throw new ConflictError(
        `A concurrent ${spec.operation} wrote the same thing first; nothing was written by this one. Read the current state and retry if still needed.`,
        {
          reason: "CONCURRENT_WRITE",
        },
      );
    }
    throw err;
  }
}

async function inOneTransaction(db: Database, spec: MutationSpec, key: string | null, fingerprint: string): Promise<MutationResult> {
  return db.writeTx(spec.operation, async (tx) => {
    // Per caller, hashed from an unambiguous pair: a joined `subject + separator + key` let one
    // caller's key name another's when a subject or key held the separator.
    const scopedKey = key === null ? null : sha256(JSON.stringify([spec.caller.subject, key]));
    if (scopedKey !== null) {
      const [stored] = await runIn(tx, "idempotency-begin", {
        key: scopedKey,
        ttlHours: IDEMPOTENCY_TTL_HOURS,
        actor: spec.caller.subject,
        operation: spec.operation,
        fingerprint,
      });
      if (stored && stored.fingerprint !== fingerprint) {
        throw new ConflictError(
          `idempotencyKey ${JSON.stringify(key)} was used for another request (${plainText(stored.operation)} with other arguments) in the last ${IDEMPOTENCY_TTL_HOURS} hours; use a new key for a new request.`,
          { reason: "IDEMPOTENCY_KEY_REUSED", operation: stored.operation },
        );
      }
      if (stored?.targetId) return { targetKind: stored.targetKind as RevisionTarget, targetId: plainText(stored.targetId), replayed: true };
    }
    const outcome = await spec.change(tx);
    const at = new Date();
    for (const revision of outcome.revisions) await recordRevision(tx, { ...revision, actor: spec.caller.subject, operation: spec.operation }, at);
    if (scopedKey !== null) await runIn(tx, "idempotency-finish", { key: scopedKey, targetId: outcome.targetId, targetKind: outcome.targetKind });
    return { targetKind: outcome.targetKind, targetId: outcome.targetId, replayed: false };
  });
}

/** Hex sha256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
