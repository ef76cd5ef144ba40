import { describe, expect, it } from "vitest";
import { identifierKey, latinNames, latinNamesOf, nameKey, searchSpellings } from "../../src/model/name-keys.js";
import { toSearchQuery } from "../../src/services/search.service.js";

describe("Latin keys of names (issue 16, defect 7)", () => {
  it("spells ü as u and as ue, ß as ss, Cyrillic and Han in Latin letters", () => {
    expect(latinNames("Hans Würth")).toEqual(["hans wurth", "hans wuerth"]);
    expect(latinNames("Anna Gießner")).toEqual(["anna giessner"]);
    expect(latinNames("Frankfurter Straße 112")).toEqual(["frankfurter strasse 112"]);
    expect(latinNames("Калашников Иван Петрович")).toEqual(["kalashnikov ivan petrovich"]);
    expect(latinNames("深圳天际")).toEqual(["shenzhentianji", "shen zhen tian ji"]);
    expect(latinNames("«»")).toEqual([]);
  });

  it("stores only the spellings the name's own words lack (the index reads those from the name)", () => {
    expect(latinNamesOf(["Golden Bridge Ltd.", "Hans Würth", "Straße"])).toEqual(["hans wurth", "hans wuerth", "strasse"]);
  });

  it("searches the text and each of its Latin spellings", () => {
    expect(searchSpellings("Würth")).toEqual(["Würth", "wurth", "wuerth"]);
    expect(toSearchQuery("Gießner")).toBe(
      `("Gießner"^4 OR (gießner*)^2 OR gießner* OR gießner~1) OR ("giessner"^4 OR (giessner*)^2 OR giessner* OR giessner~1)`,
    );
    expect(toSearchQuery("dji")).toBe(`"dji"^4 OR (dji*)^2 OR dji*`);
    expect(toSearchQuery("((")).toBeNull();
  });

  it("gives one key to a name in its spellings, for matching customs parties", () => {
    const key = nameKey("Würth Drohnentechnik GmbH");
    for (const other of ["WUERTH DROHNENTECHNIK GMBH", "Wurth Drohnentechnik, GmbH", "Würth  Drohnentechnik GmbH."]) expect(nameKey(other)).toBe(key);
    expect(nameKey("ООО «Вектор Импорт»")).toBe(nameKey("OOO Vektor Import"));
    expect(nameKey("ООО «Вектор Импорт»")).not.toBe(nameKey("ООО «Ромашка Импорт»"));
    expect(nameKey("---")).toBeNull();
  });

  it("keys identifiers by their letters and digits, upper case", () => {
    expect(identifierKey("7701 234560")).toBe("7701234560");
    expect(identifierKey("253400zenit0uav00092")).toBe("253400ZENIT0UAV00092");
    expect(identifierKey("HRB 74653")).toBe("HRB74653");
    expect(identifierKey(" - ")).toBeNull();
  });
});
