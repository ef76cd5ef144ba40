import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { timingSafeEqual } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Express, Response } from "express";
import type { App } from "../app.js";
import { AppError, ErrorCode } from "../errors.js";
import { ImportFileError, StrictRejectError } from "./import-errors.js";
import { IMPORT_FORMATS, isImportFormat } from "./types.js";

/** Largest upload `POST /import/:format` accepts, in **bytes** (256 MiB); larger files go through the CLI. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/**
 * Registers `POST /import/:format` (format ftm, customs or claims): the request body is the
 * file, streamed to a temporary file (bounded by {@link MAX_UPLOAD_BYTES}) and imported by the
 * same code as `actorgraph import`. Query parameters: `namespace`, `name`, `strict=true`,
 * `dryRun=true`, `batchSize`, `aggregate=true` (customs). Answers 200 with the JSON summary; errors answer
 * `{errors: [{message, extensions: {code}}]}`: 400 with the ImportFileError code
 * (UNKNOWN_FORMAT, MISSING_COLUMNS, EMPTY_FILE, BAD_OPTION, …) or ROW_REJECTED (`strict`, with
 * `extensions.reject`), 413 FILE_TOO_LARGE, 503 DATABASE_UNAVAILABLE. The summary lists the first
 * 20 rejects; the CLI writes the full rejects report. Requires IMPORT_TOKEN (see {@link authorized}).
 * Register before the final error handler.
 */
export function registerImportRoutes(expressApp: Express, app: App): void {
  expressApp.post("/import/:format", async (req, res, next) => {
    if (!authorized(app.config.importToken, req.get("authorization"), res)) return;
    const dir = mkdtempSync(join(tmpdir(), "actorgraph-upload-"));
    try {
      const format = String(req.params.format);
      if (!isImportFormat(format)) throw new ImportFileError("UNKNOWN_FORMAT", `unknown import format ${JSON.stringify(format)}; formats: ${IMPORT_FORMATS.join(", ")}`);
      const path = join(dir, "upload");
      await pipeline(req, byteLimit(MAX_UPLOAD_BYTES), createWriteStream(path));
      const q = req.query as Record<string, string | undefined>;
      const summary = await app.imports.importFile({
        format,
        path,
        name: q.name ?? `upload.${format}`,
        namespace: q.namespace ?? null,
        strict: q.strict === "true",
        dryRun: q.dryRun === "true",
        aggregate: q.aggregate === "true",
        batchSize: q.batchSize === undefined ? undefined : Number(q.batchSize),
        rejectsFile: null,
      });
      res.status(200).json(summary);
    } catch (err) {
      if (!sendImportError(res, err)) next(err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * HTTP import writes to the graph, so it needs IMPORT_TOKEN set and sent as a bearer token
 * (compared in constant time). Answers 403 FORBIDDEN when HTTP import is disabled and 401
 * UNAUTHENTICATED for a missing or wrong token; returns true when the request may proceed.
 */
function authorized(token: string | undefined, header: string | undefined, res: Response): boolean {
  const deny = (status: number, code: string, message: string) => {
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
    return false;
  };
  if (!token) return deny(403, "FORBIDDEN", "HTTP import is disabled; set IMPORT_TOKEN on the server and send Authorization: Bearer <token>, or use `actorgraph import`.");
  const sent = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
  const expected = Buffer.from(token);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return deny(401, "UNAUTHENTICATED", "Missing or wrong bearer token for HTTP import.");
  return true;
}

function sendImportError(res: Response, err: unknown): boolean {
  if (res.headersSent) return false;
  const send = (status: number, message: string, code: string, extra: Record<string, unknown> = {}) => {
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
    return true;
  };
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
