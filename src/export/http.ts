import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { App } from "../app.js";
import { AppError, ErrorCode } from "../errors.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat, type ExportFile } from "./formats.js";
import { parseExportScope, type RawParams } from "./scope.js";

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
 * `?scope=neighborhood&id=dji&depth=2&limit=500`, `?scope=routes&from=dji&to=russian-front-lines&maxHops=6`,
 * `?scope=elements&nodes=dji,country-ru&relationships=SUPPLIED:…`.
 * - `POST` to the same paths takes the scope as a JSON object body (at most 1 MB) instead, for
 *   long id lists: `{"scope": "elements", "nodes": ["dji", …], "relationships": ["SUPPLIED:dji-supplied-intermediaries-uavs", …]}`
 *   exports exactly those elements (the explorer's "GraphML" button); any other scope works too.
 * Errors found before the first byte answer JSON `{errors: [{message, extensions: {code}}]}`:
 * 400 BAD_USER_INPUT, 404 NOT_FOUND (unknown format, entity, or listed relationship: `extensions.ids` /
 * `extensions.relationships`), 503 DATABASE_UNAVAILABLE; a malformed or over-1 MB POST body 400/413 BAD_REQUEST.
 * An error after the first byte aborts the response, so a client never takes a cut file for a whole one.
 * Register before the final error handler, which masks anything unexpected as a 500.
 */
export function registerExportRoutes(expressApp: Express, app: App): void {
  const csv = (req: Request, res: Response, next: NextFunction) => {
    const file = EXPORT_FORMATS.csv.find((f) => f.fileName === req.params.file);
    if (!file) return sendError(res, notFound(`No CSV file ${JSON.stringify(req.params.file)}; CSV exports are nodes.csv and edges.csv.`));
    void streamExport(app, file, req, res, next);
  };
  const single = (req: Request, res: Response, next: NextFunction) => {
    const format = String(req.params.format);
    if (format === "csv") return sendError(res, notFound("CSV is two files: /export/csv/nodes.csv and /export/csv/edges.csv."));
    if (!isExportFormat(format)) {
      return sendError(res, notFound(`Unknown export format ${JSON.stringify(format)}; formats: ${EXPORT_FORMAT_NAMES.join(", ")}.`));
    }
    void streamExport(app, EXPORT_FORMATS[format][0]!, req, res, next);
  };
  const json = express.json({ limit: "1mb" });
  expressApp.get("/export/csv/:file", csv);
  expressApp.post("/export/csv/:file", json, csv);
  expressApp.get("/export/:format", single);
  expressApp.post("/export/:format", json, single);
}

/** The scope's raw parameters: the query string of a GET, the JSON object body of a POST. */
function scopeParams(req: Request): RawParams {
  if (req.method !== "POST") return req.query;
  const body: unknown = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError(
      'POST /export/… takes a JSON object body with content-type application/json, such as {"scope": "elements", "nodes": ["dji"], "relationships": []}',
      ErrorCode.BAD_USER_INPUT,
      { argument: "body" },
    );
  }
  return body as RawParams;
}

async function streamExport(app: App, file: ExportFile, req: Request, res: Response, next: NextFunction): Promise<void> {
  let graph;
  try {
    graph = await app.exports.graph(parseExportScope(scopeParams(req)));
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
