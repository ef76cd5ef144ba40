import { basename } from "node:path";
import neo4j from "neo4j-driver";
import { SYSTEM_ACTOR } from "../auth/roles.js";
import type { Plain } from "../db/values.js";
import type { AutoResolution } from "./resolution.service.js";
import { recordRevision } from "./revision.service.js";
import type { QueryName } from "../db/queries.js";
import type { AutoCommitResult, Database, Row } from "../db/run.js";
import { QueryTooCostlyError } from "../errors.js";
import { checkNamespace } from "../import/facts.js";
import { ImportFileError } from "../import/import-errors.js";
import { overTransactionMemory, runImport, type ImportOptions, type ImportSummary } from "../import/importer.js";

/** Relationships per inner transaction of `deleteNamespace` unless its `batchSize` says otherwise. */
export const DEFAULT_DELETE_BATCH_SIZE = 10_000;

/** Time limit of each statement of `deleteNamespace` (all its batches), in milliseconds: one hour. */
export const DELETE_STEP_TIMEOUT_MS = 3_600_000;

/** Options of {@link ImportService.deleteNamespace}. */
export interface DeleteNamespaceOptions {
  /**
   * Relationships deleted per inner transaction, an integer from 1 to 100 000 (default
   * {@link DEFAULT_DELETE_BATCH_SIZE}). Nodes go a tenth as many at a time (at least 1), as
   * DETACH DELETE also removes the relationships still on them.
   */
  readonly batchSize?: number;
  /**
   * Time limit of each statement of the four steps, all its batches included, in milliseconds
   * (default {@link DELETE_STEP_TIMEOUT_MS}); see Database.autoCommit.
   */
  readonly timeoutMs?: number;
}

/** What `deleteNamespace` removed; `actorgraph import:delete` prints it as JSON (one line unless stdout is a terminal). */
export interface DeleteNamespaceSummary {
  /** The namespace, as given. */
  readonly namespace: string;
  /**
   * Relationships deleted: those with ids `<namespace>:…`, and those DETACH DELETE removed with
   * the namespace's nodes (the :PROVIDED links of its datasets, other imports' links to them).
   */
  readonly relationshipsDeleted: number;
  /** :Entity nodes deleted: ids `<namespace>:…`, and Country nodes imports created that nothing links to any more. */
  readonly nodesDeleted: number;
  /**
   * :Source nodes deleted (namespace = `<namespace>`): the datasets it imported, and the
   * publications its claims quote that no other namespace's relationship still cites (those stay,
   * moved to a namespace that cites them, and are not counted). Not in `nodesDeleted`.
   */
  readonly sourcesDeleted: number;
  /**
   * Automatic (`system`) judgements deleted because a record they judged is gone
   * (ResolutionService.forgetDeleted); judgements people made are always kept.
   */
  readonly judgementsDeleted: number;
  /** Wall-clock time in **seconds**. */
  readonly seconds: number;
}

/**
 * Imports FtM, customs and claims files into the graph (src/import/), and removes what one
 * namespace's imports made. Used by `actorgraph import` and `POST /import/:format`.
 */
export class ImportService {
  constructor(
    private readonly db: Database,
    /** Automatic resolution after each import and its clean-up after a delete (ResolutionService); none when absent. */
    private readonly resolution?: { autoResolveDataset(sourceId: string | null): Promise<AutoResolution>; forgetDeleted(namespace: string): Promise<number> },
  ) {}

  /**
   * Imports one file; see {@link runImport} for batching, idempotency and the summary. An import
   * that wrote records then leaves one revision on its dataset :Source (history of
   * `summary.sourceId`): actor `system`, operation `import`, the summary as `after`, and who
   * asked (`requestedBy`, the HTTP caller's token subject, or the CLI) in its reason. One per
   * import, written after the last batch commits, so the bulk path is not slowed; a dry run or an
   * import that wrote nothing leaves none. Then automatic resolution runs over the dataset's
   * entities that hold identifiers, and the summary's `resolution` says what it judged.
   * @throws ImportFileError (bad file or options; nothing written), StrictRejectError.
   */
  async importFile(
    options: ImportOptions,
    provenance: { readonly requestedBy?: string } = {},
  ): Promise<ImportSummary & { readonly resolution?: AutoResolution }> {
    const imported = await runImport(this.db, options);
    const wrote = !options.dryRun && imported.read - imported.rejected > 0;
    // Records that share a valid strong identifier with others become one entity (docs/resolution.md).
    const summary = wrote && this.resolution ? { ...imported, resolution: await this.resolution.autoResolveDataset(imported.sourceId) } : imported;
    if (wrote) {
      const by = provenance.requestedBy ? `POST /import/${options.format} by ${provenance.requestedBy}` : `actorgraph import ${options.format}`;
      await this.db.writeTx("import-revision", (tx) =>
        recordRevision(tx, {
          targetKind: "source",
          targetId: summary.sourceId,
          version: 1,
          actor: SYSTEM_ACTOR,
          operation: "import",
          reason: `${by}: ${options.name ?? basename(options.path)}`,
          before: null,
          after: JSON.parse(JSON.stringify(summary)) as Record<string, Plain>,
        }),
      );
    }
    return summary;
  }

