import { randomUUID } from "node:crypto";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import type { Database } from "../db/run.js";
import { runIn } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { intInRange, entityId } from "./validate.js";

/** What a revision is about; `judgement` for entity resolution's judgements (history(id) takes a judgement id). */
export type RevisionTarget = "entity" | "claim" | "source" | "judgement";

/** One change to record, written by {@link recordRevision} in the change's own transaction. */
export interface RevisionInput {
  readonly targetKind: RevisionTarget;
  readonly targetId: string;
  /** The target's version after the change (1 for a creation). */
  readonly version: number;
  /** The token's subject, or `system` for imports. */
  readonly actor: string;
  /** The mutation or process: addClaim, corroborate, retractClaim, import, … */
  readonly operation: string;
  /** Why, as the caller said it (retraction reasons, dispute notes), or null. */
  readonly reason: string | null;
  /** The target's stored properties before the change (null for a creation) and after it. */
  readonly before: Record<string, Plain> | null;
  readonly after: Record<string, Plain> | null;
}

/** A revision as history(id) returns it. */
export interface RevisionView {
  readonly id: string;
  /** ISO 8601 date-time (UTC) of the change. */
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly reason: string | null;
  readonly targetKind: RevisionTarget;
  readonly targetId: string;
  readonly version: number;
  readonly before: Plain;
  readonly after: Plain;
}

/** Default and cap of history(limit), in revisions. */
export const HISTORY_LIMIT = { default: 100, cap: 1000 } as const;

/**
 * Writes one revision inside an open write transaction, so it commits or rolls back with the
 * change it records. `before`/`after` are stored as JSON text (a source's text is never
 * included: its sha256 and length stand for it).
 */
export async function recordRevision(tx: ManagedTransaction, revision: RevisionInput, at: Date = new Date()): Promise<void> {
  await runIn(tx, "create-revision", {
    at: at.toISOString(),
    props: {
      id: randomUUID(),
      targetKind: revision.targetKind,
      targetId: revision.targetId,
      version: neo4j.int(revision.version),
      actor: revision.actor,
      operation: revision.operation,
      reason: revision.reason,
      before: revision.before === null ? null : JSON.stringify(revision.before),
      after: revision.after === null ? null : JSON.stringify(revision.after),
    },
  });
}

/**
 * The properties a change touched, as a revision records them: each key whose value differs
 * between `before` and `after` (compared as JSON; a key only on one side counts), with its value
 * on each side where it has one. Unchanged properties are left out, so a revision stays small:
 * recording whole claims, a setClaimStatus on a claim with 200 quotes of 2 000 characters wrote
 * about 800 KB each time, and history(limit: 1000) could read hundreds of MB.
 */
export function touched(
  before: Readonly<Record<string, Plain>>,
  after: Readonly<Record<string, Plain>>,
): { before: Record<string, Plain>; after: Record<string, Plain> } {
  const out = { before: {} as Record<string, Plain>, after: {} as Record<string, Plain> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in before) out.before[key] = before[key]!;
    if (key in after) out.after[key] = after[key]!;
  }
  return out;
}

/** Reads the history of entities, claims and sources. */
export class RevisionService {
  constructor(private readonly db: Database) {}

  /**
   * Every revision of the entity, claim or source with this id, oldest first.
   * @param limit default 100, cap 1000 revisions.
   * @throws BadUserInputError for a malformed id or limit.
   */
  async history(id: string, limit: number = HISTORY_LIMIT.default): Promise<RevisionView[]> {
    entityId("id", id);
    intInRange("limit", limit, 1, HISTORY_LIMIT.cap);
    const rows = await this.db.read("history", { id, limit: neo4j.int(limit) });
    return rows.map((row) => {
      const v = row.revision as Record<string, Plain>;
      return {
        id: plainText(v.id),
        at: new Date(plainText(v.at)).toISOString(),
        actor: plainText(v.actor),
        operation: plainText(v.operation),
        reason: v.reason === null || v.reason === undefined ? null : plainText(v.reason),
        targetKind: plainText(v.targetKind) as RevisionTarget,
        targetId: plainText(v.targetId),
        version: Number(v.version),
        before: typeof v.before === "string" ? (JSON.parse(v.before) as Plain) : null,
        after: typeof v.after === "string" ? (JSON.parse(v.after) as Plain) : null,
      };
    });
  }
}
