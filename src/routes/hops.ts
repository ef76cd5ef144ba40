import { CLAIM_STATUSES } from "../model/vocabulary.js";
import type { GraphEdge, RouteStep } from "./types.js";

/**
 * The hop rule (docs/routes.md, "Confidence"): the parallel relationships between two
 * consecutive entities of a route are one hop, and the hop's confidence is that of its strongest
 * relationship (the maximum), not a combination of them. Two claims from the same source then
 * never count as two, and no number of hedged claims outranks one reported claim, since a
 * maximum never exceeds its best element. Corroboration is shown (every relationship of the
 * hop, strongest first, with its evidence), not scored.
 */

const STATUS_RANK: ReadonlyMap<string, number> = new Map(CLAIM_STATUSES.map((s, i) => [s, i]));

/** Sort key of one relationship: id, then type, since ids are unique per type only. */
export function edgeKey(e: GraphEdge): string {
  return `${e.id}\u0000${e.type}`;
}

/**
 * Strongest first: higher confidence, then the surer status (REPORTED before LIKELY, POSSIBLE,
 * UNCONFIRMED), then relationship id and type, so the order is total and stable.
 */
export function compareStrength(a: GraphEdge, b: GraphEdge): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  const sa = STATUS_RANK.get(a.status) ?? CLAIM_STATUSES.length;
  const sb = STATUS_RANK.get(b.status) ?? CLAIM_STATUSES.length;
  if (sa !== sb) return sa - sb;
  const ka = edgeKey(a);
  const kb = edgeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The relationships a time-respecting route may choose for a hop after `lastValidFrom` (the
 * latest validFrom before it, or null): those dated no earlier than it (undated ones always
 * pass), keeping only choices no other dominates. A choice dominates another when it is at least
 * as strong and leaves an earlier or equal latest date for the hops after it. `steps` must be
 * strongest first; the result is too, the strongest admissible choice first.
 */
export function timeRespectingChoices(steps: readonly RouteStep[], lastValidFrom: string | null): RouteStep[] {
  const choices: RouteStep[] = [];
  let bestLast: string | null | undefined;
  for (const step of steps) {
    const from = step.edge.validFrom;
    if (from !== null && lastValidFrom !== null && from < lastValidFrom) continue;
    const nextLast = from ?? lastValidFrom;
    // Strongest first, so a later choice is kept only when it leaves a strictly earlier date.
    if (bestLast !== undefined && !isEarlier(nextLast, bestLast)) continue;
    choices.push(step);
    bestLast = nextLast;
    if (nextLast === null) break;
  }
  return choices;
}

/** a < b, where null (no date yet) is earliest of all. */
function isEarlier(a: string | null, b: string | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a < b;
}
