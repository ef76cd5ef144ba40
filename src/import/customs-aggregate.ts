import type { Database } from "../db/run.js";
import { STATUS_CONFIDENCE } from "../model/vocabulary.js";

/** Declarations whose evidence (row text and line numbers) an aggregate cites; the rest are in `recordIds`. */
export const AGGREGATE_MAX_EVIDENCE = 50;

/**
 * Writes the customs aggregates of one imported dataset (cypher/queries/import-aggregate-customs.cypher):
 * one SUPPLIED per (exporter, importer, HS heading = first 4 digits) it declared, with amounts summed
 * per currency, quantity summed, `declarationCount`, first/last date as validFrom/validTo and the
 * record ids. Recomputed from the stored per-declaration SUPPLIED relationships under the same
 * namespace, which are kept, so re-running it (a re-import) changes nothing. One write transaction.
 * @returns the number of aggregate relationships written (created or recomputed).
 */
export async function aggregateCustoms(db: Database, sourceId: string, namespace: string | null): Promise<number> {
  const rows = await db.write(
    "import-aggregate-customs",
    { sourceId, prefix: namespace ? `${namespace}:` : "", maxEvidence: AGGREGATE_MAX_EVIDENCE, status: "REPORTED", confidence: STATUS_CONFIDENCE.REPORTED },
    { timeoutMs: 300_000 },
  );
  return Number(rows[0]?.aggregates ?? 0);
}
