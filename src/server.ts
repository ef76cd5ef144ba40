import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { createRequire } from "node:module";
import type { Logger } from "pino";
import type { App } from "./app.js";
import { formatError, QueryTooCostlyError } from "./errors.js";
import type { GraphQLContext } from "./graphql/context.js";
import { buildActorgraphSchema } from "./graphql/schema.js";

// graphql-query-complexity's ESM build imports `graphql/index.mjs`, while Node resolves every
// other `import "graphql"` (Apollo, type-graphql, ours) to the CommonJS `graphql/index.js`.
// Two graphql realms break schema checks, so load its CommonJS build, which shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } =
  createRequire(import.meta.url)("graphql-query-complexity") as typeof import("graphql-query-complexity");

/** A running HTTP server. */
export interface RunningServer {
  /** Base URL, for example `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, drains in-flight ones, and stops Apollo. Does not close the app's driver. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: `POST|GET /graphql` (Apollo Server 5 on Express 5) and
 * `GET /health`. Port 0 picks a free port (tests). Starts even when Neo4j is down: requests
 * then fail with DATABASE_UNAVAILABLE and succeed again once it returns.
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
    formatError: (formatted, original) => formatError(formatted, development, (err) => logger.error({ err }, "unexpected error"), original),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      complexityLimit(schema, config.maxQueryComplexity),
    ],
  });
  await apollo.start();

  expressApp.disable("x-powered-by");
  expressApp.use(cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false }));
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
    expressMiddleware(apollo, { context: async () => ({ services: app.services }) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  return { url, port, stop: () => apollo.stop() };
}

/**
 * Rejects operations whose estimated cost exceeds `max` with QUERY_TOO_COSTLY, before any
 * resolver runs. Costs come from graphql-query-complexity: 1 per field, multiplied by `limit`
 * on list fields that declare it (see the `complexity` options in src/graphql).
 */
function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new QueryTooCostlyError(`Query cost ${complexity} exceeds the limit of ${max}; ask for fewer results or fewer nested fields.`, {
              complexity,
              maxComplexity: max,
            });
          }
        },
      };
    },
  };
}
