import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CYPHER_DIR } from "../paths.js";

/**
 * Names of the parameterised queries in `cypher/queries/<name>.cypher`. Each query lives in
 * exactly one file; code refers to it by name, never by an inline copy. A file may hold a
 * script of several statements separated by `;`, which only `Database.autoCommit` runs (one
 * auto-commit transaction per statement).
 */
export const QUERY_NAMES = [
  "count-graph",
  "entities-by-ids",
  "entity-relationships",
  "entity-context",
  "expand-balls-flow",
  "expand-balls-route",
  "expand-exposure-route",
  "expand-hops-any",
  "expand-hops-directed",
  "expand-paths-flow",
  "import-count-aggregates",
  "import-create-new-supplied",
  "import-create-relationships",
  "import-delete-namespace-citations",
  "import-delete-namespace-countries",
  "import-delete-namespace-entities",
  "import-delete-namespace-relationships",
  "import-delete-namespace-revisions",
  "import-delete-namespace-sources",
  "import-entity-schemata",
  "import-has-referents",
  "import-link-provenance",
  "import-link-resolutions",
  "import-merge-countries",
  "import-merge-entities",
  "import-merge-entities-packed",
  "import-merge-identifiers",
  "import-merge-placeholders",
  "import-merge-publications",
  "import-merge-referents",
  "import-merge-relationships",
  "import-merge-source",
  "import-resolve-parties",
  "import-resolve-parties-by-alias",
  "import-resolve-referents",
  "import-source-shipments",
  "import-supplied-id-unique",
  "import-stored-endpoints",
  "export-entities-page",
  "export-ftm-references",
  "export-relationships-page",
  "find-shortest-any",
  "graph-fingerprint",
  "missing-ids",
  "relationships-among",
  "relationships-by-ids",
  "relationships-by-keys",
  "search-entities",
  "claim-by-id",
  "claim-between",
  "create-claim",
  "create-entity",
  "create-revision",
  "history",
  "idempotency-begin",
  "idempotency-finish",
  "lock-entity",
  "lock-relationship",
  "merge-source",
  "source-by-id",
  "sources-for-evidence",
  "update-relationship",
  "dataset-resolvable-entities",
  "identities-by-ids",
  "identities-clustered-any",
  "identities-delete-unjudged",
  "identities-orphaned",
  "identities-page",
  "judgement-clusters",
  "judgement-delete",
  "judgement-merge",
  "judgement-of-pair",
  "judgements-decided",
  "judgements-of-clusters",
  "referent-pairs",
  "resolvable-entities-page",
  "resolution-lock",
  "resolution-records-by-ids",
  "resolution-records-page",
  "set-identity-canonicals",
  "search-identifiers",
  "warm-up-entity",
  "warm-up-flow-pair",
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

let cache: Readonly<Record<QueryName, string>> | undefined;

/**
 * Loads every named query once into a frozen map.
 * @throws Error naming the file when one is missing or empty (fail fast at start-up).
 */
export function loadQueries(): Readonly<Record<QueryName, string>> {
  if (cache) return cache;
  const entries = QUERY_NAMES.map((name) => {
    const file = join(CYPHER_DIR, "queries", `${name}.cypher`);
    const text = readFileSync(file, "utf8").trim();
    if (!text) throw new Error(`Query file ${file} is empty`);
    return [name, text] as const;
  });
  cache = Object.freeze(Object.fromEntries(entries) as Record<QueryName, string>);
  return cache;
}

/** The Cypher text of one named query. */
export function query(name: QueryName): string {
  return loadQueries()[name];
}
