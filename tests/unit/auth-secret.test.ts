import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureSecretFile } from "../../src/auth/secret-file.js";
import { loadConfig } from "../../src/config.js";

describe("ensureSecretFile (npm start without AUTH_SECRET)", () => {
  const dir = mkdtempSync(join(tmpdir(), "actorgraph-secret-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a 32-byte random secret, readable by its owner only, that loadConfig then uses", () => {
    const file = join(dir, "secret");
    expect(ensureSecretFile({}, file)).toBe(true);
    const secret = readFileSync(file, "utf8").trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(ensureSecretFile({}, file)).toBe(false);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
    const config = loadConfig({ NEO4J_PASSWORD: "x", AUTH_SECRET_FILE: file });
    expect(config.authSecret).toBe(secret);
  });

  it("writes nothing when a secret or a JWKS is configured", () => {
    expect(ensureSecretFile({ AUTH_SECRET: "x".repeat(32) }, join(dir, "a"))).toBe(false);
    expect(ensureSecretFile({ AUTH_JWKS_URL: "https://idp.example/jwks" }, join(dir, "b"))).toBe(false);
    expect(existsSync(join(dir, "a")) || existsSync(join(dir, "b"))).toBe(false);
  });

  it("refuses a short AUTH_SECRET and the retired IMPORT_TOKEN with a message", () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: "x", AUTH_SECRET: "short" })).toThrow(/authSecret: must be at least 32 characters/);
    expect(() => loadConfig({ NEO4J_PASSWORD: "x", AUTH_SECRET: "x".repeat(32), IMPORT_TOKEN: "y".repeat(20) })).toThrow(/IMPORT_TOKEN is no longer read/);
  });
});
