import { latinWordsOf } from "../model/name-keys.js";
import { stripLegalForms } from "./legal-forms.js";

/**
 * Names as entity resolution compares them: in Latin letters, lower case, as words, with the
 * legal form ("LLC", "ООО", "Ltd", "有限公司"…) set apart. Model: the name cleaning of
 * OpenSanctions' nomenklatura (`nomenklatura.matching.compat.fingerprint_name`, built on
 * `fingerprints` and now `rigour.names`): transliterate, fold case, drop punctuation, replace or
 * remove organisation types, then compare what is left.
 */

/** The Latin words of a name (src/model/name-keys.ts `latinWordsOf`, with the search keys). */
export const latinWords = latinWordsOf;

/** A name as the matcher holds it (see {@link prepareName}). */
export interface PreparedName {
  /** The name as written. */
  readonly text: string;
  /** Case, spacing and punctuation folded, script kept: `NORTHWIND  Avia, Ltd` → `northwind avia ltd`. Equal literals are identical names. */
  readonly literal: string;
  /** Latin words without the legal form: `northwind avia`. */
  readonly words: readonly string[];
  /** The words joined without spaces, so spacing does not count: `northwindavia` (also for `North Wind Avia`). */
  readonly compact: string;
  /** The legal-form words set apart, as found: `limited`. */
  readonly legalForm: readonly string[];
  /** The words sorted, joined: so word order does not count ("Avia Northwind" is "Northwind Avia"). */
  readonly sorted: string;
  /** How many of each letter and digit `compact` holds (a–z, then 0–9), for a cheap bound on the edit distance. */
  readonly bag: Uint16Array;
}

/** Prepares one name for comparison; null when it holds no letter or digit. */
export function prepareName(text: string): PreparedName | null {
  const all = latinWords(text);
  if (all.length === 0) return null;
  const { words, removed } = stripLegalForms(all);
  const literal = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const compact = words.join("");
  const bag = new Uint16Array(36);
  for (let i = 0; i < compact.length; i += 1) {
    const c = compact.charCodeAt(i);
    bag[c >= 97 ? c - 97 : c - 48 + 26]! += 1;
  }
  return { text, literal, words, compact, legalForm: removed, sorted: [...words].sort().join(""), bag };
}

/**
 * The bag distance of two names' compact forms: the larger of the letters one has and the other
 * lacks, counted with repeats. Never more than their Levenshtein distance (each edit fixes at most
 * one missing letter on each side), and computed in 36 steps, so it rules out pairs that cannot be
 * alike before the edit distance is computed (Bartolini, Ciaccia and Patella, "String Matching with
 * Metric Trees Using an Approximate Distance", SPIRE 2002).
 */
export function bagDistance(a: PreparedName, b: PreparedName): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < 36; i += 1) {
    const d = a.bag[i]! - b.bag[i]!;
    if (d > 0) more += d;
    else less -= d;
  }
  return Math.max(more, less);
}
