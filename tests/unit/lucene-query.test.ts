import { describe, expect, it } from "vitest";
import { toLuceneQuery } from "../../src/services/search.service.js";

describe("toLuceneQuery", () => {
  it("turns words into lower-case prefixes and keeps the phrase", () => {
    expect(toLuceneQuery("SZ DJI")).toBe(`"SZ DJI" OR (sz* AND dji*)`);
  });

  it("neutralises Lucene operators and syntax", () => {
    expect(toLuceneQuery("DJI* AND (x)")).toBe(`"DJI* AND (x)" OR (dji* AND and* AND x*)`);
    expect(toLuceneQuery('say "hi" \\')).toBe(`"say \\"hi\\" \\\\" OR (say* AND hi*)`);
  });

  it("returns null when there is nothing to match", () => {
    for (const text of ["", "   ", "(", "\\", "*?~", '"']) expect(toLuceneQuery(text)).toBeNull();
  });

  it("keeps non-Latin scripts", () => {
    expect(toLuceneQuery("Степь Логистик")).toBe(`"Степь Логистик" OR (степь* AND логистик*)`);
  });
});
