import { UnreachableCaseError } from "../errors.js";
import { CLAIM_FIELDS, claimFromCsv, mapClaim, REQUIRED_CLAIM_FIELDS } from "./claims-mapper.js";
import { indexColumns, type CustomsColumns } from "./customs-columns.js";
import { mapCustomsRow } from "./customs-mapper.js";
import type { MapContext } from "./facts.js";
import { mapFtmEntity } from "./ftm-mapper.js";
import { ImportFileError } from "./import-errors.js";
import type { LineItem } from "./line-reader.js";
import { csvRecords, jsonlRecords, type RecordItem } from "./record-readers.js";
import { checkRawRecordCaps, checkRecordCaps } from "./record-caps.js";
import { RecordError, type ImportFormat, type InputRecord, type RecordFacts, type Reject } from "./types.js";

/** A record mapped to facts, or a rejected one. */
export type MappedItem = { readonly line: number; readonly facts: RecordFacts } | { readonly reject: Reject };

/**
 * Parses and maps the lines of one file in the given format, one record at a time.
 * Claims files are JSON Lines when their first line starts with `{`, else CSV with a header.
 * @throws ImportFileError MISSING_COLUMNS, AMBIGUOUS_COLUMNS, or EMPTY_FILE (a CSV without a
 * header row, an FtM file without an entity line, an empty claims file).
 */
export async function* mappedRecords(
  format: ImportFormat,
  lines: AsyncIterable<LineItem>,
  ctx: MapContext,
  columns: CustomsColumns,
): AsyncGenerator<MappedItem> {
  switch (format) {
    case "ftm": {
      let seen = false;
      for await (const item of mapEach(jsonlRecords(lines), (r) => mapFtmEntity(ctx, r))) {
        seen = true;
        yield item;
      }
      if (!seen) throw new ImportFileError("EMPTY_FILE", "the FtM file holds no entity (no line but blank ones)");
      return;
    }
    case "customs": {
      let index: ReturnType<typeof indexColumns> | undefined;
      for await (const item of csvRecords(lines)) {
        if ("header" in item) index = indexColumns(columns, item.header);
        else if ("reject" in item) yield item;
        else yield mapOne(item, (r) => mapCustomsRow(ctx, r, index!));
      }
      if (!index) throw new ImportFileError("EMPTY_FILE", "the customs CSV has no header row");
      return;
    }
    case "claims": {
      const { first, rest } = await peek(lines);
      if (!first) throw new ImportFileError("EMPTY_FILE", "the claims file is empty");
      if (!("reject" in first) && first.text.trimStart().startsWith("{")) {
        yield* mapEach(jsonlRecords(rest), (r) => mapClaim(ctx, r));
        return;
      }
      let header: string[] | undefined;
      for await (const item of csvRecords(rest)) {
        if ("header" in item) header = claimsHeader(item.header);
        else if ("reject" in item) yield item;
        else yield mapOne(item, (r) => mapClaim(ctx, { ...r, value: claimFromCsv(header!, r.value) }));
      }
      if (!header) throw new ImportFileError("EMPTY_FILE", "the claims CSV has no header row");
      return;
    }
    default:
      throw new UnreachableCaseError(format);
  }
}

/**
 * A claims CSV header, trimmed and lower-cased.
 * @throws ImportFileError MISSING_COLUMNS naming each required field (REQUIRED_CLAIM_FIELDS)
 * that is absent, or AMBIGUOUS_COLUMNS when a claim field's column appears twice (the last
 * one was read, silently; the customs header has the same rule, customs-columns.ts).
 */
export function claimsHeader(raw: readonly string[]): string[] {
  const header = raw.map((h) => h.trim().toLowerCase());
  for (const field of CLAIM_FIELDS) {
    const at = header.flatMap((h, i) => (h === field ? [i + 1] : []));
    if (at.length > 1)
      throw new ImportFileError(
        "AMBIGUOUS_COLUMNS",
        `the claims CSV header has column ${JSON.stringify(field)} ${at.length} times (columns ${at.join(", ")}); it must appear once`,
      );
  }
  const missing = REQUIRED_CLAIM_FIELDS.filter((f) => !header.includes(f));
  if (missing.length > 0) throw new ImportFileError("MISSING_COLUMNS", `the claims CSV header lacks required columns: ${missing.join(", ")}`);
  return header;
}

async function* mapEach<T>(records: AsyncIterable<RecordItem<T>>, map: (r: InputRecord<T>) => RecordFacts): AsyncGenerator<MappedItem> {
  for await (const item of records) yield "reject" in item ? item : mapOne(item, map);
}

/**
 * Longest entity name an import writes, in characters (1 000). Names are keys of the range index
 * `entity_name` (cypher/schema.cypher), and Neo4j refuses a key over about 8 KiB ("Property value
 * is too large to index"), failing the batch's whole transaction; 1 000 characters are at most
 * 4 000 bytes of UTF-8. No real company, person or vessel name comes near it.
 */
export const MAX_ENTITY_NAME_LENGTH = 1000;

function mapOne<T>(record: InputRecord<T>, map: (r: InputRecord<T>) => RecordFacts): MappedItem {
  try {
    checkRawRecordCaps(record);
    const facts = map(record);
    checkRecordCaps(facts);
    const long = facts.entities.find((e) => e.name.length > MAX_ENTITY_NAME_LENGTH);
    if (long)
      throw new RecordError(
        "INVALID_VALUE",
        `a name of ${long.name.length} characters (${JSON.stringify(long.name.slice(0, 40) + "…")}); names are at most ${MAX_ENTITY_NAME_LENGTH} characters`,
      );
    // Every format: a relationship joins two entities (the FtM mapper names the property first).
    const loop = facts.relationships.find((r) => r.start === r.end);
    if (loop) throw new RecordError("INVALID_VALUE", `a ${loop.type} relationship from ${JSON.stringify(loop.start)} to itself`);
    // Valid from before valid to is checked by the mappers (facts.ts interval), not here: a stored
    // validTo 2023-01-01 may stand for `2023`, which ends 2023-12-31, and only the text tells.
    return { line: record.line, facts };
  } catch (err) {
    if (!(err instanceof RecordError)) throw err;
    return { reject: { line: record.line, code: err.code, reason: `line ${record.line}: ${err.message}` } };
  }
}

/** The first line, and an iterable that yields it again followed by the rest. */
async function peek(lines: AsyncIterable<LineItem>): Promise<{ first: LineItem | undefined; rest: AsyncIterable<LineItem> }> {
  const it = lines[Symbol.asyncIterator]();
  const head = await it.next();
  const first = head.done ? undefined : head.value;
  async function* rest(): AsyncGenerator<LineItem> {
    if (first) yield first;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { first, rest: rest() };
}
