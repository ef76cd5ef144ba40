import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import type { App } from "../app.js";
import { AppError, BadUserInputError, ErrorCode, QueryTooCostlyError, ServerBusyError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import { startExport } from "./first-page.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat, type ExportFile } from "./formats.js";
import { parseExportScope, type ExportScope, type RawParams } from "./scope.js";

/** HTTP status of each error code an export can answer before streaming starts. */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.QUERY_TOO_COSTLY]: 400,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.SERVER_BUSY]: 503,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * Registers the export endpoints, streamed with backpressure (memory does not grow with the graph):
 * - `GET /export/graphml`, `/export/cytoscape`, `/export/ftm`: one file each;
 * - `GET /export/csv/nodes.csv` and `/export/csv/edges.csv`: the two CSV files.
 * The query string selects the scope (src/export/scope.ts): `?scope=all` (default),
 * `?scope=neighborhood&id=dji&depth=2&limit=500`, `?scope=routes&from=dji&to=russian-front-lines&maxHops=6`,
 * `?scope=elements&nodes=dji,country-ru&relationships=SUPPLIED:…`. A parameter the scope does not
 * take is a 400, never ignored.
 * - `POST` to the same paths takes the scope from a non-empty JSON object body only (at most 1 MB;
 *   an empty body or a query string is a 400), for long id lists:
 *   `{"scope": "elements", "nodes": ["dji", …], "relationships": ["SUPPLIED:dji-supplied-intermediaries-uavs", …]}`
 *   exports exactly those elements (the explorer's "GraphML" button); any other scope works too.
 * - `HEAD` answers the headers a GET would send after checking the parameters, without reading the graph.
 * Fair under load (issue 21), per call of this function (one server):
 * - at most EXPORT_SLOTS exports of any scope run at once, LIMITS.exportConcurrentCap of them
 *   whole-graph; one more answers 503 SERVER_BUSY with `Retry-After` (LIMITS.exportRetryAfterSeconds)
 *   and `extensions.max`, at once, never queued;
 * - an export whose client reads nothing for EXPORT_IDLE_TIMEOUT_MS is aborted and its slot freed;
 * - Neo4j stopping an export's query for time or memory answers 503 SERVER_BUSY with
 *   `Retry-After`, not 400 QUERY_TOO_COSTLY: every scope is within its caps, so the server, busy
 *   with others, ran out of room, not the request.
 * Errors found before the first byte answer JSON `{errors: [{message, extensions: {code}}]}`:
 * 400 BAD_USER_INPUT, 404 NOT_FOUND (unknown format, entity, or listed relationship: `extensions.ids` /
 * `extensions.relationships`), 503 DATABASE_UNAVAILABLE or SERVER_BUSY; a malformed or over-1 MB POST
 * body 400/413 BAD_REQUEST. Headers go out only once the database has answered the export's first
 * read, so a database that is down is a 503, not a 200 with a cut file. An error after the first
 * byte aborts the response, so a client never takes a cut file for a whole one.
 * Register before the final error handler, which masks anything unexpected as a 500.
 */
export function registerExportRoutes(expressApp: Express, app: App, logger: Logger): void {
  const wholeGraphSlots = new ExportSlots(app, logger);
  const csv = (req: Request, res: Response, next: NextFunction) => {
    const file = EXPORT_FORMATS.csv.find((f) => f.fileName === req.params.file);
    if (!file) return sendError(res, notFound(`No CSV file ${JSON.stringify(req.params.file)}; CSV exports are nodes.csv and edges.csv.`));
    void streamExport(app, wholeGraphSlots, logger, file, req, res, next);
  };
  const single = (req: Request, res: Response, next: NextFunction) => {
    const format = String(req.params.format);
    if (format === "csv") return sendError(res, notFound("CSV is two files: /export/csv/nodes.csv and /export/csv/edges.csv."));
    if (!isExportFormat(format)) {
      return sendError(res, notFound(`Unknown export format ${JSON.stringify(format)}; formats: ${EXPORT_FORMAT_NAMES.join(", ")}.`));
    }
    void streamExport(app, wholeGraphSlots, logger, EXPORT_FORMATS[format][0]!, req, res, next);
  };
  // Not strict: a body of `null` or `"x"` is valid JSON, answered by scopeParams as "not an object".
  const json = express.json({ limit: "1mb", strict: false });
  expressApp.get("/export/csv/:file", csv);
  expressApp.post("/export/csv/:file", json, csv);
  expressApp.get("/export/:format", single);
  expressApp.post("/export/:format", json, single);
}

/**
 * The exports running on one server, with two ceilings: EXPORT_SLOTS in all, and
 * LIMITS.exportConcurrentCap whole-graph ones among them. Reject-when-busy, no queue (a queued
 * download would only time out).
 */
class ExportSlots {
  private running = 0;
  private wholeGraph = 0;
  constructor(
    private readonly app: App,
    private readonly logger: Logger,
  ) {}

  /**
   * Takes a slot until `res` closes (finished, failed, abandoned by the client, or idle past
   * EXPORT_IDLE_TIMEOUT_MS, when it is aborted).
   * @throws ServerBusyError (with `Retry-After` set on `res`) when the slots of its kind are taken.
   */
  take(res: Response, wholeGraph: boolean): void {
    const { exportSlots, exportIdleTimeoutMs } = this.app.config;
    const busy = (what: string, max: number) => {
      res.set("Retry-After", String(LIMITS.exportRetryAfterSeconds));
      return new ServerBusyError(`At most ${max} ${what} run at once on this server; retry in ${LIMITS.exportRetryAfterSeconds} seconds.`, { max });
    };
    if (wholeGraph && this.wholeGraph >= LIMITS.exportConcurrentCap) throw busy("whole-graph exports", LIMITS.exportConcurrentCap);
    if (this.running >= exportSlots) throw busy("exports", exportSlots);
    this.running += 1;
    if (wholeGraph) this.wholeGraph += 1;
    this.app.metrics.exportsInProgress.inc();
    // The socket's inactivity timer: writes that reach the socket reset it, so it fires only
    // once the client has stopped reading (kernel buffers full) for the whole period.
    // On firing, a TCP reset: a plain close would queue its FIN behind the megabytes the client
    // has not read, so the client would neither see the end nor free the connection.
    const socket = res.req.socket;
    res.setTimeout(exportIdleTimeoutMs, () => {
      this.logger.warn({ idleMs: exportIdleTimeoutMs }, "aborted an export whose client read nothing for EXPORT_IDLE_TIMEOUT_MS");
      if (!socket.destroyed) socket.resetAndDestroy();
      res.destroy();
    });
    res.once("close", () => {
      this.running -= 1;
      if (wholeGraph) this.wholeGraph -= 1;
      this.app.metrics.exportsInProgress.dec();
    });
  }
}

/** The scope's raw parameters: the query string of a GET or HEAD, the JSON object body of a POST (and nothing else). */
function scopeParams(req: Request): RawParams {
  if (req.method !== "POST") return req.query;
  const [inQuery] = Object.keys(req.query);
  if (inQuery !== undefined) {
    throw new BadUserInputError(`POST /export/… takes its parameters from the JSON body only; move ${JSON.stringify(inQuery)} out of the query string`, {
      argument: inQuery,
    });
  }
  const body: unknown = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const got = body === undefined ? "no JSON body" : `a JSON ${body === null ? "null" : Array.isArray(body) ? "array" : typeof body}`;
    throw new AppError(
      `POST /export/… takes a JSON object body with content-type application/json, such as {"scope": "elements", "nodes": ["dji"], "relationships": []}; got ${got}`,
      ErrorCode.BAD_USER_INPUT,
      { argument: "body" },
    );
  }
  if (Object.keys(body).length === 0) {
    throw new BadUserInputError(
      'POST /export/… takes its parameters from the JSON body, which is empty; send for example {"scope": "elements", "nodes": ["dji"]} or {"scope": "all"}',
      {
        argument: "body",
      },
    );
  }
  return body as RawParams;
}

