import { RETRACTED_STATUS, type StoredClaimStatus } from "../model/vocabulary.js";
import type { Row } from "../db/run.js";
import type { Plain } from "../db/values.js";

/**
 * How readers leave retracted claims out: the one rule, in one place. Retraction stores status
 * RETRACTED (src/model/vocabulary.ts), which no default status list holds, so every expansion that
 * filters `r.status IN $statuses` leaves retracted claims out; `includeRetracted` adds the status
 * to the list. Readers that fetch relationships without a status filter (neighbourhood edges,
 * an entity's relationships, the whole-graph export) drop rows with {@link isRetractedRow}.
 */

/** `statuses`, plus RETRACTED when `includeRetracted` is true. */
export function withRetracted(statuses: readonly StoredClaimStatus[], includeRetracted: boolean | null | undefined): StoredClaimStatus[] {
  return includeRetracted ? [...new Set<StoredClaimStatus>([...statuses, RETRACTED_STATUS])] : [...statuses];
}

/** True for a row `{rel, …}` (relationships-*.cypher) whose claim is retracted. */
export function isRetractedRow(row: Row): boolean {
  return ((row.rel ?? {}) as Record<string, Plain>).status === RETRACTED_STATUS;
}
