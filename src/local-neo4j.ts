import { spawn } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "./paths.js";

/**
 * Runs `scripts/neo4j-local.sh start`, which resolves Neo4j 5.26 from Maven Central into
 * `.neo4j/`, starts it on 127.0.0.1:7687 and returns once Bolt answers a query (or reuses a
 * running one). Output goes to this process's stderr.
 * @throws Error with the script's exit code when it fails (missing Java or Maven, busy port).
 */
export async function startLocalNeo4j(): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("bash", [join(PROJECT_ROOT, "scripts", "neo4j-local.sh"), "start"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`scripts/neo4j-local.sh start failed with exit code ${code}; see the messages above.`);
}
