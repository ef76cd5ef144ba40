import { afterAll, beforeAll, inject } from "vitest";
import { createApp, type App } from "../../dist/src/app.js";
import { loadConfig } from "../../dist/src/config.js";
import { createLogger } from "../../dist/src/logging.js";
import { startServer, type RunningServer } from "../../dist/src/server.js";
import type { Config } from "../../dist/src/config.js";

/** The AUTH_SECRET every test server verifies tokens with (tests only; 32+ characters). */
export const TEST_AUTH_SECRET = "actorgraph-test-secret-0123456789abcdef";

/** A GraphQL response as sent over HTTP. */
export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** The app and a real HTTP server on a free port, against the test database. */
export interface TestServer {
  app: App;
  server: RunningServer;
  /** POSTs a GraphQL operation over real HTTP, with `Authorization: Bearer <token>` when a token is given. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** Environment for loadConfig pointing at the injected test database, plus overrides. */
export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const neo = inject("neo4j");
  return {
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    NEO4J_DATABASE: neo.database,
    PORT: "0",
    LOG_LEVEL: "silent",
    // A fixed secret, so tests can sign tokens (tests/helpers/auth.ts) whatever .auth-secret holds.
    AUTH_SECRET: TEST_AUTH_SECRET,
    // Tests assert answers, not speed (speed lives in bench/). On a busy 2-core machine Neo4j
    // needs seconds to plan the route queries the first time, more than the 2 s route budget and
    // the 5 s query timeout allow; tests of those limits set their own.
    ROUTE_BUDGET_MS: "15000",
    QUERY_TIMEOUT_MS: "30000",
    ...overrides,
  };
}

/** Options of {@link startTestServer} beyond the environment. */
export interface TestServerOptions {
  /** Receives every log line (JSON text) the server writes at info level and above; without it the server logs nothing. */
  readonly logLines?: string[];
  /** Changes the loaded configuration, for values the environment cannot set (a 1 ms query timeout). */
  readonly config?: Partial<Config>;
}

/** Starts the built server in-process on port 0. */
export async function startTestServer(overrides: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const app = createApp({ ...loadConfig(testEnv(overrides)), ...options.config });
  const lines = options.logLines;
  const logger = lines ? createLogger("info", { write: (line: string) => void lines.push(line) }) : createLogger("silent");
  const server = await startServer(app, logger);
  return {
    app,
    server,
    async gql(query, variables, token) {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      await server.stop();
      await app.close();
    },
  };
}

/**
 * Starts a test server before the enclosing describe block's tests and stops it after them.
 * @returns a getter, since the server exists only once beforeAll has run.
 */
export function useTestServer(overrides: Record<string, string> = {}): () => TestServer {
  let t: TestServer | undefined;
  beforeAll(async () => {
    t = await startTestServer(overrides);
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error("useTestServer: the server is not started yet");
    return t;
  };
}
