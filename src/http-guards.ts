import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, Express, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import { ErrorCode } from "./errors.js";
import { clip } from "./logging.js";

// The server's HTTP guards outside GraphQL, registered by src/server.ts: the Host allow-list
// (first), the JSON 404/405 for requests no route took, and the JSON error handler (last).

/** Host names a loopback-bound server always answers to, as they appear in a `Host` header (any port). */
const LOOPBACK_HOST_NAMES: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** Whether HOST (the address the server binds) is reachable from this machine only. */
function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a `Host` header without its port, lower-cased (`[::1]` keeps its brackets); null when missing or malformed. */
function hostName(header: string | undefined): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/]+)(?::\d{1,5})?$/.exec((header ?? "").trim().toLowerCase());
  return m ? m[1]! : null;
}

/**
 * The request's Host comes from one source only, or the request is refused with 400
 * BAD_REQUEST before anything else runs:
 * - a second `Host` header: Node keeps the first and drops the rest, so a proxy that reads the
 *   last one and this server would disagree about whom the request is for;
 * - a request line in absolute form (`GET http://other.example/graphql HTTP/1.1`) or asterisk
 *   form (`OPTIONS *`): RFC 9112 §3.2.2 makes the authority in an absolute URI override `Host`,
 *   which {@link hostAllowList} reads. This server is not a proxy, so it takes origin-form
 *   targets (`/path?query`) only.
 * Register first (after the request id), before {@link hostAllowList}.
 */
export function singleHostSource(logger: Logger): RequestHandler {
  return (req, res, next) => {
    let hosts = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === "host") hosts += 1;
    const originForm = req.originalUrl.startsWith("/");
    if (hosts <= 1 && originForm) return next();
    const problem =
      hosts > 1
        ? `${hosts} Host headers; send exactly one`
        : "a request target that is not a path; send the path only (origin form, /graphql) with the name in the Host header";
    logger.warn({ target: clip(req.originalUrl, 200), hosts }, "refused a request whose Host is ambiguous");
    sendHttpError(res, 400, "BAD_REQUEST", `Bad request: ${problem}.`);
  };
}

/** `GET /` (and HEAD) answers 302 to the route explorer, the page a person opening the server's address wants. */
export function rootToExplorer(): RequestHandler {
  return (req, res, next) => {
    if (req.path !== "/" || (req.method !== "GET" && req.method !== "HEAD")) return next();
    res.redirect(302, "/explorer");
  };
}

/**
 * DNS-rebinding guard, run before every route (`/health` included: a rebound page must not learn
 * even that the server is up). A request whose `Host` names a host other than 127.0.0.1,
 * localhost, [::1] or one of `allowed` (ALLOWED_HOSTS), on any port, answers
 * **421 Misdirected Request** with code BAD_HOST. 421 rather than 403: the request is not
 * refused for who sent it, but because this server is not the authority for the name it was
 * sent to (RFC 9110 §15.5.20), which is exactly what a rebound name is. The check runs when the
 * server binds a loopback HOST (the default), or whenever ALLOWED_HOSTS is set; a server on
 * `0.0.0.0` without ALLOWED_HOSTS accepts any name, since it cannot know the names it is reached by.
 *
 * Written here rather than taken from npm: `host-validation` (2.0.1) has had no release since
 * 2018 and also filters Referer, which we do not want; `host-validation-middleware` is a 0.x
 * package with a small audience. The rule is a dozen lines and this way has no new dependency.
 */
export function hostAllowList(bindHost: string, allowed: readonly string[], logger: Logger): RequestHandler {
  const names = new Set([...LOOPBACK_HOST_NAMES, ...allowed]);
  const enforced = isLoopback(bindHost) || allowed.length > 0;
  return (req, res, next) => {
    if (!enforced) return next();
    const name = hostName(req.headers.host);
    if (name !== null && names.has(name)) return next();
    logger.warn(
      { host: clip(req.headers.host ?? "", 200), path: clip(req.path, 200) },
      "refused a request for a host this server does not serve (DNS rebinding?)",
    );
    sendHttpError(
      res,
      421,
      "BAD_HOST",
      `This server does not answer to the host ${JSON.stringify(clip(req.headers.host ?? "", 200))}. Open it as http://127.0.0.1:<port>/ or http://localhost:<port>/, or add the name to ALLOWED_HOSTS on the server.`,
    );
  };
}

