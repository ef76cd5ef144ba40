import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import cors from "cors";
import express from "express";
import type { GraphQLSchema } from "graphql";
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { App } from "./app.js";
import { readAccessPlugin, requireReader } from "./auth/graphql-auth.js";
import { authenticateRequests, requestCaller } from "./auth/http-auth.js";
import { formatError, QueryTooCostlyError } from "./errors.js";
import { registerExportRoutes } from "./export/http.js";
import { registerImportRoutes } from "./import/http-import.js";
import type { GraphQLContext } from "./graphql/context.js";
import { buildActorgraphSchema } from "./graphql/schema.js";
import { MAX_DOCUMENT_TOKENS, mutationCountPlugin, operationMetricsPlugin, supportedOperationsRule, wellFormedStringsPlugin } from "./graphql-guards.js";
import { hostAllowList, httpErrorAsJson, notFoundOrWrongMethod, rootToExplorer, singleHostSource } from "./http-guards.js";
import { rateLimiter } from "./rate-limit.js";
import { requestContext } from "./request-context.js";
import { registerWebClients } from "./web/serve.js";

// graphql-query-complexity's ESM build imports `graphql/index.mjs`, while Node resolves every
// other `import "graphql"` (Apollo, type-graphql, ours) to the CommonJS `graphql/index.js`.
// Two graphql realms break schema checks, so load its CommonJS build, which shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  "graphql-query-complexity",
) as typeof import("graphql-query-complexity");

/**
 * Limits on an operation's shape, checked before anything runs (GraphQL Armor validation rules):
 * selection depth 10 (the deepest useful query, routes → hops → relationship → evidence →
 * source, is 6) and 30 aliases. Past them: GRAPHQL_VALIDATION_FAILED naming the limit.
 */
const SHAPE_LIMITS = { maxDepth: 10, maxAliases: 30 } as const;

/**
 * Largest `POST /graphql` body: 4 MiB, so addSource can carry a text of up to 2 MiB of UTF-8
 * (MAX_SOURCE_TEXT_BYTES) with room for JSON escapes. Past it: 413 BAD_REQUEST.
 */
const GRAPHQL_BODY_LIMIT = "4mb";

/** Database calls one GraphQL request may have in flight at once, so one request cannot drain the driver's pool. */
const DB_CALLS_PER_REQUEST = 4;

