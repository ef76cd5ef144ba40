import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
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

/**
 * CSV (RFC 4180, streaming `csv-parse`) over already-validated lines, so invalid UTF-8 and
 * over-long lines are rejected with their line numbers before parsing; a rejected line is fed
 * as an empty line to keep csv-parse's line count right. Records whose field count differs
 * from the header's, or with broken quoting, are rejected as MALFORMED_CSV (TRUNCATED_LINE
 * when the file ends inside them). A last row without a newline is accepted when complete.
 */
export async function* csvRecords(lines: AsyncIterable<LineItem>): AsyncGenerator<CsvItem> {
  const pending: Reject[] = [];
  let lastLine = 0;
  let endsUnterminated = false;
  // Lines go to the parser in chunks of about FEED_CHUNK_CHARS: one stream chunk per line cost
  // more than the parsing itself (a promise and a stream write per line).
  async function* feed(): AsyncGenerator<string> {
    let chunk = "";
    for await (const item of lines) {
      if ("reject" in item) {
        pending.push(item.reject);
        chunk += "\n";
      } else {
        lastLine = item.line;
        endsUnterminated = item.unterminated;
        chunk += `${item.text}\n`;
      }
      if (chunk.length >= FEED_CHUNK_CHARS) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  const parser = parse({ bom: true, skip_empty_lines: true, skip_records_with_error: true, info: true, raw: true, max_record_size: MAX_LINE_BYTES, trim: true });
  parser.on("skip", (err: CsvError | undefined) => {
    const line = Number((err as unknown as { lines?: number })?.lines ?? lastLine);
    const truncated = endsUnterminated && line >= lastLine;
    pending.push({
      line,
      code: truncated ? "TRUNCATED_LINE" : "MALFORMED_CSV",
      reason: `line ${line}: ${truncated ? "the file ends in the middle of this row; " : ""}${err?.message ?? "malformed CSV"}`,
    });
  });
  const source = Readable.from(feed());
  source.on("error", (err) => parser.destroy(err));
  source.pipe(parser);
  let header = true;
  for await (const out of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    while (pending.length > 0) yield { reject: pending.shift()! };
    if (header) {
      header = false;
      yield { header: out.record };
      continue;
    }
    const endLine = out.info.lines;
    const startLine = endLine - (out.raw.replace(/\n$/, "").split("\n").length - 1);
    yield { line: startLine, endLine, text: quoteOf(out.raw), value: out.record };
  }
  while (pending.length > 0) yield { reject: pending.shift()! };
}
