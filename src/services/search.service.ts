import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { LIMITS } from "../model/limits.js";
import { BadUserInputError } from "../errors.js";
import { clusterViews } from "./cluster-views.js";
import { intInRange } from "./validate.js";
import { toEntityView, type EntityView } from "./views.js";

/** Full-text search over entity names and aliases. */
export class SearchService {
  constructor(private readonly db: Database) {}

  /**
   * Entities whose name or alias matches `text`, best first; records judged one actor come back
   * once, as their entity (mergedIds). Case-insensitive; any user text
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
    // Fetch a few more than asked, so an exact name or alias match ranked low by Lucene's
    // scoring (short fields, many terms) can still be moved to the top.
    const fetch = Math.min(LIMITS.searchLimitCap, Math.max(limit * 3, 20));
    const rows = await this.db.read("search-entities", { lucene, limit: neo4j.int(fetch) });
    const wanted = normalize(text);
    const entities = rows.map((r) => toEntityView(r.entity));
    const exact = entities.filter((e) => [e.name, ...e.aliases].some((n) => normalize(n) === wanted));
    // Records judged one actor come back as one entity, at the rank of its best record (cluster-views.ts).
    return (await clusterViews(this.db, [...exact, ...entities.filter((e) => !exact.includes(e))])).slice(0, limit);
  }
}

/**
 * Builds a Lucene query that matches user text literally, best matches first:
 * - the whole text as a phrase, boosted ×4 (quotes and backslashes escaped: all a phrase needs);
 * - every word as a prefix, all together, boosted ×2 ("SZ DJI" finds "SZ DJI Technology");
 * - any word as a prefix, or within one edit for words of 4+ letters ("Puttin" finds Putin,
 *   "drones" finds "drone"), so a search for two names returns both entities.
 * Words are runs of Unicode letters and digits, so they hold no Lucene syntax; they are
 * lower-cased so `AND`/`OR`/`NOT` are terms, not operators. Returns null when the text has no
 * letter or digit.
 *
 * Written here rather than taken from npm: no maintained package escapes Lucene query text,
 * and the rule is short (Lucene QueryParser syntax, "Escaping Special Characters").
 */
export function toLuceneQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const phrase = `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"^4`;
  const all = `(${words.map((w) => `${w}*`).join(" AND ")})^2`;
  const any = words.flatMap((w) => (w.length >= 4 ? [`${w}*`, `${w}~1`] : [`${w}*`]));
  return [phrase, all, ...any].join(" OR ");
}

/** Case- and space-insensitive form of a name, for exact-match ranking. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}
