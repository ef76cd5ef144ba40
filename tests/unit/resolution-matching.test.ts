import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { isValidStrong, parseIdentifier } from "../../src/resolution/identifiers.js";
import { stripLegalForms } from "../../src/resolution/legal-forms.js";
import { kindsCompatible, prepareRecord, scorePair, type MatchRecord } from "../../src/resolution/matcher.js";
import { bagDistance, latinWords, prepareName } from "../../src/resolution/names.js";
import { matchRecord } from "../support/match-records.js";

const rec = matchRecord;
const score = (a: MatchRecord, b: MatchRecord) => scorePair(prepareRecord(a), prepareRecord(b));

describe("names", () => {
  it("spells every script in Latin words, syllabic scripts a word per character", () => {
    expect(latinWords("大疆创新")).toEqual(["da", "jiang", "chuang", "xin"]);
    expect(latinWords("ООО «Вектор»")).toEqual(["ooo", "vektor"]);
    expect(latinWords("L.L.C. Co.,Ltd.")).toEqual(["llc", "co", "ltd"]);
  });

  it("removes legal forms from both ends, never from the middle, and never every word", () => {
    expect(stripLegalForms(["acme", "trading", "co", "ltd"]).words).toEqual(["acme", "trading"]);
    expect(stripLegalForms(["ooo", "vektor"])).toEqual({ words: ["vektor"], removed: ["ooo"] });
    expect(stripLegalForms(["avia", "co", "holdings"]).words).toEqual(["avia", "co", "holdings"]);
    expect(stripLegalForms(["limited"]).words).toEqual(["limited"]);
    expect(stripLegalForms(["sky", "falcon", "co", "ltd", "12"])).toEqual({ words: ["sky", "falcon", "12"], removed: ["co", "ltd"] });
    expect(stripLegalForms(["ooo", "2"]).words).toEqual(["ooo", "2"]);
    expect(prepareName("Общество с ограниченной ответственностью «Вектор»")?.words).toEqual(["vektor"]);
    expect(prepareName("深圳市大疆创新科技有限公司")?.compact).toBe("shenzhenshidajiangchuangxinkeji");
  });

  it("compares NORTHWIND AVIA LIMITED and North Wind Avia Ltd by what the legal forms leave", () => {
    const a = prepareName("NORTHWIND AVIA LIMITED")!;
    const b = prepareName("North Wind Avia Ltd")!;
    expect([a.compact, b.compact]).toEqual(["northwindavia", "northwindavia"]);
    expect(a.literal).not.toBe(b.literal);
  });
});

describe("bagDistance", () => {
  it("never exceeds the edit distance of the compact names, so the bound it gives never drops a pair that reaches the floor", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e0-2 ]{1,12}$/), fc.stringMatching(/^[a-e0-2 ]{1,12}$/), (a, b) => {
        const [x, y] = [prepareName(`${a}x`)!, prepareName(`${b}x`)!];
        expect(bagDistance(x, y)).toBeLessThanOrEqual(distance(x.compact, y.compact));
        expect(bagDistance(x, y)).toBeLessThanOrEqual(distance(x.sorted, y.sorted));
      }),
    );
  });
});

describe("identifiers", () => {
  it("reads addEntity's and FtM's schemes as one and checks strong values", () => {
    expect(parseIdentifier("inn:7707083893")).toMatchObject({ scheme: "inn", key: "7707083893", strong: true });
    expect(parseIdentifier("innCode:7707 083893")).toMatchObject({ scheme: "inn", key: "7707083893", strong: true });
    expect(parseIdentifier("inn:7707083894")?.strong).toBe(false);
    expect(parseIdentifier("inn:0000000000")?.strong).toBe(false);
    expect(parseIdentifier("registrationNumber:12345")).toMatchObject({ scheme: "registration", strong: false });
    expect(parseIdentifier("no-scheme")).toBeNull();
  });

  it("checks OGRN, LEI, IMO and BIC as rigour.ids does", () => {
    expect(isValidStrong("ogrn", "1027700132195")).toBe(true);
    expect(isValidStrong("ogrn", "1027700132196")).toBe(false);
    expect(isValidStrong("lei", "5493001KJTIIGC8Y1R12")).toBe(true);
    expect(isValidStrong("lei", "5493001KJTIIGC8Y1R13")).toBe(false);
    expect(isValidStrong("imo", "9074729")).toBe(true);
    expect(isValidStrong("imo", "9074728")).toBe(false);
    expect(isValidStrong("bic", "SABRRUMM")).toBe(true);
    expect(isValidStrong("inn", "500100732259")).toBe(true);
  });
});

