import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitCypherStatements } from "../db/cypher-script.js";
import type { Database } from "../db/run.js";
import { CYPHER_DIR } from "../paths.js";

/** Node and relationship counts of the whole database. */
export interface GraphCounts {
  /** Nodes of the graph: entities and sources (bookkeeping nodes are not counted, see count-graph.cypher). */
  readonly nodes: number;
  /** Of them, entities (actors, places, programmes…). */
  readonly entities: number;
  /** Of them, sources (the articles, datasets and customs files claims cite). */
  readonly sources: number;
  /** Relationships of the graph: claims and their links to sources (JUDGED bookkeeping not counted). */
  readonly relationships: number;
}

/** Applies `cypher/schema.cypher` and `cypher/seed.cypher`, and reports counts. */
export class GraphAdminService {
  constructor(private readonly db: Database) {}

  /** Creates constraints and indexes (idempotent), each in its own auto-commit transaction, then waits for indexes to come online. */
  async applySchema(): Promise<void> {
    for (const statement of splitCypherStatements(readFileSync(join(CYPHER_DIR, "schema.cypher"), "utf8"))) {
      await this.db.runSchemaStatement(statement);
    }
    await this.db.runSchemaStatement("CALL db.awaitIndexes(60)");
  }

  /**
   * Loads the article's graph. Every statement runs in ONE write transaction, so the seed
   * lands whole or not at all; MERGE makes a second load change nothing.
   */
  async applySeed(): Promise<void> {
    const statements = splitCypherStatements(readFileSync(join(CYPHER_DIR, "seed.cypher"), "utf8"));
    await this.db.writeTx(
      "seed",
      async (tx) => {
        for (const statement of statements) await tx.run(statement);
      },
      { timeoutMs: 120_000 },
    );
  }

  /** Counts every node and relationship. */
  async counts(): Promise<GraphCounts> {
    const [row] = await this.db.read("count-graph", {});
    return {
      nodes: Number(row?.nodes ?? 0),
      entities: Number(row?.entities ?? 0),
      sources: Number(row?.sources ?? 0),
      relationships: Number(row?.relationships ?? 0),
    };
  }
}
