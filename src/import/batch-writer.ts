import { Neo4jError, type ManagedTransaction } from "neo4j-driver";
import type { QueryName } from "../db/queries.js";
import { query } from "../db/queries.js";
import { runIn, type Database } from "../db/run.js";
import { plainString } from "../db/values.js";
import { EDITOR_PROPERTIES } from "../model/vocabulary.js";
import { MAX_EVIDENCE_PER_RELATIONSHIP, type BatchRelationship } from "./batch-facts.js";
import { mergeRuns, prepareFacts, relationshipRuns, type PreparedFacts, type RelationshipRun } from "./batch-prepare.js";
import { createRelationshipsQuery } from "./create-query.js";
import { compatibleSchemata, extendsSchema, findSchema } from "./ftm-model.js";
import { nodeKind } from "./ftm-rules.js";
import { StrictRejectError } from "./import-errors.js";
import { resolveParties, type ResolvedParty } from "./party-resolver.js";
import { resolveReferents } from "./referents.js";
import { alignRelationshipIds, heldKey, type HeldEndpoints } from "./relationship-ids.js";
import type { EntityFact, RecordFacts, Reject } from "./types.js";

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
  /** Wall time of each stage of the batch's transaction, **milliseconds** (see {@link BatchStage}). */
  readonly stages: Readonly<Partial<Record<BatchStage, number>>>;
  /** True when party resolution linked a party of the batch to an existing entity (see {@link BatchOptions.speculate}). */
  readonly partiesResolved: boolean;
  /** The parties of the batch linked to existing entities, and how (src/resolution/party-links.ts). */
  readonly partyLinks?: readonly ResolvedParty[];
  /** True when the batch's new SUPPLIED were written with CREATE, the bet of {@link BatchOptions.freshSupplied} won. */
  readonly freshSupplied?: boolean;
  /** True when the batch bet that its SUPPLIED ids were new and lost, and was written again without the bet. */
  readonly freshSuppliedLost?: boolean;
}

/** How writeBatch writes a batch. */
export interface BatchOptions {
  /** Validate in a read transaction; write nothing. */
  readonly dryRun: boolean;
  /** Roll back at the first record a check rejects (StrictRejectError). */
  readonly strict: boolean;
  /**
   * Send the batch's writes right behind its party-resolution query instead of waiting for the
   * answer, betting that it links no party to an existing entity (the usual case: a customs
   * file's parties are its own). When it does link one, the transaction is rolled back and the
   * batch written again the careful way, so the result is the same either way; the importer
   * then stops betting for the rest of the file (BatchResult.partiesResolved). Why: the wait was
   * a round trip plus Node's work on the answer in every batch, with Neo4j idle (BENCHMARKS.md,
   * Import). Only with `prepared` facts and when the checks changed no record.
   */
  readonly speculate?: boolean;
  /**
   * Before writing, look up where the graph already holds the batch's relationship ids (every
   * allow-listed type, import-stored-endpoints.cypher) and align the batch with them
   * (alignRelationshipIds: a SUPPLIED or BASED_IN moved onto stored endpoints of the same names,
   * any other restatement between other endpoints rejected as CONFLICTING_ID). writeBatch sets
   * it itself to write a batch again after it failed on a relationship id constraint: party
   * resolution sees the graph as it is when a batch runs, so a re-import can resolve a party the
   * first import could not (its namesake came later in the same batch) and name other endpoints
   * for a stored declaration's SUPPLIED id; another file can state a stored FtM link id between
   * other entities; a concurrent import can store an id first. A dry run always looks up. Off by
   * default otherwise: the lookup is a query per batch that a first import does not need.
   */
  readonly keepStoredEndpoints?: boolean;
  /**
   * Write the batch's new SUPPLIED relationships with CREATE (import-create-new-supplied.cypher)
   * instead of the general create query's MERGE and restatement bookkeeping, betting that none
   * of their ids is stored yet (the usual case: a customs file's first import, one new SUPPLIED
   * per declaration). A stored id fails the CREATE on the rel_supplied_id constraint; the
   * transaction is rolled back and the batch written again without the bet, so the result is the
   * same either way, and the importer stops betting for the rest of the file
   * (BatchResult.freshSuppliedLost). The importer bets only where that constraint exists
   * ({@link suppliedIdsUnique}): without it, a stored id would be CREATEd again. Why: the general query spent 45 µs per new SUPPLIED and this
   * one 28 µs, about a tenth of a batch (BENCHMARKS.md, Import, round 8).
   */
  readonly freshSupplied?: boolean;
  /**
   * FtM: look the batch's references up among the graph's older ids (:Referent; referents.ts),
   * as well as among its own records' referents. The importer turns it on once the graph holds
   * one (referents.ts hasReferents) or a batch wrote one, so a file without referents on a graph
   * without any pays no lookup. Default false.
   */
  readonly referentsStored?: boolean;
}

