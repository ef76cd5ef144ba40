import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Express, Request, Response } from "express";
import type { App } from "../app.js";
import { requestCaller } from "../auth/http-auth.js";
import type { Caller } from "../auth/roles.js";
import { AppError, ErrorCode } from "../errors.js";
import { ImportFileError, StrictRejectError } from "./import-errors.js";
import { IMPORT_FORMATS, isImportFormat } from "./types.js";

/** Largest upload `POST /import/:format` accepts, in **bytes** (256 MiB); larger files go through the CLI. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/**
 * Registers `POST /import/:format` (format ftm, customs or claims): the request body is the
 * file, streamed to a temporary file (bounded by {@link MAX_UPLOAD_BYTES}) and imported by the
 * same code as `actorgraph import`. Query parameters (each at most once; see {@link parseImportQuery}):
 * `namespace`, `name`, `strict=true`, `dryRun=true`, `batchSize`, `aggregate=true` (customs). Answers 200 with the JSON summary; errors answer
 * `{errors: [{message, extensions: {code}}]}`: 400 with the ImportFileError code
 * (UNKNOWN_FORMAT, MISSING_COLUMNS, EMPTY_FILE, BAD_OPTION, …) or ROW_REJECTED (`strict`, with
 * `extensions.reject`), 413 FILE_TOO_LARGE, 503 DATABASE_UNAVAILABLE. The summary lists the first
 * 20 rejects; the CLI writes the full rejects report. Requires a bearer token with the editor role
 * (see {@link authorized}), like every write; the import's revision names its subject.
 * Register before the final error handler.
 */
export function registerImportRoutes(expressApp: Express, app: App): void {
  expressApp.post("/import/:format", async (req, res, next) => {
    const caller = authorized(app, req, res);
    if (!caller) return;
    const dir = mkdtempSync(join(tmpdir(), "actorgraph-upload-"));
    try {
      const format = String(req.params.format);
      if (!isImportFormat(format))
        throw new ImportFileError("UNKNOWN_FORMAT", `unknown import format ${JSON.stringify(format)}; formats: ${IMPORT_FORMATS.join(", ")}`);
      const options = parseImportQuery(req.query);
      const path = join(dir, "upload");
      await pipeline(req, byteLimit(MAX_UPLOAD_BYTES), createWriteStream(path));
      const summary = await app.imports.importFile(
        {
          format,
          path,
          name: options.name ?? `upload.${format}`,
          namespace: options.namespace ?? null,
          strict: options.strict,
          dryRun: options.dryRun,
          aggregate: options.aggregate,
          batchSize: options.batchSize,
          rejectsFile: null,
        },
        { requestedBy: caller.subject },
      );
      res.status(200).json(summary);
    } catch (err) {
      if (!sendImportError(res, err)) next(err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** The options of `POST /import/:format`, read from its query string. */
export interface ImportQueryOptions {
  name?: string;
  namespace?: string;
  strict: boolean;
  dryRun: boolean;
  aggregate: boolean;
  batchSize?: number;
}

/** Query parameters `POST /import/:format` takes; any other is refused (BAD_OPTION). */
const IMPORT_QUERY_PARAMETERS = ["name", "namespace", "strict", "dryRun", "aggregate", "batchSize"] as const;

/** Longest dataset `name`, in characters: it is stored as the :Source's name and title. */
const MAX_NAME_LENGTH = 200;

/** An import option in the query string that cannot be used; `parameter` names it. */
class BadQueryParameterError extends ImportFileError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super("BAD_OPTION", `query parameter ${parameter}: ${message}`);
  }
}

/**
 * Reads the import options from a parsed query string (`req.query`), before any byte of the
 * upload is stored. Every parameter must be one of {@link IMPORT_QUERY_PARAMETERS}, given at most
 * once, as a plain string: Express parses `?name=a&name=b` into a list and the extended parser
 * `?name[x]=1` into an object, which would otherwise reach the graph as a list property. Booleans
 * are `true` or `false`; `batchSize` is decimal digits (its range, 1–50000, and `namespace`'s
 * characters are checked by the importer with the CLI's messages); `name` is 1–200 characters.
 * A misspelt option (`dryrun=true`) is refused rather than ignored, since ignoring it would write.
 * @throws ImportFileError BAD_OPTION naming the parameter (HTTP 400).
 */
export function parseImportQuery(query: unknown): ImportQueryOptions {
  const raw = (typeof query === "object" && query !== null ? query : {}) as Record<string, unknown>;
  const known: readonly string[] = IMPORT_QUERY_PARAMETERS;
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) throw new BadQueryParameterError(key, `unknown; the options are ${IMPORT_QUERY_PARAMETERS.join(", ")}`);
  }
  const text = (key: (typeof IMPORT_QUERY_PARAMETERS)[number]): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) throw new BadQueryParameterError(key, `given ${value.length} times; give it once`);
    if (typeof value !== "string") throw new BadQueryParameterError(key, "must be a single text value, not a structure");
    return value;
  };
  const flag = (key: "strict" | "dryRun" | "aggregate"): boolean => {
    const value = text(key);
    if (value === undefined) return false;
    if (value !== "true" && value !== "false") throw new BadQueryParameterError(key, `must be true or false; got ${JSON.stringify(value)}`);
    return value === "true";
  };
  const name = text("name");
  if (name !== undefined && (name.trim() === "" || name.length > MAX_NAME_LENGTH)) {
    throw new BadQueryParameterError("name", `must be 1–${MAX_NAME_LENGTH} characters and not blank`);
  }
  const batchSize = text("batchSize");
  if (batchSize !== undefined && !/^\d{1,9}$/.test(batchSize))
    throw new BadQueryParameterError("batchSize", `must be an integer from 1 to 50000; got ${JSON.stringify(batchSize)}`);
  return {
    name,
    namespace: text("namespace"),
    strict: flag("strict"),
    dryRun: flag("dryRun"),
    aggregate: flag("aggregate"),
    batchSize: batchSize === undefined ? undefined : Number(batchSize),
  };
}

