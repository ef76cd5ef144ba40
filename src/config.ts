import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./paths.js";

/**
 * The local Neo4j of `scripts/neo4j-local.sh`, as the script's own variables name it:
 * `NEO4J_STATE_DIR` (default `.neo4j` in the repository; a relative path is taken from the current
 * folder, as the script does) and `NEO4J_BOLT_PORT` (default 7687). Used when `NEO4J_URI` is unset
 * (its Bolt URI) and when `NEO4J_PASSWORD` is unset (the password file the script generated).
 */
export function localNeo4j(env: NodeJS.ProcessEnv = process.env): { stateDir: string; uri: string; passwordFile: string } {
  const stateDir = env.NEO4J_STATE_DIR ? resolve(env.NEO4J_STATE_DIR) : join(PROJECT_ROOT, ".neo4j");
  return { stateDir, uri: `neo4j://127.0.0.1:${env.NEO4J_BOLT_PORT || "7687"}`, passwordFile: join(stateDir, "password") };
}

/**
 * A host name as the `Host` header carries it, without port: DNS labels (letters, digits,
 * hyphens, underscores, dots), an IPv4 address, or an IPv6 address in brackets.
 */
const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\])$/;

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * Every setting, its environment variable, default and meaning. The README's configuration
 * table is this list.
 */
const ConfigSchema = z.object({
  /** `PORT`: HTTP port of the API; 0 picks a free port. Default 4000. */
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  /** `HOST`: interface to bind. Default 127.0.0.1 (loopback only). */
  host: z.string().min(1).default("127.0.0.1"),
  /** `NEO4J_URI`: Bolt URI. `neo4j://` routes reads to secondaries on a cluster or Aura. Default: the local Neo4j, `neo4j://127.0.0.1:$NEO4J_BOLT_PORT` (7687). */
  neo4jUri: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, "must start with neo4j:// or bolt://"),
  /** `NEO4J_USER`. Default `neo4j`. */
  neo4jUser: z.string().min(1).default("neo4j"),
  /** `NEO4J_PASSWORD`. Default: the password the local script generated in `$NEO4J_STATE_DIR/password` (`.neo4j/password`). */
  neo4jPassword: z.string().min(1),
  /** `NEO4J_DATABASE`. Default `neo4j`. */
  neo4jDatabase: z.string().min(1).default("neo4j"),
  /** `QUERY_TIMEOUT_MS`: per-transaction timeout sent to Neo4j, in **milliseconds**. Default 20000. */
  queryTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** `ROUTE_BUDGET_MS`: wall-clock budget of one route search, in **milliseconds**. Default 2000. */
  routeBudgetMs: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** `ROUTE_MAX_RELATIONSHIPS`: relationships one route search may fetch before it stops with LIMIT_REACHED. Default 50000 (about a quarter second of transfer; a hub with more is cut, not fetched). */
  routeMaxRelationships: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  /**
   * `ROUTE_HUB_DEGREE`: degree cap of route searches. An entity with more relationships of the
   * walked types (either direction, any status or date) is a hub: searches never read its
   * neighbourhood and no route passes through it unless it is named (from, to or via); answers
   * list it in `skippedHubs`. Default 1000.
   */
  routeHubDegree: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /**
   * `ROUTE_CACHE_ANSWERS`: complete answers of routes, exposure and neighborhood kept in memory
   * and served again, for the same question, after one small round trip confirms the database
   * is unchanged (see ROUTE_CACHE_TTL_MS). 0 turns the cache off. Default 200.
   */
  routeCacheAnswers: z.coerce.number().int().min(0).max(100_000).default(200),
  /**
   * `ROUTE_CACHE_TTL_MS`: longest a kept answer is served, in **milliseconds**. Writes through
   * this server, and any change of the node or relationship counts, drop kept answers at once;
   * a property another process changes is seen within this time. Default 5000.
   */
  routeCacheTtlMs: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** `MAX_QUERY_COMPLEXITY`: GraphQL cost ceiling per operation (graphql-query-complexity). Default 20000. */
  maxQueryComplexity: z.coerce.number().int().min(10).default(20_000),
  /** `CORS_ORIGINS`: comma-separated origins allowed to call the API from a browser. Default none. */
  corsOrigins: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean)),
  /**
   * `ALLOWED_HOSTS`: comma-separated host names (or IP addresses; IPv6 in brackets, `[fd00::1]`)
   * that requests may name in their `Host` header, without port, spaces trimmed, case-insensitive.
   * `127.0.0.1`, `localhost` and `[::1]` are always allowed. On a loopback HOST (the default) every
   * other name is refused with 421 BAD_HOST, which defeats DNS rebinding; on any other HOST
   * (`0.0.0.0` in Docker) the check runs only when this is set. Default none.
   */
  allowedHosts: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(HOST_NAME, "each entry must be a host name or IP address without scheme, port or path (IPv6 in brackets), such as api.example.org or [fd00::1]"))),
  /** `LOG_LEVEL`: pino level. Default `info`. */
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `NODE_ENV`: `development` shows stack traces in errors; anything else hides them. */
  nodeEnv: z.string().default("production"),
  /**
   * `IMPORT_TOKEN`: bearer token that `POST /import/:format` requires (`Authorization: Bearer …`).
   * Unset (the default) disables HTTP import, since it writes to the graph; the CLI needs no token.
   */
  importToken: z.string().min(16, "must be at least 16 characters").optional(),
  /** `AUTO_START_DB`: `npm start` starts the local Neo4j when NEO4J_URI is unset and nothing answers. Default true. */
  autoStartDb: bool.default("true"),
});

/** The validated, frozen configuration. */
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/**
 * Reads the configuration from an environment (default `process.env`) once.
 * @throws Error with every invalid variable named, when validation fails.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = localNeo4j(env);
  const password = env.NEO4J_PASSWORD ?? readPassword(local.passwordFile);
  const parsed = ConfigSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    neo4jUri: env.NEO4J_URI || local.uri,
    neo4jUser: env.NEO4J_USER,
    neo4jPassword: password,
    neo4jDatabase: env.NEO4J_DATABASE,
    queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    routeBudgetMs: env.ROUTE_BUDGET_MS,
    routeMaxRelationships: env.ROUTE_MAX_RELATIONSHIPS,
    routeHubDegree: env.ROUTE_HUB_DEGREE,
    routeCacheAnswers: env.ROUTE_CACHE_ANSWERS,
    routeCacheTtlMs: env.ROUTE_CACHE_TTL_MS,
    maxQueryComplexity: env.MAX_QUERY_COMPLEXITY,
    corsOrigins: env.CORS_ORIGINS,
    allowedHosts: env.ALLOWED_HOSTS,
    logLevel: env.LOG_LEVEL,
    nodeEnv: env.NODE_ENV,
    autoStartDb: env.AUTO_START_DB,
    importToken: env.IMPORT_TOKEN || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(
      `Invalid configuration: ${problems}. ` +
        (password === undefined ? "Set NEO4J_PASSWORD or run `npm run db:start` to create .neo4j/password. " : ""),
    );
  }
  return Object.freeze(parsed.data);
}

function readPassword(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}
