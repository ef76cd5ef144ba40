import { blockKeys, MAX_BLOCK, usableBlocks } from "./blocking.js";
import {
  kindsCompatible,
  MATCHABLE_KINDS,
  mergeRecords,
  prepareRecord,
  scorePair,
  type MatchReason,
  type MatchRecord,
  type PreparedRecord,
} from "./matcher.js";

/**
 * Candidate generation over many records: block (blocking.ts), compare each pair once, score
 * (matcher.ts), keep the pairs at or above a score, best first. The shape of nomenklatura's
 * `xref` (`nomenklatura/xref.py`: index the entities, take the pairs that share tokens, score
 * each with the matching algorithm, suggest those above a threshold to the resolver).
 */

/** A possible duplicate: two clusters (entities, or clusters of judged records) and how alike they are. */
export interface CandidatePair {
  /** Canonical id of one side; `left < right` in code-point order. */
  readonly left: string;
  readonly right: string;
  /** The records compared: each side's id (a cluster is compared as one record, under its canonical id). */
  readonly leftRecord: string;
  readonly rightRecord: string;
  /** In [0, 1]. */
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** Limits and the judgements to respect. */
export interface GenerateOptions {
  /** Pairs scoring below are dropped; in [0, 1]. */
  readonly minScore: number;
  /** Largest block compared, in records (default {@link MAX_BLOCK}). */
  readonly maxBlock?: number;
  /** Most distinct pairs compared; past it the largest blocks are skipped and `truncated` is set (default {@link MAX_PAIRS}). */
  readonly maxPairs?: number;
  /** Canonical id of a record's cluster (the record's own id when it is in none). */
  readonly canonicalOf?: (id: string) => string;
  /** True when a judgement (NEGATIVE or UNSURE) already decided this pair of canonical ids. */
  readonly decided?: (left: string, right: string) => boolean;
}

/** What a run did. */
export interface GenerateStats {
  /** Matchable records read. */
  readonly records: number;
  /** Blocks compared. */
  readonly blocks: number;
  /** Distinct record pairs compared (scored, or skipped for their kinds or a judgement). */
  readonly pairsCompared: number;
  /** True when `maxPairs` stopped the comparison before every block was done. */
  readonly truncated: boolean;
}

/** Default cap on distinct pairs compared in one run (about 60 MB of pair keys). */
export const MAX_PAIRS = 4_000_000;

/** Pairs scored between two yields to the event loop, so a server stays responsive. */
const SLICE = 2000;

/** Records prepared and indexed by block key, the input of both candidate generation and its bench peer. */
export class BlockIndex {
  readonly records: PreparedRecord[] = [];
  readonly postings = new Map<string, number[]>();

  /** Adds a record (ignored unless its kind is matchable and it has a name). */
  add(record: MatchRecord): void {
    if (!MATCHABLE_KINDS.includes(record.kind)) return;
    const prepared = prepareRecord(record);
    if (prepared.names.length === 0 && prepared.identifiers.length === 0) return;
    const index = this.records.length;
    this.records.push(prepared);
    for (const key of blockKeys(prepared)) {
      const list = this.postings.get(key);
      if (list) list.push(index);
      else this.postings.set(key, [index]);
    }
  }

  /**
   * Reads every page of records into the index. With `canonicalOf` (each judged record's
   * canonical id, for records in a cluster with others), the records of one cluster are merged
   * into one record under the canonical id (matcher.ts `mergeRecords`) once every page is read,
   * so a cluster is compared as the one actor it is.
   */
  async addAll(
    pages: AsyncIterable<readonly MatchRecord[]> | Iterable<readonly MatchRecord[]>,
    canonicalOf: ReadonlyMap<string, string> = new Map(),
  ): Promise<void> {
    const canonicals = new Set(canonicalOf.values());
    const clusters = new Map<string, MatchRecord[]>();
    for await (const page of pages) {
      for (const r of page) {
        const c = canonicalOf.get(r.id) ?? (canonicals.has(r.id) ? r.id : null);
        if (c === null) this.add(r);
        else clusters.set(c, [...(clusters.get(c) ?? []), r]);
      }
    }
    for (const [c, records] of clusters) this.add(mergeRecords(c, records));
  }
}

/**
 * Candidate pairs of a whole index, best first (score desc, then left and right ids). Each pair
 * of records is scored once, however many blocks it shares, and only when its kinds can be one
 * actor and no judgement decided its clusters; pairs within one cluster are skipped. Scoring
 * stops early for a pair that cannot reach `minScore` (matcher.ts `scorePair` floor).
 * Memory: the index, one number a compared pair (at most `maxPairs`), and the candidates kept.
 */
export async function generateCandidates(index: BlockIndex, options: GenerateOptions): Promise<{ candidates: CandidatePair[]; stats: GenerateStats }> {
  const { records } = index;
  const n = records.length;
  const maxPairs = options.maxPairs ?? MAX_PAIRS;
  const canonicalOf = options.canonicalOf ?? ((id: string) => id);
  const seen = new Set<number>();
  const best = new Map<string, CandidatePair>();
  let blocksDone = 0;
  let truncated = false;
  let sinceYield = 0;
  const blocks = usableBlocks(index.postings, options.maxBlock ?? MAX_BLOCK);
  outer: for (const block of blocks) {
    for (let x = 0; x < block.length; x += 1) {
      for (let y = x + 1; y < block.length; y += 1) {
        const i = block[x]!;
        const j = block[y]!;
        const key = i * n + j;
        if (seen.has(key)) continue;
        if (seen.size >= maxPairs) {
          truncated = true;
          break outer;
        }
        seen.add(key);
        const a = records[i]!;
        const b = records[j]!;
        if (!kindsCompatible(a.record.kind, b.record.kind)) continue;
        const ca = canonicalOf(a.record.id);
        const cb = canonicalOf(b.record.id);
        if (ca === cb) continue;
        const [left, right] = ca < cb ? [ca, cb] : [cb, ca];
        if (options.decided?.(left, right)) continue;
        if ((sinceYield += 1) >= SLICE) {
          sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        const { score, reasons } = scorePair(a, b, options.minScore);
        if (score < options.minScore || score === 0) continue;
        const pairKey = `${left}\u0000${right}`;
        const kept = best.get(pairKey);
        if (kept && kept.score >= score) continue;
        const [leftRecord, rightRecord] = ca < cb ? [a.record.id, b.record.id] : [b.record.id, a.record.id];
        best.set(pairKey, { left, right, leftRecord, rightRecord, score, reasons });
      }
    }
    blocksDone += 1;
  }
  const candidates = [...best.values()].sort(compareCandidates);
  return { candidates, stats: { records: n, blocks: blocksDone, pairsCompared: seen.size, truncated } };
}

/** Best first: score desc, then left, then right, in code-point order. */
export function compareCandidates(a: CandidatePair, b: CandidatePair): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.left !== b.left) return a.left < b.left ? -1 : 1;
  return a.right < b.right ? -1 : a.right > b.right ? 1 : 0;
}
