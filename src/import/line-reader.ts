import type { Reject } from "./types.js";

/** Longest line accepted, in **bytes** (1 MiB); longer lines are rejected as LINE_TOO_LONG without being buffered. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One line of input, decoded, without its `\n` (or `\r\n`). */
export interface Line {
  /** 1-based line number. */
  readonly line: number;
  readonly text: string;
  /** True for a last line that the file ends without a newline (possibly truncated). */
  readonly unterminated: boolean;
}

/** A line or a rejected line. */
export type LineItem = Line | { readonly reject: Reject };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines with a bounded buffer. Our own code because
 * `node:readline` neither caps a line's length (a 10 MB line is buffered whole) nor reports
 * invalid UTF-8 (it substitutes U+FFFD silently); here each line is decoded with
 * `TextDecoder('utf-8', {fatal: true})` and a bad one is rejected with its line number.
 * @param onBytes called with the byte count of every chunk read (progress).
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  maxBytes = MAX_LINE_BYTES,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<LineItem> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let lineNo = 1;
  let sawAny = false;

  const finish = (unterminated: boolean): LineItem => {
    const line = lineNo++;
    if (tooLong) return { reject: { line, code: "LINE_TOO_LONG", reason: `line ${line} is longer than ${maxBytes} bytes` } };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    try {
      return { line, text: decoder.decode(bytes), unterminated };
    } catch {
      return { reject: { line, code: "INVALID_UTF8", reason: `line ${line} is not valid UTF-8` } };
    }
  };
  const reset = () => {
    parts = [];
    size = 0;
    tooLong = false;
  };

  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
    onBytes(chunk.length);
    sawAny ||= chunk.length > 0;
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, from);
      const end = nl === -1 ? chunk.length : nl;
      if (!tooLong) {
        if (size + (end - from) > maxBytes) {
          tooLong = true;
          parts = [];
        } else if (end > from) {
          parts.push(chunk.subarray(from, end));
          size += end - from;
        }
      }
      if (nl === -1) break;
      yield finish(false);
      reset();
      from = nl + 1;
    }
  }
  if (sawAny && (size > 0 || tooLong)) yield finish(true);
}
