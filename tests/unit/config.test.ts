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

  it("reads ALLOWED_HOSTS as trimmed, lower-cased host names, none by default", () => {
    const base = { NEO4J_URI: "bolt://db.example:7999", NEO4J_PASSWORD: "given" };
    expect(loadConfig(base).allowedHosts).toEqual([]);
    expect(loadConfig({ ...base, ALLOWED_HOSTS: " Graph.Example.org, actorgraph.internal,,10.0.0.5 , [FD00::1]" }).allowedHosts).toEqual([
      "graph.example.org",
      "actorgraph.internal",
      "10.0.0.5",
      "[fd00::1]",
    ]);
  });

  it.each(["http://graph.example.org", "graph.example.org:4000", "graph example", "graph.example.org/api", "fd00::1", "*.example.org"])(
    "refuses ALLOWED_HOSTS entry %s, naming the variable",
    (entry) => {
      expect(() => loadConfig({ NEO4J_URI: "bolt://db.example:7999", NEO4J_PASSWORD: "given", ALLOWED_HOSTS: `localhost,${entry}` })).toThrow(
        /allowedHosts\.1: each entry must be a host name/,
      );
    },
  );
});
