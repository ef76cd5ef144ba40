import { distance } from "fastest-levenshtein";
import { BadUserInputError } from "../errors.js";

/** Longest quote, in characters: a few sentences. A longer passage should be split into quotes. */
export const MAX_QUOTE_LENGTH = 2000;

/** One evidence quote as an editor sends it. */
export interface QuoteRequest {
  readonly sourceId: string;
  /** Exact words of the source. */
  readonly quote: string;
  /** Which occurrence, 1-based, when the quote appears more than once in the source. */
  readonly occurrence?: number | null;
}

/** Where a quote sits in its source's text. */
export interface LocatedQuote {
  readonly sourceId: string;
  readonly quote: string;
  /** UTF-16 offset of the first character (JavaScript string index), as the seed computes it. */
  readonly start: number;
  /** UTF-16 offset just past the last character: `text.slice(start, end) === quote`. */
  readonly end: number;
}

/**
 * Finds a quote in its source's stored text and computes its offsets.
 * @throws BadUserInputError when the quote is empty or too long; when it is not an exact substring
 *   (the message names the quote and the closest passage of the text, also in
 *   `extensions.closestPassage` with its `closestStart`/`closestEnd`); when it occurs more than once
 *   and `occurrence` is missing (`extensions.occurrences` lists every start) or out of range.
 */
export function locateQuote(text: string, request: QuoteRequest): LocatedQuote {
  const { quote, sourceId } = request;
  const where = { argument: "evidence", sourceId, quote };
  if (quote.trim().length === 0) throw new BadUserInputError("A quote must not be empty.", where);
  if (quote.length > MAX_QUOTE_LENGTH) {
    throw new BadUserInputError(`A quote holds at most ${MAX_QUOTE_LENGTH} characters; got ${quote.length}. Split it into several quotes.`, where);
  }
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && starts.length < 1000; at = text.indexOf(quote, at + 1)) starts.push(at);
  if (starts.length === 0) {
    const closest = closestPassage(text, quote);
    throw new BadUserInputError(
      `The quote ${JSON.stringify(short(quote))} is not in source ${sourceId}: a quote must be an exact substring of the source's stored text. ` +
        (closest ? `Closest passage: ${JSON.stringify(closest.passage)}.` : "The source has no similar passage."),
      { ...where, closestPassage: closest?.passage ?? null, closestStart: closest?.start ?? null, closestEnd: closest?.end ?? null },
    );
  }
  const occurrence = request.occurrence ?? null;
  if (occurrence === null && starts.length > 1) {
    throw new BadUserInputError(
      `The quote ${JSON.stringify(short(quote))} occurs ${starts.length} times in source ${sourceId}; say which with occurrence (1 to ${starts.length}).`,
      { ...where, occurrences: starts },
    );
  }
  const n = occurrence ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > starts.length) {
    throw new BadUserInputError(`occurrence must be from 1 to ${starts.length} for this quote; got ${n}.`, { ...where, occurrences: starts });
  }
  const start = starts[n - 1]!;
  return { sourceId, quote, start, end: start + quote.length };
}

/** A passage of a text, with its offsets. */
export interface Passage {
  readonly passage: string;
  readonly start: number;
  readonly end: number;
}

/** Sentence windows of 1 to this many sentences are compared with the quote. */
const WINDOW_SENTENCES = 3;
/** Windows with the most words in common with the quote that are compared by edit distance. */
const SHORTLIST = 8;

/**
 * The passage of `text` closest to `quote`, so a typo is easy to fix. A documented simple method,
 * bounded for texts of megabytes: the text is split into sentences (Intl.Segmenter, Unicode
 * UAX #29); windows of 1–3 consecutive sentences are ranked by how many of the quote's words they
 * hold; the best few are compared by Levenshtein distance (fastest-levenshtein), each also
 * trimmed, word by word, to the stretch nearest the quote's length. Returns null for a text
 * with no word in common with the quote.
 */
export function closestPassage(text: string, quote: string): Passage | null {
  const wanted = new Set(words(quote));
  if (wanted.size === 0) return null;
  const sentences = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)].map((s) => ({
    start: s.index,
    end: s.index + s.segment.length,
    words: new Set(words(s.segment)),
  }));
  const windows: { start: number; end: number; shared: number }[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const union = new Set<string>();
    for (let n = 0; n < WINDOW_SENTENCES && i + n < sentences.length; n += 1) {
      for (const w of sentences[i + n]!.words) union.add(w);
      let shared = 0;
      for (const w of wanted) if (union.has(w)) shared += 1;
      if (shared > 0) windows.push({ start: sentences[i]!.start, end: sentences[i + n]!.end, shared });
    }
  }
  if (windows.length === 0) return null;
  windows.sort((a, b) => b.shared - a.shared || a.end - a.start - (b.end - b.start));
  let best: (Passage & { cost: number }) | null = null;
  for (const w of windows.slice(0, SHORTLIST)) {
    const candidate = nearestStretch(text, w.start, w.end, quote);
    if (!best || candidate.cost < best.cost) best = candidate;
  }
  return best && { passage: best.passage, start: best.start, end: best.end };
}

/** Within text[from, to), the word-aligned stretch with the least edit distance to `quote`. */
function nearestStretch(text: string, from: number, to: number, quote: string): Passage & { cost: number } {
  const bounds = [...text.slice(from, to).matchAll(/\S+/g)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
  let best = { passage: text.slice(from, to).trim(), start: from, end: to, cost: distance(text.slice(from, to).trim(), quote) };
  const slack = Math.max(10, Math.round(quote.length * 0.3));
  for (let i = 0; i < bounds.length; i += 1) {
    for (let j = i; j < bounds.length; j += 1) {
      const length = bounds[j]!.end - bounds[i]!.start;
      if (length > quote.length + slack) break;
      if (length < quote.length - slack) continue;
      const passage = text.slice(bounds[i]!.start, bounds[j]!.end);
      const cost = distance(passage, quote);
      if (cost < best.cost) best = { passage, start: bounds[i]!.start, end: bounds[j]!.end, cost };
    }
  }
  return best;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function short(quote: string): string {
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
}
