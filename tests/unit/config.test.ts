import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../dist/src/config.js";

describe("loadConfig", () => {
  it("points at the local Neo4j of NEO4J_BOLT_PORT and NEO4J_STATE_DIR when NEO4J_URI is unset", () => {
    const state = mkdtempSync(join(tmpdir(), "actorgraph-state-"));
    writeFileSync(join(state, "password"), "local-secret\n");
    const config = loadConfig({ NEO4J_BOLT_PORT: "7730", NEO4J_STATE_DIR: state });
    expect(config.neo4jUri).toBe("neo4j://127.0.0.1:7730");
    expect(config.neo4jPassword).toBe("local-secret");
  });

  it("prefers NEO4J_URI and NEO4J_PASSWORD over the local Neo4j", () => {
    const config = loadConfig({ NEO4J_URI: "bolt://db.example:7999", NEO4J_PASSWORD: "given", NEO4J_BOLT_PORT: "7730" });
    expect(config.neo4jUri).toBe("bolt://db.example:7999");
    expect(config.neo4jPassword).toBe("given");
  });

  it("names every invalid variable and how to get a password", () => {
    const state = mkdtempSync(join(tmpdir(), "actorgraph-empty-"));
    expect(() => loadConfig({ NEO4J_STATE_DIR: state, PORT: "70000" })).toThrow(/port: .*; neo4jPassword: .*Set NEO4J_PASSWORD or run `npm run db:start`/);
  });
});
