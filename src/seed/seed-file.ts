import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CYPHER_DIR, PROJECT_ROOT } from "../paths.js";
import { ARTICLE_SOURCE, SEED_CLAIMS, SEED_ENTITIES } from "./article-graph.js";
import { emitSeedCypher } from "./emit-seed-cypher.js";

/** The generated seed script. */
export const SEED_FILE = join(CYPHER_DIR, "seed.cypher");

/**
 * The article, verbatim: `../shared/seed/article.txt` beside the repository, or
 * `ARTICLE_PATH`. Needed only to (re)generate the seed; the generated script embeds it.
 */
export function articlePath(): string {
  return process.env.ARTICLE_PATH ?? join(PROJECT_ROOT, "..", "shared", "seed", "article.txt");
}

/** Renders cypher/seed.cypher from the authored seed data and the article text. */
export function renderSeedCypher(): string {
  return emitSeedCypher(ARTICLE_SOURCE, readFileSync(articlePath(), "utf8"), SEED_ENTITIES, SEED_CLAIMS);
}
