import { usableBlocks } from "../../src/resolution/blocking.js";
import type { BlockIndex } from "../../src/resolution/candidates.js";
import { scorePair } from "../../src/resolution/matcher.js";

/**
 * The peer of the candidate bench: the naive pairwise comparison within the same blocks. Every
 * pair of every block is scored in full (no floor), once per block it shares: what a first
 * blocking implementation does. Same blocks, same matcher, same minimum score as ours
 * (src/resolution/candidates.ts), so the answers compare pair for pair.
 * @returns the best score of each pair at or above `minScore` (`left\u0000right` record ids, left < right) and how many comparisons ran.
 */
export function naiveCandidates(index: BlockIndex, minScore: number, maxBlock?: number): { found: Map<string, number>; comparisons: number } {
  const found = new Map<string, number>();
  let comparisons = 0;
  for (const block of usableBlocks(index.postings, maxBlock)) {
    for (let x = 0; x < block.length; x += 1) {
      for (let y = x + 1; y < block.length; y += 1) {
        const a = index.records[block[x]!]!;
        const b = index.records[block[y]!]!;
        comparisons += 1;
        const { score } = scorePair(a, b);
        if (score < minScore || score === 0) continue;
        const [l, r] = a.record.id < b.record.id ? [a.record.id, b.record.id] : [b.record.id, a.record.id];
        const key = `${l}\u0000${r}`;
        if ((found.get(key) ?? 0) < score) found.set(key, score);
      }
    }
  }
  return { found, comparisons };
}
