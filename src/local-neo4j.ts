import { spawn } from "node:child_process";
import { join } from "node:path";
import { localNeo4j } from "./config.js";
import { PROJECT_ROOT } from "./paths.js";

/**
 * Runs `scripts/neo4j-local.sh start`, which resolves Neo4j 5.26 from Maven Central into
 * `$NEO4J_STATE_DIR` (`.neo4j/`), starts it on 127.0.0.1:$NEO4J_BOLT_PORT (7687) and returns once Bolt answers a query (or reuses a
 * running one). Output goes to this process's stderr.
 * @throws Error with the script's exit code when it fails (missing Java or Maven, busy port).
 */
export async function startLocalNeo4j(): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "start"], {
      cwd: PROJECT_ROOT,
      // The script runs from the repository; a relative NEO4J_STATE_DIR means the caller's folder, as in src/config.ts.
      env: { ...process.env, ...(process.env.NEO4J_STATE_DIR ? { NEO4J_STATE_DIR: localNeo4j().stateDir } : {}) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`scripts/neo4j-local.sh start failed with exit code ${code}; see the messages above.`);
}
