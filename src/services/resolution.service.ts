import neo4j from "neo4j-driver";
import type { AuthService } from "../auth/auth.service.js";
import { SYSTEM_ACTOR, type Caller } from "../auth/roles.js";
import type { Database } from "../db/run.js";
import { runIn } from "../db/run.js";
import { plainText } from "../db/values.js";
import { BadUserInputError, NotFoundError } from "../errors.js";
import { JUDGEMENT_VALUES, type JudgementValue } from "../resolution/clusters.js";
import { applyJudgement, dropSystemJudgements, lockResolution, toJudgementRecord, type JudgementRecord } from "../resolution/judgement-store.js";
import { canBeOne, referentPairs, resolvableEntities, strongIdentifierPairs, type AutoPair } from "../resolution/auto-resolve.js";
import { runMutation } from "./mutation-runner.js";
import { recordRevision } from "./revision.service.js";
import { entityId, intInRange } from "./validate.js";

/** judge's input. */
export interface JudgeInput {
  readonly left: string;
  readonly right: string;
  readonly judgement: JudgementValue;
  /** Why, in the editor's words; 1 to 2000 characters. */
  readonly reason: string;
}

/** What automatic resolution did (import summaries' `resolution`, `npx actorgraph resolve --auto`). */
export interface AutoResolution {
  /** Records whose identifiers and referents were checked. */
  readonly recordsChecked: number;
  /** Pairs joined by a referents link, or sharing a valid strong identifier with no conflicting country. */
  readonly pairsFound: number;
  /** POSITIVE judgements `system` recorded (pairs or clusters already judged are skipped). */
  readonly judged: number;
  /** The first 20 pairs with their reasons. */
  readonly examples: readonly AutoPair[];
}

/** Default and cap of judgements(limit). */
export const JUDGEMENTS_LIMIT = { default: 100, cap: 500 } as const;

/** Longest reason of a judgement, in characters. */
const MAX_REASON = 2000;

/**
 * Judgements by people: POSITIVE (one actor), NEGATIVE (two actors), UNSURE (looked at,
 * undecided). Stored apart from the records they judge (resolution/judgement-store.ts); each
 * change and its revision are one transaction (runMutation), so `history(id: <judgement id>)`
 * shows who judged what, when and why, every version kept.
 */
