import http, { STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import cors from "cors";
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { App } from "./app.js";
import { ErrorCode, formatError, QueryTooCostlyError } from "./errors.js";
import { registerExportRoutes } from "./export/http.js";
import { registerImportRoutes } from "./import/http-import.js";
import type { GraphQLContext } from "./graphql/context.js";
import { buildActorgraphSchema } from "./graphql/schema.js";
import { registerWebClients } from "./web/serve.js";

// graphql-query-complexity's ESM build imports `graphql/index.mjs`, while Node resolves every
// other `import "graphql"` (Apollo, type-graphql, ours) to the CommonJS `graphql/index.js`.
// Two graphql realms break schema checks, so load its CommonJS build, which shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } =
  createRequire(import.meta.url)("graphql-query-complexity") as typeof import("graphql-query-complexity");

/**
 * Limits on an operation's shape, checked before anything runs (GraphQL Armor validation rules):
 * selection depth 10 (the deepest useful query, routes → hops → relationship → evidence →
 * source, is 6) and 30 aliases. Past them: GRAPHQL_VALIDATION_FAILED naming the limit.
 */
const SHAPE_LIMITS = { maxDepth: 10, maxAliases: 30 } as const;

/** Database calls one GraphQL request may have in flight at once, so one request cannot drain the driver's pool. */
const DB_CALLS_PER_REQUEST = 4;

/** A running HTTP server. */
export interface RunningServer {
  /** Base URL, for example `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, drains in-flight ones, and stops Apollo. Does not close the app's driver. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: `POST|GET /graphql` (Apollo Server 5 on Express 5), `GET /health`,
 * `GET /ready`, `GET /explorer` and `GET /graphiql` (src/web/serve.ts), `GET /export/…` (src/export/http.ts) and `POST /import/:format` (src/import/http-import.ts). Port 0 picks a free port (tests). Starts even when Neo4j is down: requests
 * then fail with DATABASE_UNAVAILABLE and succeed again once it returns. Each request gets one
 * time budget (ROUTE_BUDGET_MS) shared by all its route searches, and at most
 * {@link DB_CALLS_PER_REQUEST} database calls in flight. Every request first passes the Host
 * allow-list ({@link hostAllowList}: 421 BAD_HOST); an unknown path answers JSON 404 NOT_FOUND,
 * a known path with a wrong method 405 METHOD_NOT_ALLOWED with `Allow`.
 */
export async function startServer(app: App, logger: Logger): Promise<RunningServer> {
  const { config } = app;
  const schema = await buildActorgraphSchema();
  const expressApp = express();
  const httpServer = http.createServer(expressApp);
  const development = config.nodeEnv === "development";
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    includeStacktraceInErrorResponses: development,
    persistedQueries: false,
    // Apollo turns introspection off when NODE_ENV is production (the Docker image). The schema is
    // public (schema.graphql is committed) and GraphiQL needs it for docs and completion.
    introspection: true,
    // Report as validation errors (GRAPHQL_VALIDATION_FAILED) rather than throw, which Apollo would treat as a crash.
    validationRules: [
      maxDepthRule({ n: SHAPE_LIMITS.maxDepth, exposeLimits: true, propagateOnRejection: false, onReject: [(ctx, err) => ctx?.reportError(err)] }),
      maxAliasesRule({ n: SHAPE_LIMITS.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [(ctx, err) => ctx?.reportError(err)] }),
    ],
    formatError: (formatted, original) => formatError(formatted, original, development, (err) => logger.error({ err }, "unexpected error")),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      complexityLimit(schema, config.maxQueryComplexity),
    ],
  });
  await apollo.start();

  expressApp.set("env", development ? "development" : "production");
  expressApp.disable("x-powered-by");
  expressApp.use(hostAllowList(config.host, config.allowedHosts, logger));
  expressApp.use(cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, methods: ["GET", "HEAD", "POST"] }));
  expressApp.get("/health", async (_req, res) => {
    const ready = await app.db.isReady();
    res.status(200).json({ status: "ok", live: true, database: ready ? "up" : "down" });
  });
  expressApp.get("/ready", async (_req, res) => {
    const ready = await app.db.isReady();
    res.status(ready ? 200 : 503).json({ ready });
  });
  expressApp.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async () => ({
        services: app.services,
        deadline: Date.now() + config.routeBudgetMs,
        gate: pLimit(DB_CALLS_PER_REQUEST),
      }),
    }),
  );
  registerExportRoutes(expressApp, app);
  registerImportRoutes(expressApp, app);
  registerWebClients(expressApp);
  expressApp.use(notFoundOrWrongMethod(expressApp));
  expressApp.use(httpErrorAsJson(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  return { url, port, stop: () => apollo.stop() };
}

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
function hostAllowList(bindHost: string, allowed: readonly string[], logger: Logger): RequestHandler {
  const names = new Set([...LOOPBACK_HOST_NAMES, ...allowed]);
  const enforced = isLoopback(bindHost) || allowed.length > 0;
  return (req, res, next) => {
    if (!enforced) return next();
    const name = hostName(req.headers.host);
    if (name !== null && names.has(name)) return next();
    logger.warn({ host: req.headers.host, path: req.path }, "refused a request for a host this server does not serve (DNS rebinding?)");
    sendHttpError(
      res,
      421,
      "BAD_HOST",
      `This server does not answer to the host ${JSON.stringify(req.headers.host ?? "")}. Open it as http://127.0.0.1:<port>/ or http://localhost:<port>/, or add the name to ALLOWED_HOSTS on the server.`,
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
  interface RouteLayer { route?: { methods: Record<string, boolean> }; match(path: string): boolean }
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
function notFoundOrWrongMethod(expressApp: Express): RequestHandler {
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
      `No endpoint at ${req.path}. Endpoints: /graphql, /health, /ready, /explorer, /graphiql, /export/<format>, POST /import/<format>.`,
    );
  };
}

/** Messages for the errors body-parser raises, by their `type` (https://github.com/expressjs/body-parser#errors). */
const BODY_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  "entity.parse.failed": "the body is not valid JSON",
  "entity.too.large": "body larger than 1 MB",
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
function httpErrorAsJson(logger: Logger): ErrorRequestHandler {
  const codes: Readonly<Record<number, string>> = { 400: "BAD_REQUEST", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "BAD_REQUEST", 415: "BAD_REQUEST" };
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      logger.error({ err }, "unexpected HTTP error");
      return sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }
    const bodyProblem = typeof err.type === "string" ? BODY_ERROR_MESSAGES[err.type] : undefined;
    if (bodyProblem) return sendHttpError(res, status, "BAD_REQUEST", `Bad request: ${bodyProblem}`);
    const message = err.expose === true && typeof err.message === "string" && err.message ? err.message : (STATUS_CODES[status] ?? "Client error");
    sendHttpError(res, status, codes[status] ?? `HTTP_${status}`, message);
  };
}

/**
 * Rejects operations whose estimated cost exceeds `max` with QUERY_TOO_COSTLY (HTTP 400),
 * before any resolver runs. Costs come from graphql-query-complexity: 1 per field, multiplied by
 * `limit` on list fields, plus a fixed cost per route search (see src/graphql/resolvers.ts).
 * Variables that fail coercion are left for Apollo to report as BAD_USER_INPUT.
 */
function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            if (/maximum allowed number of nodes/i.test(String((err as Error).message))) {
              throw new QueryTooCostlyError("The query has more than 10000 fields after expanding fragments.", { http: { status: 400 } });
            }
            return;
          }
          if (complexity > max) {
            throw new QueryTooCostlyError(`Query cost ${complexity} exceeds the limit of ${max}; ask for fewer results or fewer nested fields.`, {
              complexity,
              maxComplexity: max,
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
