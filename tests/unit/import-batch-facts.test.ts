import { describe, expect, it } from "vitest";
import { groupRelationships, MAX_EVIDENCE_PER_RELATIONSHIP, uniqueCountries, withoutRepeats } from "../../src/import/batch-facts.js";
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