async function streamExport(app: App, slots: ExportSlots, logger: Logger, file: ExportFile, req: Request, res: Response, next: NextFunction): Promise<void> {
  let started;
  try {
    const scope: ExportScope = parseExportScope(scopeParams(req));
    if (req.method === "HEAD") return void sendHeaders(res, file).end();
    slots.take(res, scope.kind === "all");
    started = await startExport(file.chunks, await app.exports.graph(scope));
  } catch (err) {
    return err instanceof AppError ? sendError(res, asOverload(err, res)) : next(err);
  }
  sendHeaders(res, file);
  try {
    await pipeline(Readable.from(started.chunks), res);
  } catch (err) {
    // The client went away (or idled past its timeout): nothing to answer. Anything else: the
    // headers are sent, so the response is cut short, and a client never takes a cut file for a
    // whole one. Logged here, with the request's id, rather than left to Express, which prints the stack to stderr.
    if ((err as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
    logger.warn({ err }, "aborted an export after its first bytes");
    res.destroy();
  }
}

/**
 * A time or memory limit Neo4j hit while reading an export (QUERY_TOO_COSTLY carrying the
 * driver's `neo4jCode`) is overload: SERVER_BUSY with `Retry-After`. Other errors are unchanged.
 */
function asOverload(err: AppError, res: Response): AppError {
  if (!(err instanceof QueryTooCostlyError) || err.extensions.neo4jCode === undefined) return err;
  res.set("Retry-After", String(LIMITS.exportRetryAfterSeconds));
  return new ServerBusyError(
    `The database ran out of time or memory for this export, which is within its caps: the server is busy; retry in ${LIMITS.exportRetryAfterSeconds} seconds.`,
  );
}

function sendHeaders(res: Response, file: ExportFile): Response {
  // attachment() sets a type from the file extension; ours comes after it.
  return res.status(200).attachment(file.fileName).type(file.contentType);
}

function notFound(message: string): AppError {
  return new AppError(message, ErrorCode.NOT_FOUND);
}

function sendError(res: Response, err: AppError): void {
  const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
  res.status(STATUS[err.code]).json({ errors: [{ message: err.message, extensions }] });
}