/** Thrown inside a speculative batch's transaction to roll it back when party resolution changed the batch. */
class PartiesResolved extends Error {}

/**
 * The stages of a batch's transaction, in order: `checks` against the graph, `parties`
 * (resolution; absent when the batch speculated, BatchOptions.speculate, since resolution then
 * runs behind the writes), `nodes` (sending the dataset :Source, countries, entities and placeholders:
 * nothing waits for them, so their time in Neo4j falls in the next stage), `relationships`
 * (and the PROVIDED links, until every query of the batch is done), and `commit`
 * (beginning and committing the transaction, and any retry). For finding where an import
 * spends its time (bench/import prints their means).
 */
export type BatchStage = "checks" | "parties" | "nodes" | "relationships" | "commit";

/**
 * Writes one batch of records in ONE transaction, so a batch lands whole or not at all, and a
 * record is never half-written: records that fail a check against the graph, or state a
 * relationship id an earlier record of the batch (or, on the retry of keepStoredEndpoints, the
 * graph) holds between other endpoints (CONFLICTING_ID, src/import/relationship-ids.ts), are
 * dropped with every fact they carry before anything is written (under `strict`, the
 * transaction is rolled back instead). Each fact list goes to Neo4j as one UNWIND query, repeats folded first
 * (batch-facts.ts). `prepared`, when given, is prepareFacts(records), used unless a check or
 * party resolution changed the records. In a dry run the same checks
 * run in a read transaction and nothing is written.
 */
