import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";

/** The built CLI, `dist/src/cli.js`. */
export const CLI = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");

/**
 * Environment for a CLI process against the injected test database (port 0, info logs), plus
 * `extra`. NODE_ENV is production, as in a real deployment: vitest's NODE_ENV=test changes
 * Apollo's defaults (it installs no signal handlers then).
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const neo = inject("neo4j");
  return {
    ...process.env,
    NODE_ENV: "production",
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    NEO4J_DATABASE: neo.database,
    LOG_LEVEL: "info",
    AUTO_START_DB: "false",
    PORT: "0",
    ROUTE_BUDGET_MS: "15000",
    QUERY_TIMEOUT_MS: "30000",
    ...extra,
  };
}

/** A running `actorgraph serve` process. */
export interface ServeProcess {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Everything it wrote so far, stdout and stderr. */
  readonly output: () => string;
  /** SIGTERM, then waits for the exit. */
  readonly stop: () => Promise<number | null>;
}

/** Starts `actorgraph serve` as a real process and resolves once it prints that it is ready. */
export function serveProcess(extra: Record<string, string> = {}): Promise<ServeProcess> {
  const proc = spawn("node", [CLI, "serve"], { env: cliEnv(extra), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    proc.stderr.on("data", (d: Buffer) => (out += d.toString()));
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /API ready at (http:\/\/127\.0\.0\.1:(\d+))\//.exec(out);
      if (m) {
        resolve({
          proc,
          port: Number(m[2]),
          url: m[1]!,
          exited,
          output: () => out,
          stop: async () => {
            if (proc.exitCode === null) proc.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}
