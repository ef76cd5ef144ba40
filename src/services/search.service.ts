import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { LIMITS } from "../model/limits.js";
import { BadUserInputError } from "../errors.js";
import { intInRange } from "./validate.js";
import { toEntityView, type EntityView } from "./views.js";

/** Full-text search over entity names and aliases. */
export class SearchService {
  constructor(private readonly db: Database) {}

  /**
   * Entities whose name or alias matches `text`, best first. Case-insensitive; any user text
   * is matched literally (Lucene operators such as `*`, `(`, `"`, `AND` have no effect).
   * @param limit default 10, cap 100.
   * @throws BadUserInputError when `text` is longer than 200 characters or `limit` is out of range.
   */
  async search(text: string, limit: number = LIMITS.searchLimitDefault): Promise<EntityView[]> {
    intInRange("limit", limit, 1, LIMITS.searchLimitCap);
    if (text.length > LIMITS.searchTextCap) {
      throw new BadUserInputError(`text must be at most ${LIMITS.searchTextCap} characters; got ${text.length}`, { argument: "text" });
    }
    const lucene = toLuceneQuery(text);
    if (lucene === null) return [];
    const rows = await this.db.read("search-entities", { lucene, limit: neo4j.int(limit) });
    return rows.map((r) => toEntityView(r.entity));
  }
}

/**
 * Builds a Lucene query that matches user text literally: the whole text as a phrase (quotes
 * and backslashes escaped, which is all a phrase needs) OR every word as a prefix. Words are
 * runs of Unicode letters and digits, so they hold no Lucene syntax; they are lower-cased so
 * `AND`/`OR`/`NOT` are terms, not operators. Returns null when the text has no letter or digit.
 *
 * Written here rather than taken from npm: no maintained package escapes Lucene query text,
 * and the rule is short (Lucene QueryParser syntax, "Escaping Special Characters").
 */
export function toLuceneQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const phrase = `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `${phrase} OR (${words.map((w) => `${w}*`).join(" AND ")})`;
}
