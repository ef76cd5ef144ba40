import { describe, expect, it } from "vitest";
import { assessClaim, countOrigins, originName } from "../../src/claims/corroboration.js";
import { findHedges, hedgeWarnings } from "../../src/claims/hedges.js";
import { closestPassage, locateQuote } from "../../src/claims/quotes.js";
import { query } from "../../src/db/queries.js";
import { RELATIONSHIP_TYPE_NAMES } from "../../src/model/vocabulary.js";

const source = (id: string, publisher: string | null, cites: string[] = []) => ({ id, publisher, cites });
const sources = (...list: ReturnType<typeof source>[]) => new Map(list.map((s) => [s.id, s]));
const support = (...ids: string[]) => ids.map((sourceId) => ({ sourceId, role: "CORROBORATING" as const }));

describe("the corroboration rule", () => {
  const nyt = source("nyt", "The New York Times");
  const insider = source("insider", "The Insider", ["The New York Times", "official Russian customs data"]);
  const insider2 = source("insider-2", "the insider");
  const wire = source("wire", "Almaty Customs Watch");

  it("counts the same publisher twice, and an outlet relaying another, as one origin", () => {
    expect(originName("The New York Times")).toBe("new york times");
    expect(countOrigins([insider, insider2])).toBe(1);
    expect(countOrigins([insider, nyt])).toBe(1);
    expect(countOrigins([insider, nyt, wire])).toBe(2);
    expect(countOrigins([source("a", null), source("b", null)])).toBe(2);
  });

  it("closes half the gap to the next status per independent origin, never reaching it", () => {
    const all = sources(nyt, insider, insider2, wire);
    const reported = (ids: string[]) => assessClaim({ assertedStatus: "REPORTED", baseConfidence: null, evidence: support(...ids), sources: all }).confidence;
    expect(reported(["insider"])).toBe(0.8);
    expect(reported(["insider", "insider-2", "nyt"])).toBe(0.8);
    expect(reported(["insider", "wire"])).toBe(0.9);
    const possible = (ids: string[]) => assessClaim({ assertedStatus: "POSSIBLE", baseConfidence: null, evidence: support(...ids), sources: all }).confidence;
    expect(possible(["insider", "wire"])).toBe(0.45);
    const many = sources(...Array.from({ length: 30 }, (_, i) => source(`s${i}`, `Outlet ${i}`)));
    const hedged = assessClaim({ assertedStatus: "LIKELY", baseConfidence: null, evidence: support(...many.keys()), sources: many });
    expect(hedged.confidence).toBeLessThan(0.8);
    expect(hedged.corroboratingOrigins).toBe(30);
  });

  it("demotes the status one step per independent disputing origin", () => {
    const all = sources(insider, wire, nyt);
    const evidence = [...support("insider"), { sourceId: "wire", role: "DISPUTING" as const }];
    expect(assessClaim({ assertedStatus: "REPORTED", baseConfidence: 0.85, evidence, sources: all })).toMatchObject({
      status: "LIKELY",
      confidence: 0.6,
      disputingOrigins: 1,
    });
    const twice = [...evidence, { sourceId: "nyt", role: "DISPUTING" as const }];
    expect(assessClaim({ assertedStatus: "POSSIBLE", baseConfidence: null, evidence: twice, sources: all }).status).toBe("UNCONFIRMED");
  });
});

describe("hedge warnings", () => {
  it("finds the source's hedging words, whole words only", () => {
    expect(findHedges("there is a possibility that it is likely").map((h) => h.implies)).toEqual(["POSSIBLE", "LIKELY"]);
    expect(findHedges("an unlikely story, mayor says")).toEqual([]);
  });

  it("warns only when the status is more certain than the quote", () => {
    expect(hedgeWarnings("REPORTED", ["it is difficult to confirm information about it"])[0]).toMatch(/suggests UNCONFIRMED/);
    expect(hedgeWarnings("POSSIBLE", ["there is a possibility that they sell"])).toEqual([]);
    expect(hedgeWarnings("UNCONFIRMED", ["official sales are likely only part"])).toEqual([]);
  });
});

describe("locateQuote", () => {
  const text = "Alpha shipped drones. Beta shipped parts. Alpha shipped drones again.";

  it("computes UTF-16 offsets that slice the text to the quote", () => {
    const emoji = "🚁 Drones crossed the border.";
    const found = locateQuote(emoji, { sourceId: "s", quote: "Drones crossed" });
    expect(emoji.slice(found.start, found.end)).toBe("Drones crossed");
    expect(found.start).toBe(3);
  });

  it("needs occurrence for a repeated quote, and takes it", () => {
    expect(() => locateQuote(text, { sourceId: "s", quote: "Alpha shipped" })).toThrow(/occurs 2 times/);
    expect(locateQuote(text, { sourceId: "s", quote: "Alpha shipped", occurrence: 2 }).start).toBe(42);
    expect(() => locateQuote(text, { sourceId: "s", quote: "Alpha shipped", occurrence: 3 })).toThrow(/from 1 to 2/);
  });

  it("names the closest passage when the quote is not in the text", () => {
    expect(() => locateQuote(text, { sourceId: "s", quote: "Beta shiped parts" })).toThrow(/Closest passage: "Beta shipped parts\./);
    expect(closestPassage(text, "Beta shiped parts")).toMatchObject({ passage: "Beta shipped parts.", start: 22 });
    expect(closestPassage(text, "zzz")).toBeNull();
  });
});

describe("cypher/queries/claim-by-id.cypher", () => {
  it("looks the id up with one branch per allow-listed relationship type", () => {
    const branches = [...query("claim-by-id").matchAll(/MATCH \(a:Entity\)-\[r:([A-Z_]+) \{id: \$id\}\]->\(b:Entity\)/g)].map((m) => m[1]);
    expect(branches.sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
  });
});
