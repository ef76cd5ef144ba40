import { LEGAL_FORM_WORDS } from "./legal-forms.js";
import type { PreparedRecord } from "./matcher.js";

/**
 * Blocking: which records are compared at all. Two records are compared when they share a
 * **block key**: a name word, a whole name without spaces and legal forms, or an identifier of
 * one scheme. Model: nomenklatura's index (`nomenklatura/index/tokenizer.py` and
 * `duckdb_index.py`): name parts, whole cleaned names and identifiers are tokens; pairs share a
 * token; a token held by more than 100 entities is a stop word and pairs nobody. We add the
 * country: a word held by too many records is split by country (`w:trading@HK`), and only those
 * sub-blocks small enough are used, so "Trading" pairs two Hong Kong firms but not every firm.
 */

/** Default largest block, in records (nomenklatura's stop-word threshold, token_freq > 100). */
export const MAX_BLOCK = 100;

/** Shortest name word that is a block key, in characters (nomenklatura: name parts of 3+). */
const MIN_WORD = 3;

/**
 * The block keys of a record: `w:<word>` and `w:<word>@<country>` for each name word of 3 to
 * 29 characters that is not part of a legal form; `n:<name without spaces>` for each name or
 * alias (3+ characters); `i:<scheme>:<value>` for each identifier.
 */
export function blockKeys(p: PreparedRecord): string[] {
  const keys = new Set<string>();
  const countries = p.record.countries;
  for (const n of p.names) {
    if (n.compact.length >= MIN_WORD) keys.add(`n:${n.compact}`);
    for (const w of n.words) {
      if (w.length < MIN_WORD || w.length >= 30 || LEGAL_FORM_WORDS.has(w)) continue;
      keys.add(`w:${w}`);
      for (const c of countries) keys.add(`w:${w}@${c}`);
    }
  }
  for (const i of p.identifiers) keys.add(`i:${i.scheme}:${i.key}`);
  return [...keys];
}

/**
 * The blocks to compare, smallest first (the rarest keys say the most, as IDF weighs them): each
 * key held by 2 to `maxBlock` records. A country sub-block (`w:x@CC`) is used only when its word's
 * block (`w:x`) is too large; otherwise the word block already holds its pairs.
 * @param postings record indices per key, each list in ascending order.
 */
export function usableBlocks(postings: ReadonlyMap<string, readonly number[]>, maxBlock: number = MAX_BLOCK): (readonly number[])[] {
  const blocks: (readonly number[])[] = [];
  for (const [key, members] of postings) {
    if (members.length < 2 || members.length > maxBlock) continue;
    const at = key.indexOf("@");
    if (at > 0) {
      const whole = postings.get(key.slice(0, at));
      if (whole && whole.length <= maxBlock) continue;
    }
    blocks.push(members);
  }
  return blocks.sort((a, b) => a.length - b.length);
}
