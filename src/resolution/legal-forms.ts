/**
 * Legal forms of companies and organisations, as Latin words (names.ts `latinWords`), so that
 * "NORTHWIND AVIA LIMITED" and "North Wind Avia Ltd", or "ООО «Вектор»" and "Vektor LLC", compare by
 * what is left. The terms are a subset of OpenSanctions' organisation-type database
 * (`rigour/resources/names/org_types.yml`, which replaced the `fingerprints` library's list;
 * nomenklatura compares names after `replace_org_types_compare`), chosen for the jurisdictions
 * of this project's data: English, Russian, Ukrainian, Kazakh, Belarusian and Uzbek, Chinese,
 * German, Turkish, the UAE free zones, Romance and Dutch forms. Cyrillic and Han forms appear as
 * any-ascii writes them (ООО → `ooo`, 有限公司 → `you xian gong si`).
 *
 * Written here rather than taken from npm: `cleanco`, the only JavaScript port of such a list,
 * has neither the Cyrillic nor the Chinese forms and is unmaintained; resolution is product core.
 */
const LEGAL_FORM_PHRASES: readonly string[] = [
  // English
  "llc",
  "ltd",
  "limited",
  "co",
  "company",
  "corp",
  "corporation",
  "inc",
  "incorporated",
  "plc",
  "llp",
  "lp",
  "co ltd",
  "company limited",
  "limited company",
  "limited liability company",
  "limited liability partnership",
  "public limited company",
  "private limited company",
  "pte ltd",
  "pvt ltd",
  "pty ltd",
  "jsc",
  "ojsc",
  "cjsc",
  "pjsc",
  "joint stock company",
  "open joint stock company",
  "closed joint stock company",
  "public joint stock company",
  // Russian, Ukrainian, Kazakh, Belarusian, Uzbek (transliterated by any-ascii)
  "ooo",
  "zao",
  "oao",
  "pao",
  "ao",
  "nao",
  "tov",
  "pat",
  "prat",
  "too",
  "taa",
  "aat",
  "mchj",
  "ip",
  "fgup",
  "gup",
  "ano",
  "obshchestvo s ogranichennoy otvetstvennostyu",
  "aktsionernoe obshchestvo",
  "publichnoe aktsionernoe obshchestvo",
  "zakrytoe aktsionernoe obshchestvo",
  "otkrytoe aktsionernoe obshchestvo",
  "nepublichnoe aktsionernoe obshchestvo",
  "tovaristvo z obmezhenoyu vidpovidalnistyu",
  "aktsionerne tovaristvo",
  "tovarishchestvo s ogranichennoy otvetstvennostyu",
  // Chinese (pinyin syllables)
  "you xian gong si",
  "gong si",
  "gu fen you xian gong si",
  "you xian ze ren gong si",
  // German, Austrian, Swiss
  "gmbh",
  "ag",
  "kg",
  "ohg",
  "ug",
  "ev",
  "gmbh co kg",
  "gmbh und co kg",
  "ag co kg",
  "gesellschaft mit beschrankter haftung",
  "aktiengesellschaft",
  // Turkish
  "as",
  "sti",
  "ltd sti",
  "anonim sirketi",
  "limited sirketi",
  // UAE free zones
  "fze",
  "fzco",
  "fzc",
  "fz llc",
  "fzllc",
  "dmcc",
  // French, Spanish, Italian, Portuguese, Dutch, Polish
  "sa",
  "sarl",
  "sas",
  "srl",
  "spa",
  "sl",
  "ltda",
  "sa de cv",
  "bv",
  "nv",
  "sp z oo",
  "spzoo",
];

/** Legal-form phrases as word lists, longest first, so "co ltd" goes before "ltd". */
const PHRASES: readonly (readonly string[])[] = [...new Set(LEGAL_FORM_PHRASES)].map((p) => p.split(" ")).sort((a, b) => b.length - a.length);

/** Every word that is part of some legal form: such words never block on their own (blocking.ts). */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set(PHRASES.flat());

/**
 * Removes legal forms from both ends of a name's words, repeatedly ("Acme Trading Co Ltd" keeps
 * `acme trading`, "ООО Вектор" keeps `vektor`; a trailing number stays after them: "Acme Ltd 2"
 * keeps `acme 2`), never from the middle (`Avia Co Holdings` would otherwise lose `co`), and
 * never every word: a name that is only a legal form stays as it is.
 * @returns the words left and the words removed, in their order.
 */
export function stripLegalForms(words: readonly string[]): { words: string[]; removed: string[] } {
  // A number after the legal form ("Sky Falcon Holdings Ltd 12", as customs lists branches) stays
  // at the end: the legal form before it goes as if it ended the name.
  let digits = words.length;
  while (digits > 1 && /^[0-9]+$/.test(words[digits - 1]!)) digits -= 1;
  if (digits < words.length) {
    const inner = stripLegalForms(words.slice(0, digits));
    return { words: [...inner.words, ...words.slice(digits)], removed: inner.removed };
  }
  let start = 0;
  let end = words.length;
  const tail: string[] = [];
  const head: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const phrase of PHRASES) {
      if (end - start > phrase.length && phrase.every((w, i) => words[end - phrase.length + i] === w)) {
        tail.unshift(...phrase);
        end -= phrase.length;
        changed = true;
        break;
      }
    }
    for (const phrase of PHRASES) {
      if (end - start > phrase.length && phrase.every((w, i) => words[start + i] === w)) {
        head.push(...phrase);
        start += phrase.length;
        changed = true;
        break;
      }
    }
  }
  return { words: words.slice(start, end), removed: [...head, ...tail] };
}
