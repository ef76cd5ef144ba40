import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-context.js";

/**
 * Longest string a log line keeps of any one field, in characters (1 000), stack traces
 * excepted. Fields a client controls (a Host header, a path, a query text in an error message)
 * can be up to Node's 16 KB header limit or the 1 MB body limit; one refused 15 KB Host header
 * logged in full made 4.55 MB of logs per 300 requests (issue 21). Cut text ends with
 * `…[+N chars]`, so a reader sees it was cut and by how much.
 */
export const MAX_LOGGED_STRING = 1000;

/** Longest stack trace a log line keeps, in characters (8 000: about 60 frames). */
const MAX_LOGGED_STACK = 8000;

/** Levels down to which nested objects of a log line are clipped; deeper values are replaced by "[nested]". */
const MAX_LOGGED_DEPTH = 4;

/** `text` cut to `max` characters, marked with how much was cut. */
export function clip(text: string, max = MAX_LOGGED_STRING): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[+${text.length - max} chars]`;
}

function clipDeep(value: unknown, depth: number, key: string): unknown {
  if (typeof value === "string") return clip(value, key === "stack" ? MAX_LOGGED_STACK : MAX_LOGGED_STRING);
  if (value === null || typeof value !== "object") return value;
  // Formatters run before serializers: serialize errors here, or their message and stack (not own enumerable) are lost.
  if (value instanceof Error) return clipDeep(stdSerializers.err(value), depth, key);
  if (depth >= MAX_LOGGED_DEPTH) return "[nested]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => clipDeep(v, depth + 1, ""));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clipDeep(v, depth + 1, k)]));
}

/**
 * The process logger (pino, JSON lines). Every line written while a request is served carries
 * its `reqId` (src/request-context.ts), and every string field is clipped to
 * {@link MAX_LOGGED_STRING} characters, so what a client sends cannot blow up the logs.
 * @param destination where lines go (default stdout); tests pass a stream to read them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    mixin: () => {
      const reqId = currentRequestId();
      return reqId === undefined ? {} : { reqId };
    },
    // The formatter below has serialized errors already; serialize only what it has not.
    serializers: { err: (e: unknown) => (e instanceof Error ? stdSerializers.err(e) : e) },
    formatters: { log: (object: Record<string, unknown>) => clipDeep(object, 0, "") as Record<string, unknown> },
  };
  return destination ? pino(options, destination) : pino(options);
}
