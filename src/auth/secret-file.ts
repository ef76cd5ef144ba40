import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";

/**
 * Makes sure the server has a token secret on a laptop: when neither AUTH_SECRET nor
 * AUTH_JWKS_URL is set and `file` does not exist, writes 32 random bytes (base64url, 43
 * characters) to `file` with mode 0600. `npm start` calls it; loadConfig then reads the file as
 * AUTH_SECRET. Never weakens a configured secret, and never runs without one.
 * @returns true when it created the file.
 */
export function ensureSecretFile(env: NodeJS.ProcessEnv, file: string): boolean {
  if (env.AUTH_SECRET || env.AUTH_JWKS_URL || existsSync(file)) return false;
  writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  return true;
}
