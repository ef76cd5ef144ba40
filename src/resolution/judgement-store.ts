import { createHash } from "node:crypto";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { runIn } from "../db/run.js";
import type { Plain } from "../db/values.js";
import { plainText } from "../db/values.js";
import { ConflictError } from "../errors.js";
import { chooseCanonical, clustersOf, judgementChain, MAX_CLUSTER_SIZE, type JudgementEdge, type JudgementValue } from "./clusters.js";

/**
 * Judgements as stored: a JUDGED relationship between the :Identity nodes of two record ids,
 * one per pair, apart from the :Entity records (nomenklatura's resolver keeps its edges in a
 * table of their own, `nomenklatura/resolver/resolver.py`). Each :Identity holds the canonical id
 * of its cluster, recomputed by {@link applyJudgement} in the judgement's own transaction. Every
 * change runs after {@link lockResolution}, so clusters never change under a running change.
 */

/** A judgement as stored and returned. */
export interface JudgementRecord extends JudgementEdge {
  /** `judgement-` and 16 hex digits of the pair's sha256: history(id) finds its revisions by it. */
  readonly id: string;
  /** Who: the editor's token subject, or `system` for automatic resolution. */
  readonly actor: string;
  /** ISO 8601 date-time (UTC). */
  readonly at: string;
  readonly reason: string;
  /** 1 for the pair's first judgement; each later judgement of the pair adds 1. */
  readonly version: number;
}

/** What to judge. */
export interface JudgementRequest {
  readonly left: string;
  readonly right: string;
  readonly judgement: JudgementValue;
  readonly reason: string;
  readonly actor: string;
}

/** What {@link applyJudgement} did. */
export interface AppliedJudgement {
  /** The stored judgement, or null when a `system` judgement was skipped (the pair or its clusters already decided). */
  readonly judgement: JudgementRecord | null;
  /** The pair's judgement before, or null. */
  readonly before: JudgementRecord | null;
  /** The canonical id of each side's cluster after the change. */
  readonly canonical: { readonly left: string; readonly right: string };
}

/** The stable id of a pair's judgement. */
export function judgementId(a: string, b: string): string {
  const [low, high] = a < b ? [a, b] : [b, a];
  return `judgement-${createHash("sha256").update(`${low}\u0000${high}`, "utf8").digest("hex").slice(0, 16)}`;
}

/** Takes the resolution lock for the rest of the transaction (resolution-lock.cypher). */
export async function lockResolution(tx: ManagedTransaction): Promise<void> {
  await runIn(tx, "resolution-lock", {});
}

/** Maps a stored `j {.*}` map to a JudgementRecord. */
export function toJudgementRecord(m: Plain | undefined): JudgementRecord {
  const j = (m ?? {}) as Record<string, Plain>;
  return {
    id: plainText(j.id),
    left: plainText(j.left),
    right: plainText(j.right),
    judgement: plainText(j.judgement) as JudgementValue,
    actor: plainText(j.actor),
    at: new Date(plainText(j.at)).toISOString(),
    reason: plainText(j.reason),
    version: typeof j.version === "number" ? j.version : 1,
  };
}

const samePair = (j: JudgementEdge, a: string, b: string) => (j.left === a && j.right === b) || (j.left === b && j.right === a);

/**
 * Applies one judgement inside an open write transaction that holds the resolution lock, and
 * recomputes the canonical ids of the clusters it touches (clusters.ts `chooseCanonical`, the
 * judgement's `left` winning a tie). A person's judgement replaces the pair's earlier one
 * (its revisions keep the old); `system` never overrides: it skips a pair already judged, two
 * records already in one cluster, and clusters a NEGATIVE or UNSURE judgement keeps apart.
 * @throws ConflictError for a person's POSITIVE between clusters a NEGATIVE judgement keeps apart
 *   (`extensions.judgements`), one that would make a cluster of more than MAX_CLUSTER_SIZE
 *   records, or a NEGATIVE or UNSURE between two records that other POSITIVE judgements still
 *   join (`extensions.chain`: judge one of those instead).
 */
