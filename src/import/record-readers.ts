import { parse as parseSync } from "csv-parse/sync";
import { LONE_SURROGATE } from "../model/unicode.js";
import { ImportFileError } from "./import-errors.js";
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
      yield {
        reject: {
          line: item.line,
          code: "MALFORMED_JSON",
          reason: `line ${item.line}: expected a JSON object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`,
        },
      };
      continue;
    }
    if (ESCAPED_SURROGATE.test(item.text) && holdsLoneSurrogate(value)) {
      yield {
        reject: {
          line: item.line,
          code: "INVALID_UTF8",
          reason: `line ${item.line}: a string holds half a character (a lone \\u surrogate escape); Neo4j would store it as U+FFFD`,
        },
      };
      continue;
    }
    yield { line: item.line, endLine: item.line, text: quoteOf(item.text), value: value as Record<string, unknown> };
  }
}

/** A JSON `\\uD800`–`\\uDFFF` escape: only a line holding one can parse to a lone surrogate (raw UTF-8 was checked by the line reader). */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** True when a parsed JSON value holds a string or key with a lone UTF-16 surrogate (iterative: JSON may nest deeper than the stack). */
function holdsLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === "string") {
      if (LONE_SURROGATE.test(v)) return true;
    } else if (Array.isArray(v)) for (const x of v as unknown[]) pending.push(x);
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) pending.push(k, x);
  }
  return false;
}

/** The first CSV record, the header, then data records. */
export type CsvItem = RecordItem<string[]> | { readonly header: string[] };

/** Options of every csv-parse call here: RFC 4180, fields trimmed, any field count (checked against the header here). */
const CSV_OPTIONS = { trim: true, relax_column_count: true } as const;

/** Complete one-line records parsed by one csv-parse call (fewer calls; one per record cost more than the parsing). */
const RECORDS_PER_PARSE = 512;

/** A record's lines, from `line` to `endLine`, joined by `\n`. */
interface RawRecord {
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/** How many `"` a line holds: an odd count leaves a quoted field open (`""` inside a field counts two). */
function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}

/**
 * One record's fields, or why it is malformed: csv-parse's message with its line numbers made
 * the file's (`line` is the record's first line; csv-parse counts from 1 in the text it is given).
 */
