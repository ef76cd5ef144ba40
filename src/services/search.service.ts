import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { LIMITS } from "../model/limits.js";
import { identifierKey, latinNames, searchSpellings } from "../model/name-keys.js";
import { BadUserInputError } from "../errors.js";
import { clusterViews } from "./cluster-views.js";
import { intInRange } from "./validate.js";
import { toEntityView, type EntityView } from "./views.js";

/** Full-text search over entity names, aliases and their Latin spellings, and exact search over identifiers. */
export class SearchService {
  constructor(private readonly db: Database) {}

  /**
   * Entities whose name or alias matches `text`, best first. Case-insensitive; any user text
   * is matched literally (Lucene operators such as `*`, `(`, `"`, `AND` have no effect). A name
   * is also found by its Latin spellings (src/model/name-keys.ts: `Wuerth` and `Wurth` find
   * Würth, `Giessner` Gießner, `Kalashnikov` Калашников) and an entity by any of its identifiers
   * (INN, OGRN, LEI, registration, tax or IMO number, …) written exactly, case, spaces and
   * punctuation aside. Order: identifier matches, then exact name or alias matches (in any
   * spelling), then the rest by Lucene's score; stubs (entities only referenced by imported
   * data, `stub`) after all others. Records judged one actor come back once, as their entity
   * (mergedIds), at the rank of its best record.
   * @param limit default 10, cap 100.
   * @throws BadUserInputError when `text` is longer than 200 characters or `limit` is out of range.
   */
  async search(text: string, limit: number = LIMITS.searchLimitDefault): Promise<EntityView[]> {
    intInRange("limit", limit, 1, LIMITS.searchLimitCap);
    if (text.length > LIMITS.searchTextCap) {
      throw new BadUserInputError(`text must be at most ${LIMITS.searchTextCap} characters; got ${text.length}`, { argument: "text" });
    }
    const lucene = toSearchQuery(text);
    if (lucene === null) return [];
    // Fetch a few more than asked, so an exact name or alias match ranked low by Lucene's
    // scoring (short fields, many terms) can still be moved to the top, and stubs moved down.
    const fetch = neo4j.int(Math.min(LIMITS.searchLimitCap, Math.max(limit * 3, 20)));
    const key = identifierKey(text);
    const [byIdentifier, byName] = await Promise.all([
      key ? this.db.read("search-identifiers", { lucene: `"${key}"`, limit: fetch }) : Promise.resolve([]),
      this.db.read("search-entities", { lucene, limit: fetch }),
    ]);
    const wanted = new Set([normalize(text), ...latinNames(text)]);
    const exactName = (e: EntityView) => [e.name, ...e.aliases].some((n) => wanted.has(normalize(n)) || latinNames(n).some((l) => wanted.has(l)));
    const identified = byIdentifier.map((r) => toEntityView(r.entity));
    const seen = new Set(identified.map((e) => e.id));
    const named = byName.map((r) => toEntityView(r.entity)).filter((e) => !seen.has(e.id));
    const exact = named.filter(exactName);
    const ranked = [...identified, ...exact, ...named.filter((e) => !exact.includes(e))];
    // Records judged one actor come back as one entity, at the rank of its best record (cluster-views.ts).
    return (await clusterViews(this.db, [...ranked.filter((e) => !e.stub), ...ranked.filter((e) => e.stub)])).slice(0, limit);
  }
}

/**
 * The Lucene query of a search: {@link toLuceneQuery} of the text and of each of its Latin
 * spellings (searchSpellings), any of them; null when the text has no letter or digit.
 */
export function toSearchQuery(text: string): string | null {
  const parts = [
    ...new Set(
      searchSpellings(text)
        .map(toLuceneQuery)
        .filter((q): q is string => q !== null),
    ),
  ];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : parts.map((q) => `(${q})`).join(" OR ");
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
  const phrase = `${toLucenePhrase(text)}^4`;
  const all = `(${words.map((w) => `${w}*`).join(" AND ")})^2`;
  const any = words.flatMap((w) => (w.length >= 4 ? [`${w}*`, `${w}~1`] : [`${w}*`]));
  return [phrase, all, ...any].join(" OR ");
}

/** `text` as one Lucene phrase query (`"…"`, backslash and quote escaped): matched literally, one clause. */
export function toLucenePhrase(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Case- and space-insensitive form of a name, for exact-match ranking. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}
