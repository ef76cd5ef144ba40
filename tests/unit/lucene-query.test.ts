import { describe, expect, it } from "vitest";
import { toLuceneQuery } from "../../src/services/search.service.js";

describe("toLuceneQuery", () => {
  it("boosts the phrase, then all words as prefixes, then any word as a prefix or a near miss", () => {
    expect(toLuceneQuery("SZ DJI")).toBe(`"SZ DJI"^4 OR (sz* AND dji*)^2 OR sz* OR dji*`);
    expect(toLuceneQuery("Puttin")).toBe(`"Puttin"^4 OR (puttin*)^2 OR puttin* OR puttin~1`);
  });

  it("neutralises Lucene operators and syntax", () => {
    expect(toLuceneQuery("DJI* AND (x)")).toBe(`"DJI* AND (x)"^4 OR (dji* AND and* AND x*)^2 OR dji* OR and* OR x*`);
    expect(toLuceneQuery('say "hi" \\')).toBe(`"say \\"hi\\" \\\\"^4 OR (say* AND hi*)^2 OR say* OR hi*`);
  });

  it("returns null when there is nothing to match", () => {
    for (const text of ["", "   ", "(", "\\", "*?~", '"']) expect(toLuceneQuery(text)).toBeNull();
  });

  it("keeps non-Latin scripts", () => {
    expect(toLuceneQuery("Степь")).toBe(`"Степь"^4 OR (степь*)^2 OR степь* OR степь~1`);
  });
});
