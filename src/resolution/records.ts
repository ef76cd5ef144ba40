import neo4j from "neo4j-driver";
import type { Database, Row } from "../db/run.js";
import type { Plain } from "../db/values.js";
import { plainText } from "../db/values.js";
import { MATCHABLE_KINDS, type MatchRecord } from "./matcher.js";

/** Records a page of resolution-records-page.cypher holds. */
export const RECORD_PAGE = 5000;

const list = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.map((x) => plainText(x)) : typeof v === "string" ? [v] : []);

/** Maps a row of resolution-records-*.cypher to a MatchRecord. */
export function toMatchRecord(row: Row): MatchRecord {
  return {
    id: plainText(row.id),
    kind: plainText(row.kind),
    name: plainText(row.name ?? row.id),
    aliases: list(row.aliases),
    countries: list(row.country),
    identifiers: list(row.identifiers),
    birthDates: list(row.birthDates),
    foundingDates: list(row.foundingDates),
  };
}

/**
 * Every matchable record of the graph, page by page in id order (resolution-records-page.cypher,
 * {@link RECORD_PAGE} a page, one read transaction each), so memory holds one page of rows at a
 * time however large the graph. Stops after `max` records with the next one unread, when given.
 */
export async function* recordPages(db: Database, max = Number.POSITIVE_INFINITY): AsyncGenerator<MatchRecord[]> {
  let after = "";
  let read = 0;
  for (;;) {
    const rows = await db.read("resolution-records-page", { after, kinds: MATCHABLE_KINDS, limit: neo4j.int(RECORD_PAGE) });
    if (rows.length === 0) return;
    const page = rows.map(toMatchRecord);
    read += page.length;
    yield read > max ? page.slice(0, page.length - (read - max)) : page;
    if (read >= max || rows.length < RECORD_PAGE) return;
    after = page[page.length - 1]!.id;
  }
}
