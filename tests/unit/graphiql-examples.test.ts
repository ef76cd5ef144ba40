import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { exampleTabs } from "../../src/web/graphiql/example-tabs.js";
import { operationNameFor } from "../../src/web/graphiql/fetcher.js";

const EXAMPLES = readFileSync(join(import.meta.dirname, "..", "..", "examples.graphql"), "utf8");
const operationNames = (query: string) => parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));

describe("exampleTabs", () => {
  it("makes one self-contained tab per operation of examples.graphql, in file order", () => {
    const tabs = exampleTabs(EXAMPLES);
    expect(tabs.map((t) => t.name)).toEqual(operationNames(EXAMPLES));
    for (const tab of tabs) expect(operationNames(tab.query)).toEqual([tab.name]);
  });

  it("keeps the comment block right above each operation, not the file's header", () => {
    const [first, second] = exampleTabs(EXAMPLES);
    expect(first!.query).toMatch(/^# Find an entity's id by name or alias/);
    expect(first!.query).not.toContain("Example operations against the seed graph");
    expect(second!.query).toMatch(/^# One entity and its relationships/);
  });

  it("summarises each example by the first sentence of its comment, for the Examples menu", () => {
    const tabs = exampleTabs(EXAMPLES);
    expect(tabs[0]!.summary).toBe("Find an entity's id by name or alias (case-insensitive, matched literally).");
    expect(tabs.find((t) => t.name === "RoutesFromDJIToTheFront")!.summary).toBe("How do DJI's drones reach the Russian front?");
    for (const tab of tabs) expect(tab.summary.length).toBeGreaterThan(10);
    expect(exampleTabs('query A { search(text: "DJI") { id } }')[0]!.summary).toBe("");
  });

  it("appends the fragments an operation spreads, directly or through another fragment, and no others", () => {
    const source = [
      "fragment Names on Entity { id name }",
      "fragment WithRels on Entity { ...Names relationships { type } }",
      "# Uses both fragments",
      'query A { entity(id: "dji") { ...WithRels } }',
      'query B { search(text: "DJI") { id } }',
    ].join("\n\n");
    const [a, b] = exampleTabs(source);
    expect(a!.query).toBe(
      '# Uses both fragments\nquery A { entity(id: "dji") { ...WithRels } }\n\n' +
        "fragment WithRels on Entity { ...Names relationships { type } }\n\nfragment Names on Entity { id name }\n",
    );
    expect(b!.query).toBe('query B { search(text: "DJI") { id } }\n');
  });

  it("rejects an unnamed operation, which would give GraphiQL an untitled tab", () => {
    expect(() => exampleTabs('{ search(text: "DJI") { id } }')).toThrow(/needs a name/);
  });
});

describe("operationNameFor", () => {
  it("keeps GraphiQL's selection when the document has that operation", () => {
    expect(operationNameFor("query A { a } query B { b }", "B")).toBe("B");
  });

  it("replaces a stale selection (the previous tab's) with the document's only operation", () => {
    expect(operationNameFor("query Routes { a }", "Search")).toBe("Routes");
    expect(operationNameFor("query Routes { a }", null)).toBe("Routes");
  });

  it("leaves a stale selection alone when the document has several operations, or does not parse", () => {
    expect(operationNameFor("query A { a } query B { b }", "C")).toBe("C");
    expect(operationNameFor("query A { a } query B { b }", undefined)).toBeUndefined();
    expect(operationNameFor("query A {", "B")).toBe("B");
  });
});
