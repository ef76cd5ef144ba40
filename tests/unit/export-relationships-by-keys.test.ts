import { describe, expect, it } from "vitest";
import { query } from "../../src/db/queries.js";
import { RELATIONSHIP_TYPE_NAMES } from "../../src/model/vocabulary.js";

describe("cypher/queries/relationships-by-keys.cypher", () => {
  const text = query("relationships-by-keys");

  it("looks keys up with one branch per allow-listed relationship type, and no other type", () => {
    const branches = [...text.matchAll(/UNWIND \$keys\.([A-Z_]+) AS id\s+MATCH \(a:Entity\)-\[r:([A-Z_]+) \{id: id\}\]->\(b:Entity\)/g)];
    for (const [, param, type] of branches) expect(param).toBe(type);
    expect(branches.map(([, , type]) => type).sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
    const typesNamed = [...text.matchAll(/\[r:([A-Z_]+)/g)].map(([, t]) => t);
    expect(typesNamed).toHaveLength(RELATIONSHIP_TYPE_NAMES.length);
  });

  it("keeps only relationships whose two ends are listed", () => {
    expect(text).toMatch(/WHERE a\.id IN \$ids AND b\.id IN \$ids/);
  });
});
