import type { MatchRecord } from "../../src/resolution/matcher.js";

/** A MatchRecord for the resolution unit tests: a Company named `name` with no other facts unless `more` gives them. */
export function matchRecord(id: string, name: string, more: Partial<MatchRecord> = {}): MatchRecord {
  return { id, kind: "Company", name, aliases: [], countries: [], identifiers: [], birthDates: [], foundingDates: [], ...more };
}