function parseOne(text: string, line: number): string[] | { readonly error: string } {
  try {
    const rows = parseSync(text, CSV_OPTIONS);
    return rows.length === 1 ? rows[0]! : { error: `${rows.length} records where one was expected` };
  } catch (err) {
    if ((err as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED") return { error: "a quote opened on this line is not closed on it" };
    return { error: (err as Error).message.replace(/\bline (\d+)\b/g, (_, n: string) => `line ${line + Number(n) - 1}`) };
  }
}

/**
 * CSV (RFC 4180, fields parsed by `csv-parse`) over already-validated lines, so invalid UTF-8
 * and over-long lines are rejected with their line numbers before parsing. Records whose field
 * count differs from the header's, or with broken quoting, are rejected as MALFORMED_CSV at
 * their first line (TRUNCATED_LINE when the file ends inside them). A last row without a
 * newline is accepted when complete.
 *
 * Records are cut here, not by csv-parse's stream: a record is the lines up to the first whose
 * `"` count makes the total even (a quoted field may span lines). A record of several lines that
 * does not parse, or one of whose later lines is a complete row on its own (a stray `"` read the
 * rows after it into its field until another quote closed it), or whose every line is a row once
 * quotes are read as text, or that grows past MAX_LINE_BYTES, is rejected at its first line and
 * its other lines are read again as lines of their own. Why our own cutting: csv-parse's stream, after a stray quote, swallowed the valid
 * rows after it into one field (5 000 rows into one declaration with the parties of one row and
 * the record id of another), or dropped every row after a bad closing quote, exiting 0. csv-parse
 * still parses every field.
 * @throws ImportFileError MALFORMED_HEADER when the first record (the header) does not parse.
 */
export async function* csvRecords(lines: AsyncIterable<LineItem>): AsyncGenerator<CsvItem> {
  let width: number | undefined;
  let firstLine = true;
  let lastLine = 0;
  let endsUnterminated = false;
  // The record being read: its lines so far and their `"` count.
  let open: { line: number; texts: string[]; quotes: number; chars: number } | null = null;
  // What to yield, in file order: one-line records not parsed yet, or finished items.
  let out: (RawRecord | CsvItem)[] = [];
  let raw = 0;

  const malformed = (line: number, endLine: number, message: string): { reject: Reject } => {
    const truncated = endsUnterminated && endLine >= lastLine;
    return {
      reject: {
        line,
        code: truncated ? "TRUNCATED_LINE" : "MALFORMED_CSV",
        reason: `line ${line}: ${truncated ? "the file ends in the middle of this row; " : ""}${message}`,
      },
    };
  };
  // A parsed record as an item: the header first, then rows of the header's width.
  const item = (rec: RawRecord, fields: string[]): CsvItem => {
    if (width === undefined) {
      width = fields.length;
      return { header: fields };
    }
    if (fields.length !== width) return malformed(rec.line, rec.endLine, `Invalid Record Length: expect ${width}, got ${fields.length} on line ${rec.line}`);
    return { line: rec.line, endLine: rec.endLine, text: quoteOf(rec.text), value: fields };
  };
  const header = (rec: RawRecord, fields: string[] | { readonly error: string }): void => {
    if ("error" in fields) throw new ImportFileError("MALFORMED_HEADER", `the CSV header (line ${rec.line}) does not parse: ${fields.error}`);
    out.push(item(rec, fields));
  };
  // A record that cannot stand: its first line rejected, the others read again as lines.
  const fail = (rec: { line: number; texts: string[] }, why: string): void => {
    const alone = parseOne(rec.texts[0]!, rec.line);
    const message = "error" in alone ? alone.error : "a quote opened on this line is not closed on it";
    if (width === undefined) throw new ImportFileError("MALFORMED_HEADER", `the CSV header (line ${rec.line}) does not parse: ${message}`);
    out.push(malformed(rec.line, rec.line + rec.texts.length - 1, `${message} (${why}; the lines after it are read as rows of their own)`));
    rec.texts.slice(1).forEach((text, i) => take(rec.line + 1 + i, text));
  };
  const complete = (rec: { line: number; texts: string[] }): void => {
    const one: RawRecord = { line: rec.line, endLine: rec.line + rec.texts.length - 1, text: rec.texts.join("\n") };
    if (rec.texts.length === 1) {
      if (width === undefined) header(one, parseOne(one.text, one.line));
      else {
        out.push(one);
        raw += 1;
      }
      return;
    }
    // Several lines: a row of its own among the later ones means a stray quote swallowed it.
    if (width !== undefined) {
      for (const [i, text] of rec.texts.entries()) {
        if (i === 0) continue;
        const fields = parseOne(text, rec.line + i);
        if (!("error" in fields) && fields.length === width) return fail(rec, `its quoted field ran on over line ${rec.line + i}, a row of its own`);
      }
      // Rows joined by two stray quotes (`"Drone parts` in one row, `Pipe 12"` in the next) parse
      // as one record of the right width, though neither line parses alone: caught by every line
      // having the header's width once its quotes are read as text. A real multi-line field has
      // lines that are fragments of a row.
      const w = width;
      if (rec.texts.every((text) => text.split(",").length === w))
        return fail(rec, `it and the lines after it to line ${rec.line + rec.texts.length - 1} are rows of their own once their quotes are read as text`);
    }
    const fields = parseOne(one.text, one.line);
    if ("error" in fields) return fail(rec, `the record from it to line ${one.endLine} does not parse: ${fields.error}`);
    if (width === undefined) header(one, fields);
    else if (fields.length !== width) fail(rec, `the record from it to line ${one.endLine} has ${fields.length} fields, not ${width}`);
    else out.push(item(one, fields));
  };
  function take(line: number, text: string): void {
    if (open) {
      open.texts.push(text);
      open.quotes += quotes(text);
      open.chars += text.length + 1;
      if (open.quotes % 2 === 0) {
        const rec = open;
        open = null;
        complete(rec);
      } else if (open.chars > MAX_LINE_BYTES) {
        const rec = open;
        open = null;
        fail(rec, `its quoted field runs on past ${MAX_LINE_BYTES} characters`);
      }
      return;
    }
    if (text.trim() === "") return;
    const n = quotes(text);
    if (n % 2 === 0) complete({ line, texts: [text] });
    else open = { line, texts: [text], quotes: n, chars: text.length };
  }
  // Parses the waiting one-line records, as few csv-parse calls as runs of them allow.
  const parsed = (): CsvItem[] => {
    const items: CsvItem[] = [];
    let run: RawRecord[] = [];
    const flushRun = () => {
      if (run.length === 0) return;
      let rows: string[][] | undefined;
      try {
        rows = parseSync(run.map((r) => r.text).join("\n"), CSV_OPTIONS);
      } catch {
        rows = undefined;
      }
      if (rows && rows.length === run.length) run.forEach((r, i) => items.push(item(r, rows[i]!)));
      else
        for (const r of run) {
          const fields = parseOne(r.text, r.line);
          items.push("error" in fields ? malformed(r.line, r.endLine, fields.error) : item(r, fields));
        }
      run = [];
    };
    for (const entry of out) {
      if ("text" in entry && !("value" in entry)) run.push(entry);
      else {
        flushRun();
        items.push(entry);
      }
    }
    flushRun();
    out = [];
    raw = 0;
    return items;
  };

  for await (const next of lines) {
    if ("reject" in next) {
      // A line that could not be read ends the record it was in, and any its lines open again.
      while (open) {
        const rec: { line: number; texts: string[] } = open;
        open = null;
        fail(rec, `line ${next.reject.line} inside its quoted field could not be read`);
      }
      out.push(next);
    } else {
      lastLine = next.line;
      endsUnterminated = next.unterminated;
      take(next.line, firstLine ? next.text.replace(/^\uFEFF/, "") : next.text);
      firstLine = false;
    }
    if (raw >= RECORDS_PER_PARSE || (out.length > 0 && raw === 0)) yield* parsed();
  }
  while (open) {
    const rec: { line: number; texts: string[] } = open;
    open = null;
    fail(rec, "no quote closes it before the end of the file");
  }
  yield* parsed();
}
