import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

/** Connection details handed to every integration test through `inject("neo4j")`. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How the database was obtained: env, testcontainers or local-script. */
  via: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Finds a real Neo4j 5.26 for the integration tests, in this order:
 * 1. NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) when set;
 * 2. testcontainers (`neo4j:5.26-community`) when a Docker engine answers;
 * 3. the local server script (`scripts/neo4j-local.sh start`), resolved from Maven Central.
 * Then applies cypher/schema.cypher and cypher/seed.cypher. Never mocks the database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let teardown = async () => {};
  let target: Neo4jTarget;
  if (process.env.NEO4J_URI) {
    target = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
      via: "env",
    };
  } else if (dockerAnswers()) {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer("neo4j:5.26-community").withPassword("actorgraph-test").start();
    target = { uri: container.getBoltUri(), user: "neo4j", password: "actorgraph-test", database: "neo4j", via: "testcontainers" };
    teardown = async () => void (await container.stop());
  } else {
    execFileSync("bash", [join(ROOT, "scripts", "neo4j-local.sh"), "start"], { stdio: "inherit", cwd: ROOT });
    target = {
      // The same NEO4J_BOLT_PORT / NEO4J_STATE_DIR the script just used (defaults 7687, .neo4j).
      uri: `neo4j://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? "7687"}`,
      user: "neo4j",
      password: readFileSync(join(resolve(ROOT, process.env.NEO4J_STATE_DIR ?? ".neo4j"), "password"), "utf8").trim(),
      database: "neo4j",
      via: "local-script",
    };
  }
  const { loadConfig } = await import("../../dist/src/config.js");
  const { createApp } = await import("../../dist/src/app.js");
  const app = createApp(loadConfig({ NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database }));
  try {
    await app.admin.applySchema();
    await app.admin.applySeed();
  } finally {
    await app.close();
  }
  project.provide("neo4j", target);
  return teardown;
}

function dockerAnswers(): boolean {
  if (!process.env.DOCKER_HOST && !existsSync("/var/run/docker.sock")) return false;
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
