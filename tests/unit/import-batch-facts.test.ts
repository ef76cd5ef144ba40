import { describe, expect, it } from "vitest";
import { groupRelationships, MAX_EVIDENCE_PER_RELATIONSHIP, uniqueCountries, withoutRepeats } from "../../src/import/batch-facts.js";
import { prepareFacts, withQuoteIndexes } from "../../src/import/batch-prepare.js";
import type { RelationshipFact } from "../../src/import/types.js";

const rel = (over: Partial<RelationshipFact> & { quote: string }): RelationshipFact => ({
  id: "p>BASED_IN>country-ru", type: "BASED_IN", start: "p", end: "country-ru", status: "REPORTED", confidence: 0.7,
  validFrom: null, validTo: null, props: {}, evidence: { quote: over.quote, start: 1, end: 1, sourceId: "s" }, ...over,
});

describe("groupRelationships", () => {
  it("folds one relationship's facts into one, evidence in record order without repeats", () => {
    const out = groupRelationships([rel({ quote: "a", props: { x: 1, y: 2 } }), rel({ quote: "b", props: { y: null }, status: "CONFIRMED" }), rel({ quote: "a" })]);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence.map((e) => e.quote)).toEqual(["a", "b"]);
    expect(out[0]!.props).toEqual({ x: 1, y: null });
    expect(out[0]!.status).toBe("REPORTED");
  });

  it("lists every record as a statement but keeps only the first evidence, plus the first of each further source", () => {
    const many = Array.from({ length: MAX_EVIDENCE_PER_RELATIONSHIP + 5 }, (_, i) =>
      rel({ quote: `q${i}`, statedOn: `2023-01-${String(i + 1).padStart(2, "0")}`, evidence: { quote: `q${i}`, start: i + 2, end: i + 2, sourceId: i === 22 ? "other" : "s" } }),
    );
    const [g] = groupRelationships(many);
    expect(g!.statements).toHaveLength(MAX_EVIDENCE_PER_RELATIONSHIP + 5);
    expect(g!.statements[0]).toEqual({ line: 2, date: "2023-01-01" });
    expect(g!.evidence.map((e) => e.quote)).toEqual([...Array.from({ length: MAX_EVIDENCE_PER_RELATIONSHIP }, (_, i) => `q${i}`), "q22"]);
    expect(g!.aggregate).toBe(false);
  });

  it("carries a customs aggregate's values per statement", () => {
    const shipment = { recordId: "R1", amount: 10, currency: "USD", quantity: 2, via: ["KZ"] };
    const [g] = groupRelationships([rel({ quote: "a", type: "SUPPLIED", statedOn: "2023-02-01", shipment, idPrefix: "customs-agg-8806" })]);
    expect(g).toMatchObject({ aggregate: true, statements: [{ line: 1, date: "2023-02-01", ...shipment }] });
    expect(g).not.toHaveProperty("idPrefix");
  });

  it("keeps relationships with the same id but other endpoints apart", () => {
    expect(groupRelationships([rel({ quote: "a" }), rel({ quote: "a", start: "q" })])).toHaveLength(2);
  });
});

describe("withoutRepeats", () => {
  it("drops a fact equal to the last one kept for its id, and keeps it after a different one", () => {
    const a = { id: "p", name: "A" };
    const b = { id: "p", name: "B" };
    expect(withoutRepeats([a, a, b, a, { id: "q", name: "A" }])).toEqual([a, b, a, { id: "q", name: "A" }]);
  });
});

describe("uniqueCountries", () => {
  it("keeps the first fact per id", () => {
    const ru = { id: "country-ru", code: "RU", name: "Russia" };
    expect(uniqueCountries([ru, { ...ru, name: "x" }])).toEqual([ru]);
  });
});

describe("withQuoteIndexes", () => {
  it("sends each quote once per run and refers to it by index", () => {
    const grouped = groupRelationships([rel({ quote: "a" }), rel({ quote: "b", id: "x", start: "x" }), rel({ quote: "a", id: "y", start: "y" })]);
    const { relationships, texts } = withQuoteIndexes(grouped);
    expect(texts).toEqual(["a", "b"]);
    const quotes = (relationships as { evidence: { quote: number }[] }[]).map((r) => r.evidence.map((e) => texts[e.quote]));
    expect(quotes).toEqual(grouped.map((g) => g.evidence.map((e) => e.quote)));
  });
});

describe("prepareFacts", () => {
  it("lists the endpoints the batch does not MERGE itself, and every id it provides", () => {
    const ru = { id: "country-ru", code: "RU", name: "Russia" };
    const entity = { id: "p", name: "P", kind: "Company", aliases: [], topics: [], ftmSchema: null, props: {}, matchName: { name: "P", country: "RU" } } as const;
    const facts = { entities: [entity], countries: [ru], relationships: [rel({ quote: "a" }), rel({ quote: "b", id: "f", type: "SUPPLIED", start: "p", end: "other" })], publications: [], requiredIds: [] };
    const p = prepareFacts([{ line: 2, facts }, { line: 3, facts }]);
    expect(p.otherEndpoints).toEqual(["other"]);
    expect(p.provided).toEqual(["country-ru", "p", "other"]);
    expect(p.entities).toEqual([{ id: "p", name: "P", kind: "Company", aliases: [], topics: [], ftmSchema: null, props: {} }]);
    expect(p.countries).toEqual([ru]);
    expect(p.runs).toHaveLength(1);
    expect(p.runs[0]!.relationships).toHaveLength(2);
    expect(p.stated).toBe(8);
  });
});
