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

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

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
   * `ROUTE_PATH_SPLIT`: how the first round trip of a FLOW search enumerates paths of up to six
   * hops (cypher/queries/expand-paths-flow.cypher): `auto` meets in the middle at the split the
   * level sizes say is cheapest; `0` expands forward only, as the naive query does; `1`–`3`
   * force that many backward hops. Every setting gives the same answers (the route property
   * tests run each); only the work differs. Default `auto`.
   */
  routePathSplit: z
    .enum(["auto", "0", "1", "2", "3"])
    .default("auto")
    .transform((v) => (v === "auto" ? -1 : Number(v))),
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
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ),
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
    .transform((s) =>
      s
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            HOST_NAME,
            "each entry must be a host name or IP address without scheme, port or path (IPv6 in brackets), such as api.example.org or [fd00::1]",
          ),
      ),
    ),
  /** `LOG_LEVEL`: pino level. Default `info`. */
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `NODE_ENV`: `development` shows stack traces in errors; anything else hides them. */
  nodeEnv: z.string().default("production"),
  /**
   * `AUTH_SECRET`: HS256 key that signs and verifies bearer tokens (`npx actorgraph token`), at
   * least 32 characters (RFC 7518 §3.2: a key at least as long as the hash). Default: the contents
   * of AUTH_SECRET_FILE when it exists (`npm start` creates it). Unset with no AUTH_JWKS_URL:
   * every write answers UNAUTHENTICATED.
   */
  authSecret: z.string().min(32, "must be at least 32 characters").optional(),
  /** `AUTH_SECRET_FILE`: where `npm start` keeps a generated AUTH_SECRET. Default `.auth-secret` in the repository (git-ignored). */
  authSecretFile: z.string().min(1),
  /** `AUTH_JWKS_URL`: an identity provider's JSON Web Key Set (https, or http on loopback); tokens signed by its keys are accepted. Default none. */
  authJwksUrl: z
    .string()
    .url()
    .refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(u), "must be https (or http on loopback)")
    .optional(),
  /** `AUTH_ISSUER`: the `iss` every token must carry. Default `actorgraph` (what `actorgraph token` signs). */
  authIssuer: z.string().min(1).default("actorgraph"),
  /** `AUTH_AUDIENCE`: the `aud` every token must carry. Default `actorgraph`. */
  authAudience: z.string().min(1).default("actorgraph"),
  /** `AUTH_ROLES_CLAIM`: the token claim holding the caller's roles (a list, or one string). Default `roles`. */
  authRolesClaim: z.string().min(1).default("roles"),
  /** `READS_REQUIRE_AUTH`: queries need a token with the reader role (or higher). Default false: reads are open. */
  readsRequireAuth: bool.default("false"),
  /** `AUTO_START_DB`: `npm start` starts the local Neo4j when NEO4J_URI is unset and nothing answers. Default true. */
  autoStartDb: bool.default("true"),
  /**
   * `EXPORT_SLOTS`: exports of any scope that run at once on this server (src/export/http.ts);
   * one more answers 503 SERVER_BUSY with `Retry-After`. At most 2 of them whole-graph
   * (LIMITS.exportConcurrentCap). Default 4: each bounded export holds up to a 2 000-node
   * subgraph in memory, and 16 at once took the API from 0.39 to 1.16 GB (issue 21).
   */
  exportSlots: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * `EXPORT_IDLE_TIMEOUT_MS`: an export whose client reads nothing for this long, in
   * **milliseconds**, is aborted and its slot freed, so stalled readers cannot hold every slot
   * (issue 21: two idle readers blocked all whole-graph exports indefinitely). Default 30000.
   */
  exportIdleTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /**
   * `RATE_LIMIT_MAX`: requests one client may send to `/graphql`, `/export/…` and `/import/…`
   * per window (express-rate-limit); one more answers 429 RATE_LIMITED with `Retry-After`.
   * 0 turns rate limiting off. Default 1200 (20 a second on average; a client once took 735
   * searches a second).
   */
  rateLimitMax: z.coerce.number().int().min(0).max(10_000_000).default(1200),
  /** `RATE_LIMIT_WINDOW_MS`: the rate limit's window, in **milliseconds**. Default 60000. */
  rateLimitWindowMs: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /**
   * `RATE_LIMIT_LOOPBACK`: whether clients on this machine (127.0.0.0/8, ::1) are rate limited
   * too. Default false: the CLI, notebooks and tests on the same host are not throttled.
   */
  rateLimitLoopback: bool.default("false"),
  /**
   * `SHUTDOWN_TIMEOUT_MS`: on SIGTERM or SIGINT the server stops accepting connections and gives
   * in-flight requests this long, in **milliseconds**, to finish before it closes the rest and
   * the Neo4j driver and exits 0. Default 10000.
   */
  shutdownTimeoutMs: z.coerce.number().int().min(0).max(600_000).default(10_000),
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
  const secretFile = authSecretFile(env);
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
    routePathSplit: env.ROUTE_PATH_SPLIT,
    routeCacheAnswers: env.ROUTE_CACHE_ANSWERS,
    routeCacheTtlMs: env.ROUTE_CACHE_TTL_MS,
    maxQueryComplexity: env.MAX_QUERY_COMPLEXITY,
    corsOrigins: env.CORS_ORIGINS,
    allowedHosts: env.ALLOWED_HOSTS,
    logLevel: env.LOG_LEVEL,
    nodeEnv: env.NODE_ENV,
    autoStartDb: env.AUTO_START_DB,
    authSecret: env.AUTH_SECRET || readSecretFile(secretFile),
    authSecretFile: secretFile,
    authJwksUrl: env.AUTH_JWKS_URL || undefined,
    authIssuer: env.AUTH_ISSUER || undefined,
    authAudience: env.AUTH_AUDIENCE || undefined,
    authRolesClaim: env.AUTH_ROLES_CLAIM || undefined,
    readsRequireAuth: env.READS_REQUIRE_AUTH || undefined,
    exportSlots: env.EXPORT_SLOTS,
    exportIdleTimeoutMs: env.EXPORT_IDLE_TIMEOUT_MS,
    rateLimitMax: env.RATE_LIMIT_MAX,
    rateLimitWindowMs: env.RATE_LIMIT_WINDOW_MS,
    rateLimitLoopback: env.RATE_LIMIT_LOOPBACK,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  });
  if (env.IMPORT_TOKEN) {
    throw new Error(
      "Invalid configuration: IMPORT_TOKEN is no longer read: POST /import/<format> takes an editor token like every write. " +
        "Unset IMPORT_TOKEN and send `Authorization: Bearer $(npx actorgraph token --subject <you> --role editor)`.",
    );
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(
      `Invalid configuration: ${problems}. ` + (password === undefined ? "Set NEO4J_PASSWORD or run `npm run db:start` to create .neo4j/password. " : ""),
    );
  }
  return Object.freeze(parsed.data);
}

/** Where the generated AUTH_SECRET lives: `AUTH_SECRET_FILE`, default `.auth-secret` in the repository (git-ignored). */
export function authSecretFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUTH_SECRET_FILE ? resolve(env.AUTH_SECRET_FILE) : join(PROJECT_ROOT, ".auth-secret");
}

function readSecretFile(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}

function readPassword(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}
