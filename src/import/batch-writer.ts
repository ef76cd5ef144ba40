import type { ManagedTransaction } from "neo4j-driver";
import type { QueryName } from "../db/queries.js";
import { query } from "../db/queries.js";
import { runIn, type Database } from "../db/run.js";
import { MAX_EVIDENCE_PER_RELATIONSHIP } from "./batch-facts.js";
import { prepareFacts, type PreparedFacts } from "./batch-prepare.js";
import { compatibleSchemata } from "./ftm-model.js";
import { StrictRejectError } from "./import-errors.js";
import { resolveParties } from "./party-resolver.js";
import type { RecordFacts, Reject } from "./types.js";

/**
 * Transaction timeout of one batch, in **milliseconds** (10 min). A batch of 10 000 generated
 * customs rows takes 3–20 s; a 1M-row benchmark on a 2-core machine loaded by other work hit
 * the former 120 s once (BENCHMARKS.md, Import). A stuck transaction still ends.
 */
export const BATCH_TIMEOUT_MS = 600_000;

/** One mapped record waiting in a batch. */
export interface PendingRecord {
  readonly line: number;
  readonly facts: RecordFacts;
}

/** The dataset's :Source node properties (see import-merge-source.cypher). */
export interface DatasetSource {
  readonly id: string;
  readonly name: string;
  readonly fileHash: string;
  readonly format: string;
  readonly namespace: string | null;
  /** ISO 8601 date-time. */
  readonly importedAt: string;
  /**
   * Customs: which shipment edges the file's import writes, "declaration" (one SUPPLIED per
   * declaration) or "aggregate" (`--aggregate`); null for other formats. Stored on the Source.
   */
  readonly shipments: "declaration" | "aggregate" | null;
}

/** What one batch did. */
export interface BatchResult {
  /** Nodes and relationships created (provenance links not counted). */
  readonly created: number;
  /** Facts that matched what the graph already held. */
  readonly merged: number;
  /** Records valid and written (or, in a dry run, that would be). */
  readonly written: number;
  /** Records rejected by checks against the graph (conflicting schema, unknown entity). */
  readonly rejects: readonly Reject[];
}

/**
 * Writes one batch of records in ONE transaction, so a batch lands whole or not at all, and a
 * record is never half-written: records that fail a check against the graph are dropped with
 * every fact they carry before anything is written (under `strict`, the transaction is rolled
 * back instead). Each fact list goes to Neo4j as one UNWIND query, repeats folded first
 * (batch-facts.ts). `prepared`, when given, is prepareFacts(records), used unless a check or
 * party resolution changed the records. In a dry run the same checks
 * run in a read transaction and nothing is written.
 */
