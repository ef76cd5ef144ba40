import anyAscii from "any-ascii";

/**
 * Latin keys of names, so that investigators find an entity by the spelling they type: `Wuerth`
 * or `Wurth` for Würth, `Giessner` for Gießner, `Strasse` for Straße, `Kalashnikov` for
 * Калашников, `Shenzhen` for 深圳. Transliteration is any-ascii's (a maintained Unicode → ASCII
 * table of every script; `ß` → `ss`, Cyrillic by BGN/PCGN-like rules, Han by pinyin syllables);
 * we only add the German umlaut digraphs, which it writes as the bare vowel (`ü` → `u`), and the
 * syllable split of Han, Hiragana, Katakana and Hangul text, which it joins (`ShenZhen`).
 *
 * Stored on every imported entity as `latinNames` (searched with the names, cypher/schema.cypher
 * `entity_search`) and `nameKey` (customs parties matched to entities, party-resolver.ts).
 */

/** German umlauts as their digraphs (DIN 5007-2), for the `ue` spelling of `ü`. */
const UMLAUT_DIGRAPHS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };

/** Scripts written without spaces between words, whose characters are one syllable each. */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Lower-case words of `text` (runs of ASCII letters and digits), joined by one space. */
function words(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");
}

/**
 * The Latin spellings of a name, lower case, as words separated by one space, without repeats:
 * any-ascii's transliteration (`wurth`), the one with umlauts as digraphs (`wuerth`), and for
 * syllabic scripts the syllables apart (`shen zhen tian ji`). Empty for a name without letters
 * or digits. Every value is also a spelling {@link searchSpellings} makes of it.
 */
export function latinNames(name: string): string[] {
  const forms = [anyAscii(name), anyAscii(name.replace(/[äöüÄÖÜ]/g, (c) => UMLAUT_DIGRAPHS[c]!))];
  if (SYLLABIC.test(name)) forms.push(anyAscii(name.replace(SYLLABIC, (c) => ` ${c} `)));
  SYLLABIC.lastIndex = 0;
  return [...new Set(forms.map(words).filter((w) => w !== ""))];
}

/**
 * {@link latinNames} of several names (a name and its aliases), each spelling once, without the
 * spellings that are only the name's own words (`golden bridge ltd` for `Golden Bridge Ltd.`):
 * the full-text index reads those from the name itself, and an index entry per plain ASCII name
 * made FtM imports about a tenth slower (measured on 147 772 generated FtM records).
 */
export function latinNamesOf(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => latinNames(n).filter((l) => l !== words(n))))];
}

/**
 * The spellings a search text is looked up by: the text itself and its Latin spellings
 * ({@link latinNames}), so `Würth` also finds `Wuerth` and `Wurth`, and `Калашников` finds `Kalashnikov`.
 */
export function searchSpellings(text: string): string[] {
  return [...new Set([text, ...latinNames(text)])];
}

/**
 * One key per name for exact matching (customs parties against entities): any-ascii's Latin
 * spelling, lower case, words of letters and digits joined by one space, and the umlaut
 * digraphs `ae`, `oe`, `ue` folded to `a`, `o`, `u`, so `Würth GmbH`, `Wuerth GmbH`, `WURTH
 * GMBH` and `Würth, GmbH` share `wurth gmbh`. Null for a name without letters or digits.
 * Why fold: the same name is written with and without its umlauts in customs data; the cost is
 * that a name with a true `ue` (`Puerto`) also matches one without (`Purto`), only ever within
 * the same country (party-resolver.ts).
 */
export function nameKey(name: string): string | null {
  const key = words(anyAscii(name)).replace(/([aou])e/g, "$1");
  return key === "" ? null : key;
}

/**
 * The {@link nameKey} of each alias that the name's own key is not, each once: stored on entities
 * as `aliasKeys` (cypher/schema.cypher `entity_alias_keys`), so a customs party named by an alias
 * (大疆创新 for DJI) links to the entity (party-resolver.ts). Empty when no alias adds a key.
 */
export function aliasKeysOf(name: string, aliases: readonly string[]): string[] {
  const own = nameKey(name);
  return [...new Set(aliases.map(nameKey).filter((k): k is string => k !== null && k !== own))];
}

/**
 * The key an identifier is indexed and searched by (`identifierKeys`, cypher/schema.cypher
 * `entity_identifiers`): its letters and digits only, NFKC-normalised and upper case, so
 * `7707 083893`, `7707-083893` and `7707083893` are one INN and `5493001kjtiigc8y1r12` finds the
 * LEI `5493001KJTIIGC8Y1R12`. Null when the value has no letter or digit.
 */
export function identifierKey(value: string): string | null {
  const key = value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return key === "" ? null : key;
}

/**
 * The Latin words of one name as entity resolution compares them (src/resolution/names.ts): NFKC,
 * each syllabic character a word of its own (大疆创新 → `da jiang chuang xin`), transliterated by
 * any-ascii, lower case; abbreviation dots and apostrophes join what they separate (`L.L.C.` →
 * `llc`, `Co.,Ltd.` → `co ltd`, `otvetstvennost'yu` → `otvetstvennostyu`), every other character
 * that is not a letter or digit separates words.
 */
export function latinWordsOf(name: string): string[] {
  const spaced = name.normalize("NFKC").replace(SYLLABIC, (c) => ` ${c} `);
  SYLLABIC.lastIndex = 0;
  const joined = words(anyAscii(spaced).replace(/[.'`]/g, ""));
  return joined === "" ? [] : joined.split(" ");
}