/**
 * HTTP import writes to the graph, so it needs a verified bearer token (src/auth/http-auth.ts,
 * which already answered 401 for an invalid one) with the editor or admin role. Answers 401
 * UNAUTHENTICATED without a token and 403 FORBIDDEN with a reader's; returns the caller when the
 * request may proceed.
 */
function authorized(app: App, req: Request, res: Response): Caller | null {
  try {
    return app.services.auth.require(requestCaller(req), "editor", "import over HTTP");
  } catch (err) {
    const code = err instanceof AppError ? err.code : ErrorCode.UNAUTHENTICATED;
    res.status(code === ErrorCode.FORBIDDEN ? 403 : 401).json({ errors: [{ message: (err as Error).message, extensions: { code } }] });
    return null;
  }
}

function sendImportError(res: Response, err: unknown): boolean {
  if (res.headersSent) return false;
  const send = (status: number, message: string, code: string, extra: Record<string, unknown> = {}) => {
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
    return true;
  };
  if (err instanceof BadQueryParameterError) return send(400, err.message, err.code, { parameter: err.parameter });
  if (err instanceof ImportFileError) return send(err.code === "FILE_TOO_LARGE" ? 413 : 400, err.message, err.code);
  if (err instanceof StrictRejectError) return send(400, err.message, "ROW_REJECTED", { reject: err.reject });
  if (err instanceof AppError && (err.code === ErrorCode.DATABASE_UNAVAILABLE || err.code === ErrorCode.SERVER_BUSY)) return send(503, err.message, err.code);
  return false;
}

/** Fails the pipeline with FILE_TOO_LARGE once more than `max` bytes have passed. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max) return done(new ImportFileError("FILE_TOO_LARGE", `the upload is larger than ${max} bytes; use the CLI for big files`));
      done(null, chunk);
    },
  });
}