export class ResolutionService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    /** Called after each judgement this process records (the candidate cache listens). */
    private readonly onJudged: () => void = () => undefined,
  ) {}

  /**
   * Records a judgement of two records (entity ids; a merged id names its own record). POSITIVE
   * joins their clusters; NEGATIVE keeps them apart for good (candidates leave the pair out);
   * NEGATIVE or UNSURE on a pair joined by POSITIVE splits the cluster there, and the records'
   * relationships go back to their own entities. The pair's earlier judgement stays in its history.
   * @throws UnauthenticatedError, ForbiddenError (needs editor); BadUserInputError (same id twice,
   *   empty or long reason, a POSITIVE between kinds that cannot be one actor); NotFoundError;
   *   ConflictError (judgement-store.ts `applyJudgement`; a reused idempotency key).
   */
  async judge(caller: Caller | null, input: JudgeInput, idempotencyKey?: string | null): Promise<JudgementRecord> {
    const who = this.auth.require(caller, "editor", "judge two records");
    const left = entityId("left", input.left);
    const right = entityId("right", input.right);
    if (left === right) throw new BadUserInputError("left and right are the same record; a judgement needs two", { argument: "right" });
    if (!JUDGEMENT_VALUES.includes(input.judgement))
      throw new BadUserInputError(`judgement must be one of ${JUDGEMENT_VALUES.join(", ")}`, { argument: "judgement" });
    const reason = (input.reason ?? "").trim();
    if (reason.length === 0 || reason.length > MAX_REASON)
      throw new BadUserInputError(`reason must be 1 to ${MAX_REASON} characters: say why, for the record`, { argument: "reason" });
    const records = await this.db.read("resolution-records-by-ids", { ids: [left, right] });
    const kinds = new Map(records.map((r) => [plainText(r.id), plainText(r.kind)] as const));
    const missing = [left, right].filter((id) => !kinds.has(id));
    if (missing.length > 0) throw new NotFoundError(missing);
    if (input.judgement === "POSITIVE" && !canBeOne(kinds.get(left)!, kinds.get(right)!)) {
      throw new BadUserInputError(`${left} is a ${kinds.get(left)} and ${right} a ${kinds.get(right)}: they cannot be one actor`, { argument: "judgement" });
    }
    const request = { left, right, judgement: input.judgement, reason };
    await runMutation(this.db, {
      caller: who,
      operation: "judge",
      idempotencyKey,
      request,
      change: async (tx) => {
        await lockResolution(tx);
        const applied = await applyJudgement(tx, { ...request, actor: who.subject }, "person");
        const j = applied.judgement!;
        return {
          targetKind: "judgement",
          targetId: j.id,
          revisions: [
            {
              targetKind: "judgement",
              targetId: j.id,
              version: j.version,
              reason,
              before: applied.before ? { ...applied.before } : null,
              after: { ...j, canonical: applied.canonical },
            },
          ],
        };
      },
    });
    this.onJudged();
    const [low, high] = left < right ? [left, right] : [right, left];
    const [row] = await this.db.read("judgement-of-pair", { low, high });
    return toJudgementRecord(row?.judgement);
  }

  /**
   * Every judgement about the records of `id`'s entity (its cluster's members), oldest first:
   * the POSITIVE ones that make the cluster, and the NEGATIVE and UNSURE ones with other records.
   * @throws BadUserInputError for a malformed id or limit.
   */
  async judgements(id: string, limit: number = JUDGEMENTS_LIMIT.default): Promise<JudgementRecord[]> {
    entityId("id", id);
    intInRange("limit", limit, 1, JUDGEMENTS_LIMIT.cap);
    const rows = await this.db.read("judgements-of-clusters", { ids: [id], limit: neo4j.int(limit) });
    return rows.map((r) => toJudgementRecord(r.judgement));
  }

  /**
   * Automatic resolution of `ids` against the graph (resolution/auto-resolve.ts): a `system`
   * POSITIVE judgement for each pair an OpenSanctions `referents` link joins, and for each with an
   * equal valid strong identifier and no conflicting country, unless a judgement already decided it.
   */
  async autoResolve(ids: readonly string[]): Promise<AutoResolution> {
    const byPair = new Map<string, AutoPair>();
    for (const p of [...(await referentPairs(this.db, ids)), ...(await strongIdentifierPairs(this.db, ids))]) {
      const key = p.left < p.right ? `${p.left}\u0000${p.right}` : `${p.right}\u0000${p.left}`;
      if (!byPair.has(key)) byPair.set(key, p);
    }
    const pairs = [...byPair.values()];
    const judged = await this.recordSystemJudgements(pairs);
    return { recordsChecked: ids.length, pairsFound: pairs.length, judged, examples: pairs.slice(0, 20) };
  }

  /**
   * {@link autoResolve} over the entities a dataset provided that hold identifiers or referents
   * (or that are one), 5 000 at a time; over the whole graph with `sourceId` null.
   */
  async autoResolveDataset(sourceId: string | null): Promise<AutoResolution> {
    let total: AutoResolution = { recordsChecked: 0, pairsFound: 0, judged: 0, examples: [] };
    for await (const ids of resolvableEntities(this.db, sourceId)) {
      const r = await this.autoResolve(ids);
      total = {
        recordsChecked: total.recordsChecked + r.recordsChecked,
        pairsFound: total.pairsFound + r.pairsFound,
        judged: total.judged + r.judged,
        examples: [...total.examples, ...r.examples].slice(0, 20),
      };
    }
    return total;
  }

  /**
   * After import:delete of `namespace`: deletes the automatic (`system`) judgements that name
   * a record of it that is gone, since they rested on the deleted data, and recomputes their
   * clusters. Judgements people made are kept, whatever they name: a record imported again is
   * judged as before. Each deletion leaves a revision (operation `import:delete`).
   * @returns how many judgements were deleted.
   */
  async forgetDeleted(namespace: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const n = await this.db.writeTx("forgetDeleted", async (tx) => {
        await lockResolution(tx);
        const ids = (await runIn(tx, "identities-orphaned", { prefix: `${namespace}:`, limit: neo4j.int(FORGET_PAGE) })).map((r) => plainText(r.id));
        if (ids.length === 0) return 0;
        const dropped = await dropSystemJudgements(tx, ids);
        const at = new Date();
        for (const j of dropped) {
          await recordRevision(
            tx,
            {
              targetKind: "judgement",
              targetId: j.id,
              version: j.version + 1,
              actor: SYSTEM_ACTOR,
              operation: "import:delete",
              reason: `import:delete ${namespace} removed the records this automatic judgement rested on`,
              before: { ...j },
              after: null,
            },
            at,
          );
        }
        return dropped.length;
      });
      if (n === 0) return deleted;
      deleted += n;
    }
  }

  /**
   * Records `system` judgements (automatic resolution: equal strong identifiers, OpenSanctions
   * referents), each POSITIVE with its reason, never over a pair or clusters already decided, in
   * transactions of 200, each with its revisions (actor `system`, operation `autoResolve`).
   * @returns how many were recorded.
   */
  async recordSystemJudgements(pairs: readonly { readonly left: string; readonly right: string; readonly reason: string }[]): Promise<number> {
    let recorded = 0;
    for (let i = 0; i < pairs.length; i += 200) {
      const batch = pairs.slice(i, i + 200);
      recorded += await this.db.writeTx("autoResolve", async (tx) => {
        await lockResolution(tx);
        let n = 0;
        for (const p of batch) {
          const applied = await applyJudgement(tx, { ...p, judgement: "POSITIVE", actor: SYSTEM_ACTOR }, "system");
          if (!applied.judgement) continue;
          n += 1;
          const j = applied.judgement;
          await recordRevision(
            tx,
            {
              targetKind: "judgement",
              targetId: j.id,
              version: j.version,
              actor: SYSTEM_ACTOR,
              operation: "autoResolve",
              reason: p.reason,
              before: null,
              after: { ...j, canonical: applied.canonical },
            },
            new Date(j.at),
          );
        }
        return n;
      });
    }
    if (recorded > 0) this.onJudged();
    return recorded;
  }
}

/** Judged ids of a namespace handled per transaction by {@link ResolutionService.forgetDeleted}. */
const FORGET_PAGE = 500;