export async function writeBatch(db: Database, source: DatasetSource, records: readonly PendingRecord[], opts: { dryRun: boolean; strict: boolean }, prepared?: PreparedFacts): Promise<BatchResult> {
  const work = async (tx: ManagedTransaction): Promise<BatchResult> => {
    const rejects = await checkAgainstGraph(tx, records);
    if (opts.strict && rejects.length > 0) throw new StrictRejectError(rejects[0]!);
    const rejected = new Set(rejects.map((r) => r.line));
    const kept = await resolveParties(tx, records.filter((r) => !rejected.has(r.line)), source.namespace);
    if (opts.dryRun) return { created: 0, merged: 0, written: kept.length, rejects };
    // resolveParties returns the same record objects when it resolved nothing.
    const unchanged = prepared !== undefined && kept.length === records.length && kept.every((r, i) => r === records[i]);
    const p = unchanged ? prepared : prepareFacts(kept);
    const ns = { namespace: source.namespace };
    await runIn(tx, "import-merge-source", { source });
    let created = 0;
    const count = async (name: QueryName, params: Record<string, unknown>) => {
      const counters = (await tx.run(query(name), { ...ns, ...params })).summary.counters.updates();
      created += counters.nodesCreated + counters.relationshipsCreated;
    };
    if (p.publications.length > 0) await runIn(tx, "import-merge-publications", { ...ns, publications: p.publications });
    if (p.countries.length > 0) await count("import-merge-countries", { countries: p.countries });
    if (p.entities.length > 0) await count("import-merge-entities", { entities: p.entities });
    // Endpoints the batch did not just MERGE (forward references, resolved parties): MERGEd
    // here, placeholders when missing, so the relationship query only MATCHes endpoints.
    if (p.otherEndpoints.length > 0) await count("import-merge-placeholders", { ids: p.otherEndpoints });
    if (p.runs.length > 0) {
      // Runs queued together on the transaction: the driver encodes the next run while Neo4j
      // writes the previous one (Bolt runs them in order, in this one transaction). Each
      // relationship is in one run only (grouped first), so order is moot.
      const runs: Promise<void>[] = [];
      for (const params of p.runs) {
        const run = count("import-merge-relationships", { ...params, datasetId: source.id, maxEvidence: MAX_EVIDENCE_PER_RELATIONSHIP });
        // Handled here so a run failing while the next is encoded is not an unhandled rejection; Promise.all rethrows it.
        run.catch(() => undefined);
        runs.push(run);
        // run() encodes synchronously; yielding lets the socket send this run before the next is encoded.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await Promise.all(runs);
    }
    if (p.provided.length > 0) await runIn(tx, "import-link-provenance", { sourceId: source.id, ids: p.provided });
    return { created, merged: Math.max(0, p.stated - created), written: kept.length, rejects };
  };
  return opts.dryRun ? db.readTx("import-dry-run", work, { timeoutMs: BATCH_TIMEOUT_MS }) : db.writeTx("import-batch", work, { timeoutMs: BATCH_TIMEOUT_MS });
}

/**
 * The shipment mode ("declaration" or "aggregate") a customs file was first imported with, from
 * its dataset :Source (import-source-shipments.cypher); null when it was never imported (or
 * before the mode was recorded).
 */
export async function datasetShipments(db: Database, sourceId: string): Promise<string | null> {
  const rows = await db.read("import-source-shipments", { sourceId });
  const mode = rows[0]?.shipments;
  return typeof mode === "string" ? mode : null;
}

/**
 * How many customs aggregates (SUPPLIED with `aggregate: true`) the dataset `sourceId` states,
 * counted from its PROVIDED entities (import-count-aggregates.cypher).
 */
export async function countAggregates(db: Database, sourceId: string): Promise<number> {
  const rows = await db.read("import-count-aggregates", { sourceId }, { timeoutMs: 300_000 });
  return Number(rows[0]?.aggregates ?? 0);
}

/**
 * Rejects records whose FtM entity id is taken by an incompatible schema (earlier in the batch,
 * or already in the graph) and claims naming entity ids the graph lacks.
 */
async function checkAgainstGraph(tx: ManagedTransaction, records: readonly PendingRecord[]): Promise<Reject[]> {
  const rejects: Reject[] = [];
  const ftmIds = [...new Set(records.flatMap((r) => r.facts.entities.filter((e) => e.ftmSchema).map((e) => e.id)))];
  const schemata = new Map<string, string>();
  if (ftmIds.length > 0) for (const row of await runIn(tx, "import-entity-schemata", { ids: ftmIds })) schemata.set(String(row.id), String(row.schema));
  const required = [...new Set(records.flatMap((r) => r.facts.requiredIds))];
  const missing = new Set<string>();
  if (required.length > 0) for (const row of await runIn(tx, "missing-ids", { ids: required })) for (const id of row.missing as string[]) missing.add(id);
  for (const record of records) {
    const conflict = record.facts.entities.find((e) => e.ftmSchema && schemata.has(e.id) && !compatibleSchemata(schemata.get(e.id)!, e.ftmSchema));
    if (conflict) {
      rejects.push({ line: record.line, code: "CONFLICTING_SCHEMA", reason: `line ${record.line}: id ${conflict.id} is already a ${schemata.get(conflict.id)}, not a ${conflict.ftmSchema}` });
      continue;
    }
    const unknown = record.facts.requiredIds.filter((id) => missing.has(id));
    if (unknown.length > 0) {
      rejects.push({ line: record.line, code: "UNKNOWN_ENTITY", reason: `line ${record.line}: no entity with id ${unknown.map((i) => JSON.stringify(i)).join(", ")}` });
      continue;
    }
    for (const e of record.facts.entities) if (e.ftmSchema && !schemata.has(e.id)) schemata.set(e.id, e.ftmSchema);
  }
  return rejects;
}
