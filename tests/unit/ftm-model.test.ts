import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UNIONED_KEYS } from "../../src/import/batch-facts.js";
import { compatibleSchemata, countryName, extendsSchema, findSchema, FTM_VERSION, isTopic } from "../../src/import/ftm-model.js";
import { query } from "../../src/db/queries.js";

describe("src/import/ftm-model.json", () => {
  it("comes from the followthemoney version scripts/ftm-requirements.txt pins (the Python test regenerates it and compares)", () => {
    const pin = /^followthemoney==(\S+)$/m.exec(readFileSync(new URL("../../scripts/ftm-requirements.txt", import.meta.url), "utf8"));
    expect(pin?.[1]).toBe(FTM_VERSION);
    expect(FTM_VERSION).toMatch(/^4\./);
  });

  it("resolves FtM 4's inheritance: a Company is an Asset, Passport inherits Identification's holder, abbreviation is a name", () => {
    const company = findSchema("Company")!;
    expect(company.isA("Asset") && company.isA("LegalEntity") && company.isA("Thing")).toBe(true);
    expect(company.getProperty("abbreviation")).toMatchObject({ type: "name" });
    expect(company.getProperty("innCode")).toMatchObject({ type: "identifier" });
    expect(findSchema("Passport")!.getProperty("holder")).toMatchObject({ type: "entity", range: "LegalEntity" });
    expect(findSchema("Person")!.getProperty("ownershipOwner")).toMatchObject({ stub: true });
    expect(findSchema("Payment")!.edge).toEqual({ source: "payer", target: "beneficiary" });
    expect(findSchema("Spaceship")).toBeUndefined();
    expect(compatibleSchemata("LegalEntity", "Company") && extendsSchema("Company", "LegalEntity") && !compatibleSchemata("Person", "Company")).toBe(true);
    expect([countryName("ru"), countryName("xx"), isTopic("sanction"), isTopic("made.up")]).toEqual(["Russia", undefined, true, false]);
  });

  it("unions the same list properties in the merge queries as in foldEntities", () => {
    const literal = `IN [${UNIONED_KEYS.map((k) => `'${k}'`).join(", ")}]`;
    expect(query("import-merge-entities")).toContain(literal);
    expect(query("import-merge-entities-packed")).toContain(literal);
  });
});
