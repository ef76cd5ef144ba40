import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { closestPassage, locateQuote } from "../../src/claims/quotes.js";

const at = (text: string, quote: string, occurrence?: number) => locateQuote(text, { sourceId: "s", quote, occurrence });

describe("locateQuote on whole characters", () => {
  it("refuses a quote found only inside a longer character (combining accent, emoji sequence, flag, CR LF)", () => {
    expect(() => at("Cafe\u0301 Noir shipped drones.", "Cafe")).toThrow(/only as part of a longer character/);
    expect(() => at("The lab 👩‍🔬 signed.", "lab 👩")).toThrow(/only as part of a longer character/);
    expect(() => at("Flags 🇩🇪🇫🇷 flew.", "🇪🇫")).toThrow(/only as part of a longer character/);
    expect(() => at("Minsk.\r\nThe firm denied it.", "Minsk.\r")).toThrow(/only as part of a longer character/);
    expect(at("Minsk.\r\nThe firm denied it.", "Minsk.\r\n")).toMatchObject({ start: 0, end: 8 });
  });

  it("counts only the occurrences on character boundaries, so occurrence picks among them", () => {
    const text = "Cafe\u0301 Noir shipped drones. Cafe owners said nothing. Cafe staff agreed.";
    expect(() => at(text, "Cafe")).toThrow(/occurs 2 times/);
    const second = at(text, "Cafe", 2);
    expect(text.slice(second.start, second.end)).toBe("Cafe");
    expect(second.start).toBe(text.lastIndexOf("Cafe staff"));
    expect(at(text, "Café".normalize("NFD"))).toMatchObject({ start: 0, end: 5 });
  });

  it("refuses half a surrogate pair, which Neo4j would store as U+FFFD", () => {
    expect(() => at("Drones 🚁 to Minsk.", "Drones \uD83D")).toThrow(/lone UTF-16 surrogate/);
    const found = at("Drones 🚁 to Minsk.", "Drones 🚁");
    expect(found).toMatchObject({ start: 0, end: 9 });
  });
});

describe("closestPassage on large texts", () => {
  // Pseudo-random words without a sentence break: the whole text is one sentence.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const words = Array.from({ length: 300_000 }, () => `w${(next() % 50_000).toString(36)}`);
  const text = words.join(" ");

  it("finds a long quote with a typo in 1.7 MB without sentence breaks, within its work bound", () => {
    const original = words.slice(150_000, 150_300).join(" ");
    const quote = `${original.slice(0, 10)}Q${original.slice(11)}`;
    const found = closestPassage(text, quote);
    expect(found && distance(found.passage, quote)).toBe(1);
    expect(found && text.slice(found.start, found.end)).toBe(found?.passage);
  }, 20_000);

  it("finds a short quote with a typo there too", () => {
    const original = words.slice(200_000, 200_005).join(" ");
    const quote = `${original.slice(0, 3)}Q${original.slice(4)}`;
    expect(distance(closestPassage(text, quote)!.passage, quote)).toBe(1);
  }, 20_000);
});
