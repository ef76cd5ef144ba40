import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitCypherStatements } from "../../src/db/cypher-script.js";
import { loadQueries, QUERY_NAMES } from "../../src/db/queries.js";
import { FLOW_RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES } from "../../src/model/vocabulary.js";
import { PROJECT_ROOT } from "../../src/paths.js";

describe("splitCypherStatements", () => {
  it("splits at semicolons outside strings, names and comments", () => {
    const script = `// a; comment\nMATCH (n {name: "a;b"}) RETURN n;\n/* block; */ CREATE (:\`odd;label\` {x: 'it\\'s;'});\n\nRETURN 1`;
    expect(splitCypherStatements(script)).toEqual([`MATCH (n {name: "a;b"}) RETURN n`, "CREATE (:`odd;label` {x: 'it\\'s;'})", "RETURN 1"]);
  });

  it("rejects an unterminated string", () => {
    expect(() => splitCypherStatements(`RETURN "open;`)).toThrow(/Unterminated " literal/);
  });
});

describe("cypher/schema.cypher", () => {
  const statements = splitCypherStatements(readFileSync(new URL("../../cypher/schema.cypher", import.meta.url), "utf8"));

  it("is idempotent: every statement says IF NOT EXISTS (IF EXISTS for a drop)", () => {
    for (const s of statements) expect(s).toMatch(/^DROP .* IF EXISTS$|IF NOT EXISTS/s);
  });

  it("has a confidence index for every flow type (expand-paths-flow reads the strongest claim of each in index order)", () => {
    for (const type of FLOW_RELATIONSHIP_TYPES) {
      expect(statements).toContain(`CREATE RANGE INDEX rel_${type.toLowerCase()}_confidence IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.confidence)`);
    }
    expect(loadQueries()["expand-paths-flow"].match(/ORDER BY c DESC LIMIT 1/g)).toHaveLength(FLOW_RELATIONSHIP_TYPES.length);
  });

  it("has a relationship id constraint for every allow-listed type", () => {
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      expect(statements).toContain(`CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`);
    }
  });
});

describe("cypher/queries", () => {
  it("loads every named query, each parameterised rather than built from strings", () => {
    const queries = loadQueries();
    expect(Object.keys(queries).sort()).toEqual([...QUERY_NAMES].sort());
    for (const text of Object.values(queries)) expect(text).not.toMatch(/\$\{|\+ *"/);
  });

  it("looks up stored relationship ids of every allow-listed type, each by its id index (import-stored-endpoints)", () => {
    const text = loadQueries()["import-stored-endpoints"];
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      expect(text).toContain(`WITH x WHERE x.type = '${type}'\n  MATCH (a)-[r:${type} {id: x.id}]->(b)`);
    }
    expect(text.match(/WITH x WHERE x\.type = /g)).toHaveLength(RELATIONSHIP_TYPE_NAMES.length);
  });

  it("hints index seeks, never a bare USING INDEX, which Neo4j may meet with a scan of the whole index per row", () => {
    const dir = join(PROJECT_ROOT, "cypher", "queries");
    const hints: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".cypher"))) {
      const code = readFileSync(join(dir, file), "utf8")
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"));
      for (const line of code) for (const m of line.matchAll(/USING INDEX(?: SEEK)? \w+:\w+\(\w+\)/g)) hints.push(`${file}: ${m[0]}`);
    }
    expect(hints.length).toBeGreaterThanOrEqual(4);
    expect(hints.filter((h) => !h.includes("USING INDEX SEEK"))).toEqual([]);
  });
});