describe("scorePair", () => {
  it("scores a name-only look-alike by its fingerprint, with country agreement", () => {
    const s = score(rec("a", "NORTHWIND AVIA LIMITED", { countries: ["GB"] }), rec("b", "North Wind Avia Ltd", { countries: ["GB"] }));
    expect(s.score).toBe(0.95);
    expect(s.reasons.map((r) => r.feature)).toEqual(["name_fingerprint", "country_match"]);
    expect(s.reasons[0]!.detail).toContain('"NORTHWIND AVIA LIMITED" ~ "North Wind Avia Ltd"');
  });

  it("scores an equal INN above names, and lowers it when countries differ", () => {
    const s = score(
      rec("a", "Vektor", { identifiers: ["inn:7707083893"], countries: ["RU"] }),
      rec("b", "Something Else", { identifiers: ["innCode:7707083893"], countries: ["KZ"] }),
    );
    expect(s.score).toBe(0.75);
    expect(s.reasons.map((r) => [r.feature, r.weight])).toEqual([
      ["identifier_strong", 0.95],
      ["country_mismatch", -0.2],
    ]);
  });

  it("matches an alias in another script literally", () => {
    const s = score(rec("dji", "DJI", { aliases: ["大疆创新"], countries: ["CN"] }), rec("p", "大疆创新", { countries: ["CN"] }));
    expect(s.score).toBe(1);
    expect(s.reasons[0]).toMatchObject({ feature: "name_literal", detail: 'Identical names: "大疆创新"' });
  });

  it("counts conflicting identifiers and dates against a match", () => {
    const s = score(
      rec("a", "Ivan Petrov", { kind: "Person", birthDates: ["1970-05-01"], identifiers: ["inn:500100732259"] }),
      rec("b", "Ivan Petrov", { kind: "Person", birthDates: ["1971"], identifiers: ["inn:7707083893"] }),
    );
    expect(s.reasons.map((r) => r.feature)).toEqual(["name_literal", "identifier_disjoint", "dates_disjoint"]);
    expect(s.score).toBe(0.65);
    const flipped = score(
      rec("a", "Ivan Petrov", { kind: "Person", birthDates: ["1970-05-01"] }),
      rec("b", "Ivan Petrov", { kind: "Person", birthDates: ["1970-01-05"] }),
    );
    expect(flipped.score).toBe(1);
  });

  it("never compares a person with a company, and scores unlike names low", () => {
    expect(kindsCompatible("Person", "Company")).toBe(false);
    expect(kindsCompatible("LegalEntity", "Person")).toBe(true);
    expect(score(rec("a", "Vektor", { kind: "Person" }), rec("b", "Vektor")).score).toBe(0);
    expect(score(rec("a", "Alpha", { countries: ["RU"] }), rec("b", "Omega", { countries: ["RU"] })).score).toBe(0.23);
  });

  it("is symmetric, and a floor only ever zeroes pairs below it", () => {
    const pairs: [MatchRecord, MatchRecord][] = [
      [rec("a", "Vektor Trading", { countries: ["HK"] }), rec("b", "Vector Trading Ltd", { countries: ["HK"] })],
      [rec("a", "Alpha Beta"), rec("b", "Beta Alpha")],
      [rec("a", "Zenit UAV"), rec("b", "Zenith")],
    ];
    for (const [a, b] of pairs) {
      const exact = score(a, b).score;
      expect(score(b, a).score).toBe(exact);
      for (const floor of [0.3, 0.6, 0.9]) {
        const cut = scorePair(prepareRecord(a), prepareRecord(b), floor).score;
        expect(cut === exact || (cut === 0 && exact < floor)).toBe(true);
      }
    }
  });
});
