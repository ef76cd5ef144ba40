import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Express, NextFunction, Request, Response } from "express";
import type { App } from "../app.js";
import { AppError, ErrorCode } from "../errors.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat, type ExportFile } from "./formats.js";
import { parseExportScope } from "./scope.js";

/** HTTP status of each error code an export can answer before streaming starts. */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.QUERY_TOO_COSTLY]: 400,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.SERVER_BUSY]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * Registers the export endpoints, streamed with backpressure (memory does not grow with the graph):
 * - `GET /export/graphml`, `/export/cytoscape`, `/export/ftm`: one file each;
 * - `GET /export/csv/nodes.csv` and `/export/csv/edges.csv`: the two CSV files.
 * The query string selects the scope (src/export/scope.ts): `?scope=all` (default),
 * `?scope=neighborhood&id=dji&depth=2&limit=500`, `?scope=routes&from=dji&to=russian-front-lines&maxHops=6`.
 * Errors found before the first byte answer JSON `{errors: [{message, extensions: {code}}]}`:
 * 400 BAD_USER_INPUT, 404 NOT_FOUND (unknown format or entity), 503 DATABASE_UNAVAILABLE.
 * An error after the first byte aborts the response, so a client never takes a cut file for a whole one.
 * Register before the final error handler, which masks anything unexpected as a 500.
 */
export function registerExportRoutes(expressApp: Express, app: App): void {
  expressApp.get("/export/csv/:file", (req, res, next) => {
    const file = EXPORT_FORMATS.csv.find((f) => f.fileName === req.params.file);
    if (!file) return sendError(res, notFound(`No CSV file ${JSON.stringify(req.params.file)}; CSV exports are nodes.csv and edges.csv.`));
    void streamExport(app, file, req, res, next);
  });
  expressApp.get("/export/:format", (req, res, next) => {
    const format = req.params.format;
    if (format === "csv") return sendError(res, notFound("CSV is two files: GET /export/csv/nodes.csv and /export/csv/edges.csv."));
    if (!isExportFormat(format)) {
      return sendError(res, notFound(`Unknown export format ${JSON.stringify(format)}; formats: ${EXPORT_FORMAT_NAMES.join(", ")}.`));
    }
    void streamExport(app, EXPORT_FORMATS[format][0]!, req, res, next);
  });
}

async function streamExport(app: App, file: ExportFile, req: Request, res: Response, next: NextFunction): Promise<void> {
  let graph;
  try {
    graph = await app.exports.graph(parseExportScope(req.query));
  } catch (err) {
    return err instanceof AppError ? sendError(res, err) : next(err);
  }
  // attachment() sets a type from the file extension; ours comes after it.
  res.status(200).attachment(file.fileName).type(file.contentType);
  try {
    await pipeline(Readable.from(file.chunks(graph)), res);
  } catch (err) {
    // The client went away: nothing to answer. Anything else: headers are sent, so Express aborts the response.
    if ((err as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") next(err);
  }
}

function notFound(message: string): AppError {
  return new AppError(message, ErrorCode.NOT_FOUND);
}

function sendError(res: Response, err: AppError): void {
  const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
  res.status(STATUS[err.code]).json({ errors: [{ message: err.message, extensions }] });
}
