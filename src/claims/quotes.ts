import { distance } from "fastest-levenshtein";
import { BadUserInputError } from "../errors.js";
import { LONE_SURROGATE } from "../model/unicode.js";

/** Longest quote, in characters: a few sentences. A longer passage should be split into quotes. */
export const MAX_QUOTE_LENGTH = 2000;

/** Most occurrences of one quote that are located; `occurrence` counts among these. */
const MAX_OCCURRENCES = 1000;

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
 * Finds a quote in its source's stored text and computes its offsets. An occurrence counts only
 * where it starts and ends on a boundary between user-perceived characters (Unicode UAX #29
 * grapheme clusters, Intl.Segmenter): "Cafe" is not in "Café" written with a combining accent, nor
 * "👩" in "👩‍🔬", nor "Minsk.\r" before "\n", though each is a substring of the UTF-16 text. Without
 * this a quote could end inside a character, and half a surrogate pair, stored through Bolt's
 * UTF-8, became U+FFFD, so `text.slice(start, end)` no longer gave the quote back.
 * @throws BadUserInputError when the quote is empty, too long or holds a lone surrogate; when it
 *   occurs only inside longer characters (`extensions.reason` SPLITS_CHARACTER); when it is not an exact substring
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
  if (LONE_SURROGATE.test(quote)) {
    throw new BadUserInputError("The quote holds half a character (a lone UTF-16 surrogate); send whole characters.", where);
  }
  const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
  const whole = (at: number) => at === text.length || graphemes.containing(at)?.index === at;
  const starts: number[] = [];
  let split = 0;
  for (let at = text.indexOf(quote); at >= 0 && starts.length < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    if (whole(at) && whole(at + quote.length)) starts.push(at);
    else split += 1;
  }
  if (starts.length === 0 && split > 0) {
    throw new BadUserInputError(
      `The quote ${JSON.stringify(short(quote))} is in source ${sourceId} only as part of a longer character (an accent or other combining mark, ` +
        "an emoji sequence or a CR LF line break continues it there); quote whole characters.",
      { ...where, reason: "SPLITS_CHARACTER" },
    );
  }
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
 * Shortest piece a long sentence is cut into, in characters; pieces are at least twice the
 * quote's length, so a window of three holds the quote with room on either side.
 */
const MIN_PIECE = 400;
/**
 * Edit-distance work one closestPassage call may do, in character pairs (passage length × quote
 * length, summed over the comparisons): about 0.1 s of fastest-levenshtein on this machine
 * (4.2 M pairs in 1.1 ms). Without a bound, a 2 000-character quote missing from a 200 KB text
 * without sentence breaks held the event loop, and so every request, for minutes.
 */
export const MAX_COMPARED_PAIRS = 400_000_000;

/**
 * The passage of `text` closest to `quote`, so a typo is easy to fix. A documented simple method,
 * bounded for texts of megabytes: the text is split into sentences (Intl.Segmenter, Unicode
 * UAX #29), a sentence longer than twice the quote (at least {@link MIN_PIECE} characters) into
 * word-aligned pieces; windows of 1–3 consecutive pieces are ranked by how many of the quote's
 * words they hold; the best few are compared by Levenshtein distance (fastest-levenshtein), each
 * also word by word at the stretches nearest the quote's length, within a total of
 * {@link MAX_COMPARED_PAIRS} (past it, starts are sampled at even steps). Returns null for a
 * text with no word in common with the quote.
 */
export function closestPassage(text: string, quote: string): Passage | null {
  const wanted = new Set(words(quote));
  if (wanted.size === 0) return null;
  const piece = Math.max(MIN_PIECE, 2 * quote.length);
  const sentences = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)]
    .flatMap((s) => pieces(s.segment, s.index, piece))
    .map((p) => ({ ...p, words: new Set(words(text.slice(p.start, p.end))) }));
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
  const shortlist = windows.slice(0, SHORTLIST);
  const budget = { pairs: MAX_COMPARED_PAIRS, share: Math.floor(MAX_COMPARED_PAIRS / shortlist.length) };
  let best: (Passage & { cost: number }) | null = null;
  for (const w of shortlist) {
    const candidate = nearestStretch(text, w.start, w.end, quote, budget);
    if (!best || candidate.cost < best.cost) best = candidate;
  }
  return best && { passage: best.passage, start: best.start, end: best.end };
}

/** A sentence at `offset` of the text, cut at word boundaries into pieces of at most `max` characters (a longer word is a piece of its own). */
function pieces(sentence: string, offset: number, max: number): { start: number; end: number }[] {
  if (sentence.length <= max) return [{ start: offset, end: offset + sentence.length }];
  const out: { start: number; end: number }[] = [];
  let start = -1;
  let end = -1;
  for (const m of sentence.matchAll(/\S+/g)) {
    const wordEnd = m.index + m[0].length;
    if (start >= 0 && wordEnd - start > max) {
      out.push({ start: offset + start, end: offset + end });
      start = -1;
    }
    if (start < 0) start = m.index;
    end = wordEnd;
  }
  if (start >= 0) out.push({ start: offset + start, end: offset + end });
  return out;
}

/**
 * Within text[from, to), the word-aligned stretch with the least edit distance to `quote`: for
 * each first word, the stretches whose length is nearest the quote's (the last at most as long,
 * the one before and the one after it). Spends at most `budget.share` pairs of the budget.
 */
function nearestStretch(text: string, from: number, to: number, quote: string, budget: { pairs: number; share: number }): Passage & { cost: number } {
  const spend = { left: Math.min(budget.share, budget.pairs) };
  const measure = (start: number, end: number) => {
    const passage = text.slice(start, end);
    const pairs = passage.length * Math.max(1, quote.length);
    spend.left -= pairs;
    budget.pairs -= pairs;
    return { passage, start, end, cost: distance(passage, quote) };
  };
  const trimmedStart = from + (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  const trimmedEnd = to - (text.slice(from, to).length - text.slice(from, to).trimEnd().length);
  let best = measure(trimmedStart, Math.max(trimmedStart, trimmedEnd));
  const bounds = [...text.slice(from, to).matchAll(/\S+/g)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
  const fromStart = (i: number) => {
    let j = i;
    while (j + 1 < bounds.length && bounds[j + 1]!.end - bounds[i]!.start <= quote.length) j += 1;
    for (let k = Math.max(i, j - 1); k <= Math.min(bounds.length - 1, j + 1) && spend.left > 0; k += 1) {
      const candidate = measure(bounds[i]!.start, bounds[k]!.end);
      if (candidate.cost < best.cost) best = candidate;
    }
  };
  // Anchored starts first: where one of the quote's first three words stands at its place, so a
  // long quote with a typo is still found when the budget allows only a sample of the rest.
  const head = quote.match(/\S+/g)?.slice(0, 3) ?? [];
  const tried = new Set<number>();
  for (let i = 0; i < bounds.length && spend.left > 0; i += 1) {
    const n = head.findIndex((w, h) => i + h < bounds.length && text.slice(bounds[i + h]!.start, bounds[i + h]!.end) === w);
    if (n < 0 || tried.has(i)) continue;
    tried.add(i);
    fromStart(i);
  }
  const perStart = 3 * quote.length * Math.max(1, quote.length);
  const step = Math.max(1, Math.ceil((bounds.length * perStart) / Math.max(1, spend.left)));
  for (let i = 0; i < bounds.length && spend.left > 0; i += step) if (!tried.has(i)) fromStart(i);
  return best;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function short(quote: string): string {
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
}
