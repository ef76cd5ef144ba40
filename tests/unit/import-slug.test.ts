import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slug } from "../../src/import/facts.js";

describe("slug", () => {
  it("keeps Latin names as before: lower case, accents and punctuation gone", () => {
    expect(slug("Golden Bridge Ltd.")).toBe("golden-bridge-ltd");
    expect(slug("Société  Générale")).toBe("societe-generale");
  });

  it("keeps letters of every script, so names that differ in a letter never share a slug", () => {
    expect(slug("ООО «Вектор» 12")).toBe("ооо-вектор-12");
    expect(slug("ООО Ромашка 12")).toBe("ооо-ромашка-12");
    expect(slug("深圳 Skyline")).not.toBe(slug("北京 Skyline"));
    expect(slug("Зенит-й")).not.toBe(slug("Зенит-и"));
    expect(slug("ООО Вектор 12")).toBe(slug("ооо  «ВЕКТОР» 12"));
  });

  it("cuts a long slug and appends its digest, so long names sharing their first characters stay apart", () => {
    const [a, b] = [slug(`${"x".repeat(85)} alpha`), slug(`${"x".repeat(85)} beta`)];
    expect(a).not.toBe(b);
    for (const s of [a, b]) expect(s.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(a).toMatch(/^x{63}-[0-9a-f]{16}$/);
  });

  it("gives a name without letters or digits its digest", () => {
    expect(slug("!!!")).toMatch(/^[0-9a-f]{16}$/);
    expect(slug("!!!")).not.toBe(slug("???"));
  });
});