export async function applyJudgement(tx: ManagedTransaction, req: JudgementRequest, mode: "person" | "system"): Promise<AppliedJudgement> {
  const [row] = await runIn(tx, "judgement-clusters", { ids: [req.left, req.right] });
  const members = ((row?.members ?? []) as { id: string; canonicalId: string }[]).filter((m) => m !== null);
  const stored = ((row?.judgements ?? []) as Plain[]).map(toJudgementRecord);
  const previous = new Map(members.map((m) => [m.id, m.canonicalId] as const));
  const canonicalOf = (id: string) => previous.get(id) ?? id;
  const before = stored.find((j) => samePair(j, req.left, req.right)) ?? null;
  const leftCluster = members.filter((m) => m.canonicalId === canonicalOf(req.left)).map((m) => m.id);
  const rightCluster = members.filter((m) => m.canonicalId === canonicalOf(req.right)).map((m) => m.id);
  const sameCluster = canonicalOf(req.left) === canonicalOf(req.right);
  const between = stored.filter(
    (j) =>
      j !== before &&
      j.judgement !== "POSITIVE" &&
      ((leftCluster.includes(j.left) && rightCluster.includes(j.right)) || (leftCluster.includes(j.right) && rightCluster.includes(j.left))),
  );
  if (mode === "system" && (before !== null || sameCluster || between.length > 0)) {
    return { judgement: null, before, canonical: { left: canonicalOf(req.left), right: canonicalOf(req.right) } };
  }
  const after = stored.filter((j) => j !== before);
  const ids = [...new Set([...members.map((m) => m.id), req.left, req.right])];
  if (req.judgement === "POSITIVE") {
    const negatives = between.filter((j) => j.judgement === "NEGATIVE");
    if (negatives.length > 0) {
      throw new ConflictError(
        `${req.left} and ${req.right} are kept apart by ${negatives.map(describe).join("; ")}; judge that pair again first if it was wrong.`,
        { reason: "JUDGED_APART", judgements: negatives.map((j) => j.id) },
      );
    }
    const size = new Set([...leftCluster, ...rightCluster, req.left, req.right]).size;
    if (!sameCluster && size > MAX_CLUSTER_SIZE) {
      throw new ConflictError(`Joining these clusters would make one of ${size} records; a cluster holds at most ${MAX_CLUSTER_SIZE}.`, {
        reason: "CLUSTER_TOO_LARGE",
      });
    }
  } else if (sameCluster) {
    const chain = judgementChain(after, req.left, req.right);
    if (chain) {
      throw new ConflictError(
        `${req.left} and ${req.right} stay one entity through ${chain.map(describe).join(", then ")}; judge one of those pairs ${req.judgement} to split the cluster.`,
        { reason: "STILL_JOINED", chain: chain.map((j) => ({ id: j.id, left: j.left, right: j.right })) },
      );
    }
  }
  const [low, high] = req.left < req.right ? [req.left, req.right] : [req.right, req.left];
  const id = judgementId(low, high);
  const props = {
    id,
    left: req.left,
    right: req.right,
    judgement: req.judgement,
    actor: req.actor,
    reason: req.reason,
    version: neo4j.int((before?.version ?? 0) + 1),
  };
  const [written] = await runIn(tx, "judgement-merge", { low, high, props, at: new Date().toISOString() });
  const judgement = toJudgementRecord(written?.judgement);
  after.push(judgement);
  const rows: { id: string; canonicalId: string }[] = [];
  const next = new Map<string, string>();
  for (const cluster of clustersOf(ids, after)) {
    const canonical = chooseCanonical(cluster, previous, req.left);
    for (const m of cluster) {
      next.set(m, canonical);
      if (previous.get(m) !== canonical) rows.push({ id: m, canonicalId: canonical });
    }
  }
  if (rows.length > 0) await runIn(tx, "set-identity-canonicals", { rows });
  return { judgement, before, canonical: { left: next.get(req.left)!, right: next.get(req.right)! } };
}

/** "NEGATIVE a–b by alice on 2024-05-01 (reason)". */
function describe(j: JudgementRecord): string {
  return `${j.judgement} ${j.left}–${j.right} by ${j.actor} on ${j.at.slice(0, 10)} (${j.reason})`;
}

/**
 * Deletes the `system` judgements (automatic resolution) that name one of `ids`, records whose
 * data is gone (import:delete), and recomputes the clusters they made; people's judgements stay.
 * Runs in an open write transaction holding the resolution lock.
 * @returns the deleted judgements (their revisions keep them).
 */
export async function dropSystemJudgements(tx: ManagedTransaction, ids: readonly string[]): Promise<JudgementRecord[]> {
  const [row] = await runIn(tx, "judgement-clusters", { ids });
  const members = ((row?.members ?? []) as { id: string; canonicalId: string }[]).filter((m) => m !== null);
  const stored = ((row?.judgements ?? []) as Plain[]).map(toJudgementRecord);
  const gone = new Set(ids);
  const dropped = stored.filter((j) => j.actor === "system" && (gone.has(j.left) || gone.has(j.right)));
  if (dropped.length === 0) return [];
  for (const j of dropped) {
    const [low, high] = j.left < j.right ? [j.left, j.right] : [j.right, j.left];
    await runIn(tx, "judgement-delete", { low, high });
  }
  const kept = stored.filter((j) => !dropped.includes(j));
  const previous = new Map(members.map((m) => [m.id, m.canonicalId] as const));
  const rows: { id: string; canonicalId: string }[] = [];
  for (const cluster of clustersOf(
    members.map((m) => m.id),
    kept,
  )) {
    const canonical = chooseCanonical(cluster.filter((m) => !gone.has(m)).length > 0 ? cluster.filter((m) => !gone.has(m)) : cluster, previous);
    for (const m of cluster) if (previous.get(m) !== canonical) rows.push({ id: m, canonicalId: canonical });
  }
  if (rows.length > 0) await runIn(tx, "set-identity-canonicals", { rows });
  await runIn(tx, "identities-delete-unjudged", { ids: members.map((m) => m.id) });
  return dropped;
}