/** A running HTTP server. */
export interface RunningServer {
  /** Base URL, for example `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, gives in-flight requests up to
   * SHUTDOWN_TIMEOUT_MS to finish (then closes their connections), and stops Apollo. Does not
   * close the app's driver.
   */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: `POST|GET /graphql` (Apollo Server 5 on Express 5), `GET /health`,
 * `GET /ready`, `GET /explorer` and `GET /graphiql` (src/web/serve.ts), `GET /export/…` (src/export/http.ts) and `POST /import/:format` (src/import/http-import.ts). Port 0 picks a free port (tests). Starts even when Neo4j is down: requests
 * then fail with DATABASE_UNAVAILABLE and succeed again once it returns. Each request gets one
 * time budget (ROUTE_BUDGET_MS) shared by all its route searches, and at most
 * {@link DB_CALLS_PER_REQUEST} database calls in flight. Every request first passes the Host
 * allow-list ({@link hostAllowList}: 421 BAD_HOST); an unknown path answers JSON 404 NOT_FOUND,
 * a known path with a wrong method 405 METHOD_NOT_ALLOWED with `Allow`. Before that, every request
 * gets an id (src/request-context.ts) and is counted in `GET /metrics` (src/metrics.ts), and a
 * request whose Host is ambiguous is refused ({@link singleHostSource}); `/graphql`, `/export`
 * and `/import` are rate limited per client (src/rate-limit.ts); `GET /` redirects to `/explorer`.
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
    // The CLI drains on SIGTERM/SIGINT itself (src/cli.ts). Apollo's own handlers stop the server and
    // then send the signal again, which killed the process (exit 143) before the driver was closed.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // Apollo turns introspection off when NODE_ENV is production (the Docker image). The schema is
    // public (schema.graphql is committed) and GraphiQL needs it for docs and completion.
    introspection: true,
    // Report as validation errors (GRAPHQL_VALIDATION_FAILED) rather than throw, which Apollo would treat as a crash.
    validationRules: [
      supportedOperationsRule,
      maxDepthRule({ n: SHAPE_LIMITS.maxDepth, exposeLimits: true, propagateOnRejection: false, onReject: [(ctx, err) => ctx?.reportError(err)] }),
      maxAliasesRule({ n: SHAPE_LIMITS.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [(ctx, err) => ctx?.reportError(err)] }),
    ],
    formatError: (formatted, original) => formatError(formatted, original, development, (err) => logger.error({ err }, "unexpected error")),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      operationMetricsPlugin(),
      wellFormedStringsPlugin(),
      mutationCountPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      complexityLimit(schema, config.maxQueryComplexity),
      readAccessPlugin(app.services.auth),
    ],
  });
  await apollo.start();

  expressApp.set("env", development ? "development" : "production");
  expressApp.disable("x-powered-by");
  expressApp.use(requestContext(development));
  expressApp.use(app.metrics.requestObserver());
  expressApp.use(singleHostSource(logger));
  expressApp.use(hostAllowList(config.host, config.allowedHosts, logger));
  expressApp.use(cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, methods: ["GET", "HEAD", "POST"] }));
  // Verifies a bearer token once per request; requestCaller(req) reads the caller everywhere after,
  // the rate limiter's key included, so it runs first.
  expressApp.use(authenticateRequests(app.services.auth));
  const limiter = rateLimiter(config);
  if (limiter) expressApp.use(["/graphql", "/export", "/import"], limiter);
  expressApp.use(rootToExplorer());
  expressApp.get("/metrics", async (_req, res) => {
    res.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });
  expressApp.get("/health", async (_req, res) => {
    const ready = await app.db.isReady();
    res.status(200).json({ status: "ok", live: true, database: ready ? "up" : "down" });
  });
  // Ready = Neo4j answers and it has planned the route queries (seconds on a busy machine; a
  // search before that waits for it). A probe starts the planning when nothing else has.
  expressApp.get("/ready", async (_req, res) => {
    if (!(await app.db.isReady())) {
      app.services.routes.forgetWarmUp();
      res.status(503).json({ ready: false, database: "down" });
      return;
    }
    if (!app.services.routes.isWarm()) {
      app.services.routes.ready().catch(() => undefined);
      res.status(503).json({ ready: false, database: "up", routeQueries: "planning" });
      return;
    }
    res.status(200).json({ ready: true, database: "up", routeQueries: "planned" });
  });
  expressApp.use(
    "/graphql",
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        Promise.resolve({
          services: app.services,
          deadline: Date.now() + config.routeBudgetMs,
          gate: pLimit(DB_CALLS_PER_REQUEST),
          caller: requestCaller(req),
        }),
    }),
  );
  expressApp.use("/export", requireReader(app.services.auth));
  registerExportRoutes(expressApp, app, logger);
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

/**
 * Rejects operations whose estimated cost exceeds `max` with QUERY_TOO_COSTLY (HTTP 400),
 * before any resolver runs. Costs come from graphql-query-complexity: 1 per field, multiplied by
 * `limit` on list fields, plus a fixed cost per route search (see src/graphql/complexity.ts).
 * Variables that fail coercion are left for Apollo to report as BAD_USER_INPUT.
 */
function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      // As graphql-guards.ts's plugins: the hook throws, and Apollo reports the error.
      return Promise.resolve({
        didResolveOperation({ request, document, operation }) {
          if (!operation) return Promise.resolve();
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
            return Promise.resolve();
          }
          if (complexity > max) {
            throw new QueryTooCostlyError(`Query cost ${complexity} exceeds the limit of ${max}; ask for fewer results or fewer nested fields.`, {
              complexity,
              maxComplexity: max,
              http: { status: 400 },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
