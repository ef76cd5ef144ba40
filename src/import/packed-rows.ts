import type { PropertyValue } from "./types.js";

// Packed rows: the parameter shape of import-create-relationships.cypher, which writes most of
// a large import's relationships. Each relationship goes to Neo4j as ONE string, its fields
// joined by FIELD and list items by ITEM, and the query takes it apart with split(). Why not a
// map per relationship, as the other import queries get: a map of ~30 small values costs the
// driver and Bolt a value each, and 20 000 of them took Neo4j 0.7–1.4 s to receive, more than
// writing them; as strings they took 0.1–0.15 s including the split (BENCHMARKS.md, Import).
// No library does this: it is a wire format between this code and one Cypher query.

/** Separates a packed row's fields (U+001F, the ASCII unit separator). */
export const FIELD = "\u001f";
/** Separates the items of a list field (U+001E, the ASCII record separator). */
export const ITEM = "\u001e";
/** A null field (U+0018, CANCEL). */
export const NULL = "\u0018";
/** An empty list field (U+001A, SUBSTITUTE). */
export const EMPTY_LIST = "\u001a";

/** Characters a packed value may not contain: the markers above and their neighbours. */
// eslint-disable-next-line no-control-regex -- the markers are control characters by design, so a value may not hold them
const RESERVED = /[\u0018-\u001f]/;

/**
 * How a property value is packed, and unpacked by the query: string, number (toFloat), boolean,
 * string list, or null ("z": the query removes the property, as `SET r += {key: null}` does).
 */
export type PackedKind = "s" | "n" | "b" | "l" | "z";

/** The kind of a property value. */
export function kindOf(value: PropertyValue): PackedKind {
  if (value === null) return "z";
  if (typeof value === "string") return "s";
  if (typeof value === "number") return "n";
  if (typeof value === "boolean") return "b";
  return "l";
}

/**
 * One value as a packed field, or undefined when it cannot be packed (a string with a reserved
 * character, a number that is not finite): the caller then sends that row as a map instead.
 * Numbers are written with JS's shortest round-trip form, which Cypher's toFloat (Java's
 * Double.parseDouble) reads back to the same double.
 */
export function packField(value: PropertyValue | undefined): string | undefined {
  if (value === null || value === undefined) return NULL;
  if (typeof value === "string") return RESERVED.test(value) ? undefined : value;
  // String(-0) is "0"; toFloat("-0") keeps the sign, as a map parameter would.
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? "-0" : String(value)) : undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value.length === 0) return EMPTY_LIST;
  for (const v of value) if (typeof v !== "string" || RESERVED.test(v)) return undefined;
  return value.join(ITEM);
}

/** Numbers (offsets, lines, indexes) as one packed list field; never empty here. */
export function packNumbers(values: readonly number[]): string {
  return values.length === 0 ? EMPTY_LIST : values.join(ITEM);
}