/** Sends `{errors: [{message, extensions: {code}}]}` with `status`, the shape every non-GraphQL error of the server has. */
function sendHttpError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * The methods the routes registered on `expressApp` accept for `path` (HEAD wherever GET is),
 * read from Express's router, so a route added anywhere (src/export, src/import) is covered.
 */
function methodsFor(expressApp: Express, path: string): string[] {
  interface RouteLayer {
    route?: { methods: Record<string, boolean> };
    match(path: string): boolean;
  }
  const stack = (expressApp as unknown as { router?: { stack: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== "_all") methods.add(method.toUpperCase());
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/**
 * Answers a request no route took: 405 METHOD_NOT_ALLOWED with `Allow` when the path exists
 * for other methods (`GET /import/ftm`; OPTIONS gets 204 with `Allow`), else 404 NOT_FOUND, both as JSON instead of Express's
 * HTML "Cannot GET" page. Register after every route, before {@link httpErrorAsJson}.
 */
export function notFoundOrWrongMethod(expressApp: Express): RequestHandler {
  return (req, res) => {
    const allowed = methodsFor(expressApp, req.path);
    if (allowed.length > 0) {
      res.setHeader("allow", allowed.join(", "));
      // A plain OPTIONS (CORS preflights from allowed origins were answered by cors()) asks what the path accepts.
      if (req.method === "OPTIONS") return void res.status(204).end();
      return sendHttpError(res, 405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed on ${req.path}; it accepts ${allowed.join(", ")}.`);
    }
    sendHttpError(
      res,
      404,
      "NOT_FOUND",
      `No endpoint at ${clip(req.path, 200)}. Endpoints: /graphql, /health, /ready, /metrics, /explorer, /graphiql, /export/<format>, POST /import/<format>.`,
    );
  };
}

/** The fields of an http-errors error (as express and body-parser throw them) that httpErrorAsJson reads. */
interface HttpErrorFields {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly expose?: unknown;
  readonly message?: unknown;
}

/** Messages for the errors body-parser raises, by their `type` (https://github.com/expressjs/body-parser#errors). */
const BODY_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  "entity.parse.failed": "the body is not valid JSON",
  "entity.too.large": "body larger than the limit (1 MB; 4 MB for /graphql)",
  "entity.verify.failed": "the body failed verification",
  "charset.unsupported": "the body's charset is not supported; send UTF-8",
  "encoding.unsupported": "the body's Content-Encoding is not supported; send identity, gzip, deflate or br",
  "request.aborted": "the request was aborted before its body was read",
  "request.size.invalid": "the body's length does not match its Content-Length",
  "stream.encoding.set": "the body stream could not be read",
  "parameters.too.many": "too many parameters",
};

/**
 * Express's last error handler: any error a route or middleware passed on becomes a
 * GraphQL-shaped JSON error instead of Express's HTML page with a stack trace. Its message
 * follows the error, never a guess: a body the parser rejected (by body-parser's `type`:
 * malformed, too large, wrong charset or encoding) is BAD_REQUEST with the parser's status;
 * another client error (`status` 4xx from http-errors) keeps its status, a code for it
 * (BAD_REQUEST, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, else `HTTP_<status>`) and its own
 * message when http-errors marks it safe to show (`expose`); anything else is a logged 500
 * INTERNAL_SERVER_ERROR with no details.
 */
export function httpErrorAsJson(logger: Logger): ErrorRequestHandler {
  const codes: Readonly<Record<number, string>> = {
    400: "BAD_REQUEST",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "BAD_REQUEST",
    415: "BAD_REQUEST",
  };
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e: HttpErrorFields = typeof err === "object" && err !== null ? err : {};
    const status = typeof e.status === "number" && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status === 500) {
      logger.error({ err }, "unexpected HTTP error");
      return sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }
    const bodyProblem = typeof e.type === "string" ? BODY_ERROR_MESSAGES[e.type] : undefined;
    if (bodyProblem) return sendHttpError(res, status, "BAD_REQUEST", `Bad request: ${bodyProblem}`);
    const message = e.expose === true && typeof e.message === "string" && e.message ? e.message : (STATUS_CODES[status] ?? "Client error");
    sendHttpError(res, status, codes[status] ?? `HTTP_${status}`, message);
  };
}
