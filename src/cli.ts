#!/usr/bin/env node
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import type { Logger } from "pino";
import { createApp, type App } from "./app.js";
import { registerTokenCommand } from "./auth/cli-token.js";
import { ensureSecretFile } from "./auth/secret-file.js";
import { authSecretFile, loadConfig, localNeo4j } from "./config.js";
import { DatabaseUnavailableError } from "./errors.js";
import { registerExportCommand } from "./export/cli-export.js";
import { registerGenerateCommand } from "./generate/cli-generate.js";
import { buildActorgraphSchema, printActorgraphSchema } from "./graphql/schema.js";
import { registerImportCommand } from "./import/cli-import.js";
import { registerResolveCommand } from "./resolution/cli-resolve.js";
import { startLocalNeo4j } from "./local-neo4j.js";
import { createLogger } from "./logging.js";
import { PROJECT_ROOT } from "./paths.js";
import { renderSeedCypher, SEED_FILE } from "./seed/seed-file.js";
import { startServer } from "./server.js";

const SCHEMA_FILE = join(PROJECT_ROOT, "schema.graphql");

// A local .env (never committed; see .env.example) fills variables the environment leaves unset.
if (existsSync(join(PROJECT_ROOT, ".env"))) process.loadEnvFile(join(PROJECT_ROOT, ".env"));

const EXAMPLE_QUERY = `curl -s http://HOST/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ routes(from: \\"dji\\", to: \\"russian-front-lines\\") { exhausted reason routes { rank confidence summary hops { relationship { type status evidence { quote } } } } } }"}'`;

const program = new Command()
  .name("actorgraph")
  .description("A knowledge graph of actors and relationships for investigators: ranked routes with evidence, over Neo4j.");
// A usage error (an unknown option, a missing argument) exits 2, as the import command documents;
// commander prints its message and would exit 1. Before the commands, which inherit it.
program.exitOverride();

program
  .command("start")
  .description("Start the local Neo4j if needed, load the seed graph into an empty database, and serve the GraphQL API.")
  .action(async () => {
    if (!process.env.NEO4J_URI && process.env.AUTO_START_DB !== "false") await startLocalNeo4j();
    const created = ensureSecretFile(process.env, authSecretFile());
    const app = createApp(loadConfig());
    if (created) process.stdout.write(`Generated a token secret (AUTH_SECRET) in ${authSecretFile()} (git-ignored).\n`);
    const logger = createLogger(app.config.logLevel);
    await prepareDatabase(app, logger);
    await serve(app, logger);
  });

program
  .command("serve")
  .description("Serve the GraphQL API against NEO4J_URI without starting or seeding a database.")
  .action(async () => {
    const app = createApp(loadConfig());
    await serve(app, createLogger(app.config.logLevel));
  });

program
  .command("seed")
  .description("Apply cypher/schema.cypher and cypher/seed.cypher (idempotent) and print the graph's counts.")
  .action(async () => {
    const app = createApp(loadConfig());
    try {
      await app.admin.applySchema();
      await app.admin.applySeed();
      process.stdout.write(`${JSON.stringify(await app.admin.counts())}\n`);
    } finally {
      await app.close();
    }
  });

program
  .command("schema:emit")
  .description("Write schema.graphql from the code.")
  .action(async () => writeFileSync(SCHEMA_FILE, printActorgraphSchema(await buildActorgraphSchema())));

program
  .command("schema:check")
  .description("Exit 1 when schema.graphql is stale.")
  .action(async () => checkFile(SCHEMA_FILE, printActorgraphSchema(await buildActorgraphSchema()), "npm run schema:emit"));

program
  .command("seed:emit")
  .description("Write cypher/seed.cypher from src/seed/article-graph.ts and the article text.")
  .action(() => writeFileSync(SEED_FILE, renderSeedCypher()));

program
  .command("seed:check")
  .description("Exit 1 when cypher/seed.cypher is stale.")
  .action(() => checkFile(SEED_FILE, renderSeedCypher(), "npm run seed:emit"));

registerExportCommand(program);
registerGenerateCommand(program);
registerImportCommand(program);
registerResolveCommand(program);
registerTokenCommand(program);

async function prepareDatabase(app: App, logger: Logger): Promise<void> {
  await app.admin.applySchema();
  const before = await app.admin.counts();
  if (before.nodes === 0) {
    await app.admin.applySeed();
    logger.info({ ...(await app.admin.counts()) }, "loaded the seed graph into an empty database");
  } else {
    logger.info(before, "database already holds data; seed not applied");
  }
}

async function serve(app: App, logger: Logger): Promise<void> {
  const server = await startServer(app, logger);
  // Drain (SHUTDOWN_TIMEOUT_MS): stop accepting, let in-flight requests finish, close the driver, exit 0.
  // Registered before the ready line: a supervisor may signal as soon as it reads it.
  const shutdown = async (signal: string) => {
    logger.info({ signal, timeoutMs: app.config.shutdownTimeoutMs }, "draining in-flight requests before exit");
    await server.stop();
    await app.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  // Have Neo4j plan the route queries now (seconds on a busy machine), so the first search does not
  // wait for it; requests that arrive meanwhile wait for the same warm-up. Neo4j down: logged, retried by the first search.
  const warmStart = Date.now();
  try {
    await app.services.routes.ready();
    logger.info({ ms: Date.now() - warmStart }, "route queries planned");
  } catch (err) {
    logger.warn({ err }, "could not plan the route queries yet; the first route search will");
  }
  process.stdout.write(
    `\nactorgraph API ready at ${server.url}/graphql (health: ${server.url}/health)\n` +
      `Route explorer: ${server.url}/explorer · GraphiQL: ${server.url}/graphiql\n` +
      `Try the routes from DJI to the Russian front:\n\n${EXAMPLE_QUERY.replace("HOST", `${app.config.host}:${server.port}`)}\n\n` +
      (app.services.auth.enabled
        ? "Writes (addSource, addClaim, …) need an editor token; print one with:\n\n  npx actorgraph token --subject <your-name> --role editor\n\n" +
          "and send it as `Authorization: Bearer <token>` (or paste it in the explorer's Settings).\n\n"
        : "Writes are off: this server verifies no tokens (set AUTH_SECRET or AUTH_JWKS_URL; `npm start` generates a secret).\n\n"),
  );
}

function checkFile(path: string, expected: string, fix: string): void {
  if (readFileSync(path, "utf8") !== expected) {
    process.stderr.write(`${path} is stale; run \`${fix}\`.\n`);
    process.exitCode = 1;
  }
}

/** Whether `err` is a write to a pipe whose reader has gone (`npx actorgraph export … | head`). */
function isBrokenPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === "EPIPE";
}

// A reader that stops early (`| head`) is not a failure: exit 0 quietly, as cat and grep do.
process.stdout.on("error", (err) => {
  if (isBrokenPipe(err)) process.exit(0);
  throw err;
});

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (isBrokenPipe(err)) process.exit(0);
  const where =
    err instanceof DatabaseUnavailableError
      ? ` (Neo4j at ${process.env.NEO4J_URI || localNeo4j().uri} as ${process.env.NEO4J_USER || "neo4j"}: check NEO4J_URI and NEO4J_PASSWORD, or NEO4J_BOLT_PORT and NEO4J_STATE_DIR for the local one)`
      : "";
  process.stderr.write(`actorgraph: ${err instanceof Error ? err.message : String(err)}${where}\n`);
  process.exit(1);
});
