import type { Database } from "../db/run.js";
import { ImportFileError } from "../import/import-errors.js";
import { runImport, type ImportOptions, type ImportSummary } from "../import/importer.js";

/**
 * Imports FtM, customs and claims files into the graph (src/import/), and removes what one
 * namespace's imports made. Used by `actorgraph import` and `POST /import/:format`.
 */
export class ImportService {
  constructor(private readonly db: Database) {}

  /**
   * Imports one file; see {@link runImport} for batching, idempotency and the summary.
   * @throws ImportFileError (bad file or options; nothing written), StrictRejectError.
   */
  async importFile(options: ImportOptions): Promise<ImportSummary> {
    return runImport(this.db, options);
  }

  /**
   * Deletes what imports under `namespace` created (import-delete-namespace.cypher): its
   * entities, relationships and Source nodes, and Country nodes only it used. Seed data stays.
   * @throws ImportFileError BAD_OPTION for an invalid namespace.
   */
  async deleteNamespace(namespace: string): Promise<void> {
    if (!/^[a-z0-9_-]{1,40}$/.test(namespace)) throw new ImportFileError("BAD_OPTION", "namespace: 1–40 characters of a–z, 0–9, _ and -");
    await this.db.write("import-delete-namespace", { namespace, prefix: `${namespace}:` }, { timeoutMs: 120_000 });
  }
}
