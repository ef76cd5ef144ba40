import { query } from "../db/queries.js";
import type { PackedKind } from "./packed-rows.js";

/**
 * Property keys a generated map literal may hold: they are written into Cypher text, so only
 * plain identifiers (the importer's own names and FtM property names), each quoted in
 * backticks too. A relationship with any other key goes to the general query.
 */
export const PACKABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** First packed field of a relationship's own properties (import-create-relationships.cypher). */
const FIRST_PROP_FIELD = 15;

/** Where the query text takes the generated map literal (once). */
const MARKER = "$$PROPS$$";

const cache = new Map<string, string>();

/**
 * import-create-relationships.cypher (or, with `freshSupplied`, its CREATE-only fast path
 * import-create-new-supplied.cypher, for runs of SUPPLIED bet to be new) for one property
 * signature: `$$PROPS$$` replaced by a map
 * literal that unpacks field 15 + i as `kinds[i]` under key `keys[i]` (string as is, number by
 * toFloat, boolean by `= 'true'`, string list by split on U+001E with U+001A for the empty list,
 * null). Values stay in the packed rows, never in the text; Neo4j caches one plan per
 * signature (a customs file has a handful).
 * @throws Error for a key that is not {@link PACKABLE_KEY} (the packer never sends one).
 */
export function createRelationshipsQuery(keys: readonly string[], kinds: readonly PackedKind[], freshSupplied = false): string {
  const name = freshSupplied ? "import-create-new-supplied" : "import-create-relationships";
  const signature = `${name};${keys.map((k, i) => `${k}:${kinds[i]}`).join(",")}`;
  let text = cache.get(signature);
  if (text === undefined) {
    const entries = keys.map((key, i) => {
      if (!PACKABLE_KEY.test(key)) throw new Error(`property key ${JSON.stringify(key)} cannot go into a generated query`);
      const f = `f[${FIRST_PROP_FIELD + i}]`;
      const value = { s: f, n: `toFloat(${f})`, b: `${f} = 'true'`, z: "null", l: `CASE ${f} WHEN '\\u001A' THEN [] ELSE split(${f}, '\\u001E') END` }[
        kinds[i]!
      ];
      return `\`${key}\`: ${value}`;
    });
    const parts = query(name).split(MARKER);
    if (parts.length !== 2) throw new Error(`${name}.cypher must hold ${MARKER} once`);
    text = parts.join(`{${entries.join(", ")}}`);
    cache.set(signature, text);
  }
  return text;
}
