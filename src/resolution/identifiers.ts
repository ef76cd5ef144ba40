import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { identifierKey } from "../model/name-keys.js";

/**
 * Identifiers as entity resolution compares them. Entities hold them as `scheme:value` strings
 * (`inn:7707083893` from addEntity, `innCode:7707083893` from FtM imports); both name one
 * scheme here. The value compares by its letters and digits in upper case (`7707 083893` is
 * `7707083893`).
 *
 * A **strong** identifier is one that names one legal person worldwide and carries a check
 * digit: INN, OGRN, LEI, IMO, and the SWIFT BIC. Only an equal strong identifier that passes its
 * check resolves two records without a person (auto-resolve.ts); every other shared identifier
 * (registration and tax numbers, which repeat across jurisdictions) is a candidate feature only.
 * Model: nomenklatura's `logic_v1` identifier features (`inn_code_match`, `ogrn_code_match`,
 * `lei_code_match`, `vessel_imo_mmsi_match`, `bic_code_match`, weight 0.95, and the generic
 * `identifier_match`, 0.85), which validate each with `rigour.ids`.
 */

/** Our scheme name per stored scheme: addEntity's lower-case names and FtM's property names. */
const SCHEME_ALIASES: Readonly<Record<string, string>> = {
  inn: "inn",
  inncode: "inn",
  ogrn: "ogrn",
  ogrncode: "ogrn",
  ogrnip: "ogrn",
  lei: "lei",
  leicode: "lei",
  imo: "imo",
  imonumber: "imo",
  bic: "bic",
  swift: "bic",
  swiftbic: "bic",
  registration: "registration",
  registrationnumber: "registration",
  tax: "tax",
  taxnumber: "tax",
  vat: "vat",
  vatcode: "vat",
  okpo: "okpo",
  okpocode: "okpo",
  duns: "duns",
  dunscode: "duns",
  mmsi: "mmsi",
  isin: "isin",
};

/** The schemes whose equal, valid values resolve two records by themselves. */
export const STRONG_SCHEMES: ReadonlySet<string> = new Set(["inn", "ogrn", "lei", "imo", "bic"]);

/** Display names of the schemes, for reasons ("same INN 7707083893"). */
const SCHEME_LABELS: Readonly<Record<string, string>> = {
  inn: "INN",
  ogrn: "OGRN",
  lei: "LEI",
  imo: "IMO",
  bic: "BIC",
  vat: "VAT number",
  okpo: "OKPO",
  duns: "DUNS",
  mmsi: "MMSI",
  isin: "ISIN",
  registration: "registration number",
  tax: "tax number",
};

/** One identifier of an entity, as compared. */
export interface ParsedIdentifier {
  /** Our scheme name (`inn`, `lei`, `registration`, …; an unknown stored scheme in lower case). */
  readonly scheme: string;
  /** The value as stored. */
  readonly value: string;
  /** Letters and digits of the value, NFKC, upper case: the `identifierKey` imports index (src/model/name-keys.ts). */
  readonly key: string;
  /** True for a strong scheme whose value passes its check ({@link isValidStrong}). */
  readonly strong: boolean;
}

/** Parses a stored `scheme:value`; null when it has no scheme or no letter or digit in the value. */
export function parseIdentifier(stored: string): ParsedIdentifier | null {
  const colon = stored.indexOf(":");
  if (colon <= 0) return null;
  const raw = stored.slice(0, colon).toLowerCase();
  const scheme = SCHEME_ALIASES[raw] ?? raw;
  const value = stored.slice(colon + 1);
  let key = identifierKey(value);
  if (key === null) return null;
  if (scheme === "bic" && key.length === 11 && key.endsWith("XXX")) key = key.slice(0, 8);
  return { scheme, value, key, strong: STRONG_SCHEMES.has(scheme) && isValidStrong(scheme, key) };
}

/** "INN", "registration number", or the scheme itself. */
export function schemeLabel(scheme: string): string {
  return SCHEME_LABELS[scheme] ?? scheme;
}

/**
 * True when `key` is a well-formed value of the strong `scheme`, check digit included (the
 * algorithms of rigour.ids and python-stdnum): INN, 10 digits (weights 2 4 10 3 5 9 4 6 8, sum
 * mod 11 mod 10) or 12 (two check digits); OGRN, 13 digits (first 12 mod 11 mod 10) or 15 for
 * an OGRNIP (first 14 mod 13 mod 10); LEI, 20 characters, ISO 17442 / ISO 7064 MOD 97-10; IMO,
 * 7 digits (weights 7…2, sum mod 10); BIC, ISO 9362 (6 letters and 2 letters or digits, with an
 * optional 3-character branch). `0000000000` passes the INN arithmetic but is refused as a
 * placeholder.
 */
export function isValidStrong(scheme: string, key: string): boolean {
  if (/^0+$/.test(key)) return false;
  switch (scheme) {
    case "inn":
      return validInn(key);
    case "ogrn":
      return validOgrn(key);
    case "lei":
      return /^[0-9A-Z]{18}[0-9]{2}$/.test(key) && mod97(key) === 1;
    case "imo":
      return /^[0-9]{7}$/.test(key) && weighted(key.slice(0, 6), [7, 6, 5, 4, 3, 2]) % 10 === Number(key[6]);
    case "bic":
      return /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(key);
    default:
      return false;
  }
}

function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += Number(digits[i]) * weights[i]!;
  return sum;
}

function validInn(key: string): boolean {
  if (/^[0-9]{10}$/.test(key)) return (weighted(key, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10 === Number(key[9]);
  if (/^[0-9]{12}$/.test(key)) {
    const first = (weighted(key, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    const second = (weighted(key, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    return first === Number(key[10]) && second === Number(key[11]);
  }
  return false;
}

function validOgrn(key: string): boolean {
  if (/^[0-9]{13}$/.test(key)) return Number((BigInt(key.slice(0, 12)) % 11n) % 10n) === Number(key[12]);
  if (/^[0-9]{15}$/.test(key)) return Number((BigInt(key.slice(0, 14)) % 13n) % 10n) === Number(key[14]);
  return false;
}

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters A = 10 … Z = 35). */
function mod97(key: string): number {
  let rest = 0;
  for (const c of key) {
    const v = c >= "A" ? String(c.charCodeAt(0) - 55) : c;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** The keys an identifier is looked up by in the identifier index: its key, and for a BIC of 8 characters also its 11-character `XXX` form. */
export function identifierLookupKeys(p: ParsedIdentifier): string[] {
  return p.scheme === "bic" && p.key.length === 8 ? [p.key, `${p.key}XXX`] : [p.key];
}

/**
 * Ids of the entities holding any of `keys` (identifierKey values), through the keyword index
 * entity_identifiers (search-identifiers.cypher), at most `perKey` a key; 500 keys a query. The
 * index holds values without their scheme, so callers compare schemes themselves.
 */
export async function identifierHolders(db: Database, keys: readonly string[], perKey: number): Promise<string[]> {
  const ids = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    // Keys hold letters and digits only, so quotes are all the escaping they need.
    const lucene = chunk.map((k) => `"${k}"`).join(" OR ");
    for (const row of await db.read("search-identifiers", { lucene, limit: neo4j.int(perKey * chunk.length) }))
      ids.add(plainText((row.entity as Record<string, Plain>).id));
  }
  return [...ids];
}