export async function writeBatch(
  db: Database,
  source: DatasetSource,
  records: readonly PendingRecord[],
  opts: BatchOptions,
  prepared?: PreparedFacts,
): Promise<BatchResult> {
  const work = async (tx: ManagedTransaction): Promise<BatchResult> => {
    stages = {};
    let t0 = performance.now();
    // Wall time since the previous stage ended. A stage's time includes any of the importer's
    // own work (reading the next batch) that held Node's thread while the query ran.
    const lap = (stage: BatchStage) => {
      const t = performance.now();
      stages[stage] = (stages[stage] ?? 0) + (t - t0);
      t0 = t;
    };
    const { rejects, records: schemaChecked } = await checkAgainstGraph(tx, records);
    // FtM: references to an older id of an entity name the entity (referents.ts).
    let graphChecked = schemaChecked;
    if (source.format === "ftm") {
      const failed = new Set(rejects.map((r) => r.line));
      const referred = await resolveReferents(
        tx,
        schemaChecked.filter((r) => !failed.has(r.line)),
        opts.referentsStored === true,
      );
      graphChecked = referred.records;
      rejects.push(...referred.rejects);
    }
    const rejected = new Set(rejects.map((r) => r.line));
    // A relationship id stated twice in the batch between other endpoints: moved or rejected
    // here, as the graph's stored ids are on a retry (keepStoredEndpoints), since the second
    // would fail the whole transaction on the id constraint.
    const aligned = alignRelationshipIds(
      graphChecked.filter((r) => !rejected.has(r.line)),
      new Map(),
    );
    rejects.push(...aligned.rejects);
    rejects.sort((a, b) => a.line - b.line);
    // --strict stops at the batch's first bad line, whichever check found it.
    if (opts.strict && rejects.length > 0) throw new StrictRejectError(rejects[0]!);
    const checked = aligned.kept;
    lap("checks");
    // The checks return the same record objects when they changed nothing.
    const unchanged = (kept: readonly PendingRecord[]) => kept.length === records.length && kept.every((r, i) => r === records[i]);
    let kept = checked;
    let links: ResolvedParty[] = [];
    let p: PreparedFacts;
    // The resolution query is sent now; speculating, its answer is awaited after the writes are queued.
    const resolution = resolveParties(tx, checked, source.namespace, source.id);
    resolution.catch(() => undefined);
    const speculative = opts.speculate === true && !opts.dryRun && prepared !== undefined && unchanged(checked);
    if (speculative) p = prepared;
    else {
      const resolved = await resolution;
      ({ records: kept, links } = resolved);
      if (resolved.rejects.length > 0) {
        if (opts.strict) throw new StrictRejectError(resolved.rejects[0]!);
        rejects.push(...resolved.rejects);
        rejects.sort((a, b) => a.line - b.line);
      }
      lap("parties");
      // A dry run looks the stored ids up too, to report the CONFLICTING_ID rejects the import would.
      if (opts.keepStoredEndpoints || opts.dryRun) {
        const moved = await withStoredEndpoints(tx, kept);
        if (opts.strict && moved.rejects.length > 0) throw new StrictRejectError(moved.rejects[0]!);
        rejects.push(...moved.rejects);
        rejects.sort((a, b) => a.line - b.line);
        if (opts.dryRun) return { created: 0, merged: 0, written: moved.kept.length, rejects, stages, partiesResolved: links.length > 0, partyLinks: links };
        kept = moved.kept;
      }
      p = prepared !== undefined && unchanged(kept) ? prepared : prepareFacts(kept);
    }
    // Every record rejected: nothing to write, not even the dataset's :Source (a claims file of
    // unknown ids only left one behind, where a customs file of bad rows, rejected while read, left none).
    if (kept.length === 0) return { created: 0, merged: 0, written: 0, rejects, stages, partiesResolved: links.length > 0, partyLinks: links };
    const ns = { namespace: source.namespace };
    let created = 0;
    let fresh = false;
    // Every write below is queued on the transaction without waiting for the one before: Bolt
    // runs them in order, so Neo4j goes from one to the next while the driver encodes the
    // next, and results are awaited once, after the last query (the ids a create run found
    // stored and could not restate). The first failure fails the transaction.
    const queued: Promise<unknown>[] = [];
    // Resolves once `run` is sent, not when it is done (an async function returning `run` would wait for it).
    const queue = async (run: Promise<unknown>): Promise<void> => {
      // Handled here so a run failing while the next is encoded is not an unhandled rejection; Promise.all rethrows it.
      run.catch(() => undefined);
      queued.push(run);
      // run() encodes synchronously; yielding lets the socket send this run before the next is encoded.
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const count = (name: QueryName, params: Record<string, unknown>) =>
      queue(
        tx.run(query(name), { ...ns, ...params }).then((res) => {
          const counters = res.summary.counters.updates();
          created += counters.nodesCreated + counters.relationshipsCreated;
        }),
      );
    await queue(runIn(tx, "import-merge-source", { source }));
    if (p.publications.length > 0) await queue(runIn(tx, "import-merge-publications", { ...ns, publications: p.publications }));
    if (p.countries.length > 0) await count("import-merge-countries", { countries: p.countries });
    for (const { keys, kinds, rows } of p.packedEntities) {
      await queue(
        // Its relationships are PROVIDED links, which `created` does not count.
        tx
          .run(query("import-merge-entities-packed"), { ...ns, keys, kinds, rows, sourceId: source.id })
          .then((res) => void (created += res.summary.counters.updates().nodesCreated)),
      );
    }
    if (p.entities.length > 0) await count("import-merge-entities", { entities: p.entities });
    // Endpoints the batch did not just MERGE (forward references, resolved parties): MERGEd
    // here, placeholders when missing, so the relationship query only MATCHes endpoints.
    if (p.otherEndpoints.length > 0) await count("import-merge-placeholders", { stubs: p.otherEndpoints });
    if (p.identifiers.length > 0) await queue(runIn(tx, "import-merge-identifiers", { rows: p.identifiers }));
    // Not counted in `created`: referent nodes are bookkeeping, and a merged stub's relationships move rather than appear.
    if (p.referents.length > 0) await queue(runIn(tx, "import-merge-referents", { ...ns, referents: p.referents }));
    lap("nodes");
    const split = relationshipRuns(p);
    // Each relationship is in one run only, so the order of runs is moot. A create run restates
    // the stored relationships it can (import-create-relationships.cypher) and returns the
    // others (a re-import: statements at or below the dataset's watermark), merged after.
    const stored: BatchRelationship[] = [];
    for (const { relationships, rows, ids, endpoints, keys, kinds } of split.create) {
      // Runs hold one relationship type each (batch-prepare.ts, Packing).
      const freshRun = opts.freshSupplied === true && relationships.every((r) => r.type === "SUPPLIED");
      fresh ||= freshRun;
      await queue(
        tx
          .run(createRelationshipsQuery(keys, kinds, freshRun), { rows, ids, endpoints, datasetId: source.id, maxEvidence: MAX_EVIDENCE_PER_RELATIONSHIP })
          .then((res) => {
            created += res.summary.counters.updates().relationshipsCreated;
            const ids = new Set((res.records[0]?.get("matched") ?? []) as string[]);
            if (ids.size > 0) stored.push(...relationships.filter((r) => ids.has(r.id)));
          }),
      );
    }
    const merge = (params: RelationshipRun) =>
      count("import-merge-relationships", { ...params, datasetId: source.id, maxEvidence: MAX_EVIDENCE_PER_RELATIONSHIP, editorKeys: EDITOR_PROPERTIES });
    for (const params of split.merge) await merge(params);
    if (p.provided.length > 0) await queue(runIn(tx, "import-link-provenance", { sourceId: source.id, ids: p.provided }));
    if (links.length > 0) await queue(runIn(tx, "import-link-resolutions", { sourceId: source.id, links }));
    if (speculative && (await resolution).links.length > 0) throw new PartiesResolved();
    await Promise.all(queued);
    for (const params of mergeRuns(stored)) await merge(params);
    await Promise.all(queued);
    lap("relationships");
    return {
      created,
      merged: Math.max(0, p.stated - created),
      written: kept.length,
      rejects,
      stages,
      partiesResolved: links.length > 0,
      partyLinks: links,
      freshSupplied: fresh,
    };
  };
  let stages: Partial<Record<BatchStage, number>> = {};
  const started = performance.now();
  let result: BatchResult;
  try {
    result = opts.dryRun
      ? await db.readTx("import-dry-run", work, { timeoutMs: BATCH_TIMEOUT_MS })
      : await db.writeTx("import-batch", work, { timeoutMs: BATCH_TIMEOUT_MS });
  } catch (err) {
    // Rolled back: the bet lost. The same batch again, resolution first.
    if (err instanceof PartiesResolved) return writeBatch(db, source, records, { ...opts, speculate: false }, prepared);
    // Rolled back: a SUPPLIED id bet to be new is stored (or stored between other endpoints,
    // which the general queries then handle as below). The same batch again, without the bet.
    if (opts.freshSupplied && isRelationshipIdConflict(err))
      return { ...(await writeBatch(db, source, records, { ...opts, freshSupplied: false }, prepared)), freshSuppliedLost: true };
    // Rolled back: a relationship id is stored between other endpoints (see keepStoredEndpoints). Once more, keeping them.
    if (isRelationshipIdConflict(err) && !opts.keepStoredEndpoints)
      return writeBatch(db, source, records, { ...opts, speculate: false, keepStoredEndpoints: true });
    throw err;
  }
  // What the work did not spend: beginning the transaction and committing it.
  const inWork = Object.values(stages).reduce((a, b) => a + b, 0);
  return { ...result, stages: { ...result.stages, commit: performance.now() - started - inWork } };
}

/** True for Neo4j refusing a write on a uniqueness constraint (an id stored already, here between other endpoints). */
function isRelationshipIdConflict(err: unknown): boolean {
  return err instanceof Neo4jError && err.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}

/**
 * `records` aligned with the relationship ids the graph already stores
 * (import-stored-endpoints.cypher, every allow-listed type): see alignRelationshipIds. A
 * relationship moved onto its stored endpoints is MERGEd onto the stored relationship instead of
 * failing on its id, and its statement is counted there as on any stored one (nothing, for a
 * re-import at or below the dataset's watermark).
 */
async function withStoredEndpoints(tx: ManagedTransaction, records: readonly PendingRecord[]): Promise<{ kept: PendingRecord[]; rejects: Reject[] }> {
  const rels = new Map<string, { type: string; id: string; start: string; end: string }>();
  for (const r of records)
    for (const rel of r.facts.relationships) rels.set(heldKey(rel.type, rel.id), { type: rel.type, id: rel.id, start: rel.start, end: rel.end });
  if (rels.size === 0) return { kept: [...records], rejects: [] };
  const held = new Map<string, HeldEndpoints>();
  const graphNames = new Map<string, string>();
  const name = (v: unknown) => (typeof v === "string" ? v : undefined);
  for (const row of await runIn(tx, "import-stored-endpoints", { rels: [...rels.values()] })) {
    const key = heldKey(plainString(row.type), plainString(row.id));
    held.set(key, { start: plainString(row.start), end: plainString(row.end), startName: name(row.startName), endName: name(row.endName) });
    const stated = rels.get(key)!;
    if (name(row.batchStartName) !== undefined) graphNames.set(stated.start, name(row.batchStartName)!);
    if (name(row.batchEndName) !== undefined) graphNames.set(stated.end, name(row.batchEndName)!);
  }
  return alignRelationshipIds(records, held, graphNames);
}

/**
 * A dataset's stored :Source (import-source-shipments.cypher): null when the file was never
 * imported; else the shipment mode ("declaration" or "aggregate") a customs file was first
 * imported with, null for other formats (and before the mode was recorded).
 */
export async function storedDataset(db: Database, sourceId: string): Promise<{ readonly shipments: string | null } | null> {
  const rows = await db.read("import-source-shipments", { sourceId });
  if (rows.length === 0) return null;
  const mode = rows[0]!.shipments;
  return { shipments: typeof mode === "string" ? mode : null };
}

/**
 * True when the graph has a uniqueness (or key) constraint on SUPPLIED `id`
 * (import-supplied-id-unique.cypher; `rel_supplied_id` in cypher/schema.cypher), which the bet
 * of BatchOptions.freshSupplied relies on to refuse a stored id.
 */
export async function suppliedIdsUnique(db: Database): Promise<boolean> {
  const rows = await db.read("import-supplied-id-unique", {});
  return rows[0]?.unique === true;
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
 * or already in the graph) or by a Country node (an FtM Company `country-ru` in a file imported
 * without `--namespace` turned Russia into a company, and customs parties named "Russia" then
 * linked to it), and claims naming entity ids the graph lacks. An entity whose stored FtM schema
 * is more specific than the record's (a stored Company restated as a LegalEntity) keeps the
 * stored schema and kind, as FtM's merge does (extendsSchema); it was downgraded before.
 * @returns the rejects, and `records` with those entities upgraded (the same objects where
 * nothing changed).
 */
async function checkAgainstGraph(tx: ManagedTransaction, records: readonly PendingRecord[]): Promise<{ rejects: Reject[]; records: PendingRecord[] }> {
  const rejects: Reject[] = [];
  const ftmIds = [...new Set(records.flatMap((r) => r.facts.entities.filter((e) => e.ftmSchema).map((e) => e.id)))];
  const schemata = new Map<string, string>();
  const countries = new Set<string>();
  // The graph's schemata only, for upgrading (schemata gains the batch's own as records go).
  const stored = new Map<string, string>();
  if (ftmIds.length > 0) {
    for (const row of await runIn(tx, "import-entity-schemata", { ids: ftmIds })) {
      if (row.country === true) countries.add(plainString(row.id));
      else {
        schemata.set(plainString(row.id), plainString(row.schema));
        stored.set(plainString(row.id), plainString(row.schema));
      }
    }
  }
  const required = [...new Set(records.flatMap((r) => r.facts.requiredIds))];
  const missing = new Set<string>();
  if (required.length > 0) for (const row of await runIn(tx, "missing-ids", { ids: required })) for (const id of row.missing as string[]) missing.add(id);
  for (const record of records) {
    const country = record.facts.entities.find((e) => e.ftmSchema && countries.has(e.id));
    if (country) {
      rejects.push({
        line: record.line,
        code: "CONFLICTING_SCHEMA",
        reason: `line ${record.line}: id ${country.id} is a Country node, not a ${country.ftmSchema}; import the file with --namespace to keep its ids apart`,
      });
      continue;
    }
    const conflict = record.facts.entities.find((e) => e.ftmSchema && schemata.has(e.id) && !compatibleSchemata(schemata.get(e.id)!, e.ftmSchema));
    if (conflict) {
      rejects.push({
        line: record.line,
        code: "CONFLICTING_SCHEMA",
        reason: `line ${record.line}: id ${conflict.id} is already a ${schemata.get(conflict.id)}, not a ${conflict.ftmSchema}`,
      });
      continue;
    }
    const unknown = record.facts.requiredIds.filter((id) => missing.has(id));
    if (unknown.length > 0) {
      rejects.push({
        line: record.line,
        code: "UNKNOWN_ENTITY",
        reason: `line ${record.line}: no entity with id ${unknown.map((i) => JSON.stringify(i)).join(", ")}`,
      });
      continue;
    }
    for (const e of record.facts.entities) if (e.ftmSchema && !schemata.has(e.id)) schemata.set(e.id, e.ftmSchema);
  }
  return { rejects, records: records.map((r) => withStoredSchemata(r, stored)) };
}

/** `record` with each FtM entity whose `stored` schema is more specific than its own given that schema and its kind. */
function withStoredSchemata(record: PendingRecord, stored: ReadonlyMap<string, string>): PendingRecord {
  const upgrade = (e: EntityFact): EntityFact => {
    const s = e.ftmSchema ? stored.get(e.id) : undefined;
    if (!s || !e.ftmSchema || !extendsSchema(s, e.ftmSchema)) return e;
    const kind = nodeKind(findSchema(s)!);
    return kind ? { ...e, ftmSchema: s, kind } : e;
  };
  const entities = record.facts.entities.map(upgrade);
  return entities.every((e, i) => e === record.facts.entities[i]) ? record : { ...record, facts: { ...record.facts, entities } };
}
