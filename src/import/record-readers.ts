import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { MAX_LINE_BYTES, type LineItem } from "./line-reader.js";
import type { InputRecord, Reject } from "./types.js";

/** Longest evidence quote kept from a record, in characters; longer records are cut with "…". */
export const MAX_QUOTE_CHARS = 2000;

/** A parsed record or a rejected one. */
export type RecordItem<T> = InputRecord<T> | { readonly reject: Reject };

/** A record's text as an evidence quote: trimmed and capped at {@link MAX_QUOTE_CHARS}. */
export function quoteOf(text: string): string {
  const t = text.trim();
  return t.length > MAX_QUOTE_CHARS ? `${t.slice(0, MAX_QUOTE_CHARS - 1)}…` : t;
}

/**
 * JSON Lines: one JSON object per line; blank lines are skipped. A last line without a newline
 * is accepted when it holds a complete object, and rejected as TRUNCATED_LINE when it does not.
 */
export async function* jsonlRecords(lines: AsyncIterable<LineItem>): AsyncGenerator<RecordItem<Record<string, unknown>>> {
  for await (const item of lines) {
    if ("reject" in item) {
      yield item;
      continue;
    }
    if (item.text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (err) {
      const code = item.unterminated ? "TRUNCATED_LINE" : "MALFORMED_JSON";
      const why = item.unterminated ? "the file ends in the middle of this line" : (err as Error).message;
      yield { reject: { line: item.line, code, reason: `line ${item.line}: not a JSON object (${why})` } };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { reject: { line: item.line, code: "MALFORMED_JSON", reason: `line ${item.line}: expected a JSON object, got ${Array.isArray(value) ? "an array" : typeof value}` } };
      continue;
    }
    yield { line: item.line, endLine: item.line, text: quoteOf(item.text), value: value as Record<string, unknown> };
  }
}

/** Characters of input lines handed to csv-parse at a time (64 Ki). */
const FEED_CHUNK_CHARS = 1 << 16;

/** The first CSV record, the header, then data records. */
export type CsvItem = RecordItem<string[]> | { readonly header: string[] };

/** The options both CSV parsers here share. */
const CSV_OPTIONS = { bom: true, skip_empty_lines: true, trim: true } as const;

/**
 * CSV (RFC 4180, streaming `csv-parse`) over already-validated lines, so invalid UTF-8 and
 * over-long lines are rejected with their line numbers before parsing; a rejected line is fed
 * as an empty line to keep csv-parse's line count right. Records whose field count differs
 * from the header's, or with broken quoting, are rejected as MALFORMED_CSV (TRUNCATED_LINE
 * when the file ends inside them). A last row without a newline is accepted when complete.
 *
 * A quote left open reads the following lines into its field until a quote closes it: a record
 * that fails after spanning several lines (csv-parse reports it where it gave up) is read again
 * one line at a time, so each of its lines is a record of its own or a reject at its own line.
 * Why: one stray `"` in line 3 once swallowed the valid rows of lines 4 to 6 and was reported
 * twice at line 6. A quoted field may still span lines in a record that parses.
 */
export async function* csvRecords(lines: AsyncIterable<LineItem>): AsyncGenerator<CsvItem> {
  // Items to yield besides the parser's records, each after the record count it was found at
  // (`after`; -1: at once), since csv-parse runs ahead of this generator: a failure's records
  // must come after the records parsed before it, or they could land in a later batch than the
  // lines after them (batches commit in file order: import-merge-relationships.cypher).
  const pending: { after: number; item: CsvItem }[] = [];
  let lastLine = 0;
  let endsUnterminated = false;
  // Lines fed but not yet part of a parsed record (at most about max_record_size), for reading a
  // failed record again line by line; `settled`: the last line of the last parsed record, or of
  // the last failed one read again; `parsed`: records parsed, header included.
  const recent = new Map<number, string>();
  let settled = 0;
  let parsed = 0;
  let width: number | undefined;
  // Lines go to the parser in chunks of about FEED_CHUNK_CHARS: one stream chunk per line cost
  // more than the parsing itself (a promise and a stream write per line).
  async function* feed(): AsyncGenerator<string> {
    let chunk = "";
    for await (const item of lines) {
      if ("reject" in item) {
        pending.push({ after: -1, item });
        chunk += "\n";
      } else {
        lastLine = item.line;
        endsUnterminated = item.unterminated;
        recent.set(item.line, item.text);
        chunk += `${item.text}\n`;
      }
      if (chunk.length >= FEED_CHUNK_CHARS) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  const malformed = (line: number, message: string): { reject: Reject } => {
    const truncated = endsUnterminated && line >= lastLine;
    return {
      reject: {
        line,
        code: truncated ? "TRUNCATED_LINE" : "MALFORMED_CSV",
        reason: `line ${line}: ${truncated ? "the file ends in the middle of this row; " : ""}${message}`,
      },
    };
  };
  const forget = (through: number) => {
    for (let l = settled + 1; l <= through; l++) recent.delete(l);
    settled = Math.max(settled, through);
  };
  const parser = parse({
    ...CSV_OPTIONS,
    skip_records_with_error: true,
    info: true,
    raw: true,
    max_record_size: MAX_LINE_BYTES,
    // Called as each record is parsed, ahead of this generator's loop.
    // With `info` and `raw` it gets `{record, info, raw}`.
    on_record: (out, context) => {
      parsed += 1;
      width ??= (out as unknown as { record: string[] }).record.length;
      forget(context.lines);
      return out;
    },
  });
  const later = (item: CsvItem) => pending.push({ after: parsed, item });
  parser.on("skip", (err: CsvError | undefined) => {
    const line = Number((err as unknown as { lines?: number })?.lines ?? lastLine);
    const message = err?.message ?? "malformed CSV";
    // Lines of this failure not yet accounted for; one line (or none: a second error of a
    // failure read again already) is reported as is.
    if (line - settled <= 1 || width === undefined) {
      if (line > settled) later(malformed(line, message));
      forget(line);
      return;
    }
    for (let l = settled + 1; l <= line; l++) {
      const text = recent.get(l);
      if (text === undefined || text.trim() === "") continue;
      let rows: string[][];
      try {
        rows = parseSync(text, { ...CSV_OPTIONS, bom: false }) as string[][];
      } catch (lineErr) {
        const why = (lineErr as CsvError).code === "CSV_QUOTE_NOT_CLOSED" ? "a quote opened on this line is not closed on it" : (lineErr as Error).message;
        later(malformed(l, `${why}; the record read from here failed at line ${line} (${message}), so its lines were read one by one`));
        continue;
      }
      const row = rows[0];
      if (rows.length !== 1 || !row) continue;
      if (row.length !== width) later(malformed(l, `Invalid Record Length: expect ${width}, got ${row.length} on line ${l}`));
      else later({ line: l, endLine: l, text: quoteOf(text), value: row });
    }
    forget(line);
  });
  const source = Readable.from(feed());
  source.on("error", (err) => parser.destroy(err));
  source.pipe(parser);
  let header = true;
  let consumed = 0;
  for await (const out of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    while (pending.length > 0 && pending[0]!.after <= consumed) yield pending.shift()!.item;
    consumed += 1;
    const endLine = out.info.lines;
    if (header) {
      header = false;
      yield { header: out.record };
      continue;
    }
    const startLine = endLine - (out.raw.replace(/\n$/, "").split("\n").length - 1);
    yield { line: startLine, endLine, text: quoteOf(out.raw), value: out.record };
  }
  while (pending.length > 0) yield pending.shift()!.item;
}