  /**
   * Deletes what imports under `namespace` created, in four steps, each a query run in
   * auto-commit transactions that commit `CALL { … } IN TRANSACTIONS` batches as they go, so
   * memory is bounded by one batch (of nodes: with the relationships still on them), not by the
   * namespace's millions of relationships:
   * 1. relationships with ids `<namespace>:…` (claims between seed entities included), by a
   *    prefix seek of each allow-listed type's id index (import-delete-namespace-relationships);
   * 2. entities with ids `<namespace>:…`, DETACH DELETE (…-entities);
   * 3. the namespace's :Source nodes (…-sources): its datasets, and the publications its claims
   *    quote that no relationship left cites. Publications are shared (one per URL, whatever the
   *    namespace), so first one pass over the relationships that cite sources finds which are
   *    still cited (…-citations, skipped for a namespace without publications); those stay, and
   *    take the namespace of one that cites them, so that its delete removes them in turn;
   * 4. Country nodes an import created that nothing links to any more (…-countries);
   * 5. the import revisions of its datasets (…-revisions; see importFile);
   * 6. the automatic judgements that named its deleted records (docs/resolution.md).
   * Seed data stays. Idempotent: a delete that was interrupted or failed half-way (timeout,
   * memory limit, lost connection) keeps the batches it committed, and running it again
   * removes the rest; on a namespace with nothing left it deletes nothing and reports zeros.
   * Do not import into the namespace while it is being deleted.
   * @returns the counts of what it deleted and the time it took.
   * @throws ImportFileError BAD_OPTION for an invalid namespace or batch size (nothing deleted);
   *   QueryTooCostlyError (its `neo4jCode` kept) when a step passes `timeoutMs` or Neo4j refuses
   *   one batch for its transaction memory cap, with a message saying to run it again (with a
   *   smaller `batchSize` for the latter); DatabaseUnavailableError.
   */
  async deleteNamespace(namespace: string, options: DeleteNamespaceOptions = {}): Promise<DeleteNamespaceSummary> {
    checkNamespace(namespace);
    const batchSize = options.batchSize ?? DEFAULT_DELETE_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
      throw new ImportFileError("BAD_OPTION", "batch size: an integer from 1 to 100000");
    const started = Date.now();
    const prefix = `${namespace}:`;
    const nodeBatch = Math.max(1, Math.floor(batchSize / 10));
    const run = async (name: QueryName, batch: number, unit: string, params: Record<string, unknown> = {}): Promise<AutoCommitResult> => {
      try {
        return await this.db.autoCommit(
          name,
          { namespace, prefix, batchSize: neo4j.int(batch), ...params },
          { timeoutMs: options.timeoutMs ?? DELETE_STEP_TIMEOUT_MS },
        );
      } catch (err) {
        throw err instanceof QueryTooCostlyError ? stoppedDelete(err, namespace, `${batch} ${unit}`) : err;
      }
    };
    const relationships = (await run("import-delete-namespace-relationships", batchSize, "relationships")).counters;
    const entities = (await run("import-delete-namespace-entities", nodeBatch, "entities")).counters;
    const citations = publicationCitations((await run("import-delete-namespace-citations", batchSize, "relationships")).rows);
    const sources = (await run("import-delete-namespace-sources", nodeBatch, "Source nodes", citations)).counters;
    const countries = (await run("import-delete-namespace-countries", nodeBatch, "Country nodes")).counters;
    await run("import-delete-namespace-revisions", nodeBatch, "revisions");
    const judgementsDeleted = (await this.resolution?.forgetDeleted(namespace)) ?? 0;
    return {
      namespace,
      relationshipsDeleted: [relationships, entities, sources, countries].reduce((sum, step) => sum + step.relationshipsDeleted, 0),
      nodesDeleted: entities.nodesDeleted + countries.nodesDeleted,
      sourcesDeleted: sources.nodesDeleted,
      judgementsDeleted,
      seconds: (Date.now() - started) / 1000,
    };
  }
}

/**
 * The parameters of import-delete-namespace-sources.cypher from the row of
 * import-delete-namespace-citations.cypher (none when the namespace has no publication):
 * `rehomed`, the publications still cited, each with a namespace that cites it; `orphans`, the
 * ids of those nothing cites. A publication cited only by relationships without a namespace is
 * in neither, so it stays as it is.
 */
function publicationCitations(rows: readonly Row[]): { rehomed: { id: string; namespace: string }[]; orphans: string[] } {
  const row = rows[0];
  if (!row) return { rehomed: [], orphans: [] };
  const cited = row.cited as { id: string; namespace: string | null }[];
  const citedIds = new Set(cited.map((c) => c.id));
  return {
    rehomed: cited.filter((c): c is { id: string; namespace: string } => c.namespace !== null),
    orphans: (row.ids as string[]).filter((id) => !citedIds.has(id)),
  };
}

/** The error of a delete step Neo4j stopped at its time or memory limit, saying how to finish the delete. */
function stoppedDelete(err: QueryTooCostlyError, namespace: string, batch: string): QueryTooCostlyError {
  const memory = overTransactionMemory(err);
  const why = memory
    ? `Neo4j refused a batch of ${batch} for its transaction memory cap (db.memory.transaction.max)`
    : "a step of the delete ran past its time limit";
  return new QueryTooCostlyError(
    `${why}; what was deleted so far stays deleted: run import:delete ${namespace} again${memory ? " with a smaller --batch-size" : ""} to finish`,
    {
      neo4jCode: err.extensions.neo4jCode,
    },
  );
}
