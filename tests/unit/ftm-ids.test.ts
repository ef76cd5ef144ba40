import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENCODED_PREFIX, FTM_ID, fromFtmId, toFtmId } from "../../src/import/ftm-ids.js";

describe("FtM ids for graph ids (issue 16, defect 4)", () => {
  it.each([
    ["ns:syn-co-vector", "ag.ns.3asyn-co-vector"],
    ["party-ru-ооо-вектор-12", "ag.party-ru-.u043e.u043e.u043e-.u0432.u0435.u043a.u0442.u043e.u0440-12"],
    ["party-cn-深圳", "ag.party-cn-.u6df1.u5733"],
    ["a>BASED_IN>country-ru", "ag.a.3eBASED.5fIN.3ecountry-ru"],
    ["trailing-", "ag.trailing.2d"],
    ["ag.looks-encoded", "ag.ag.2elooks-encoded"],
    ["emoji-😀", "ag.emoji-.v01f600"],
  ])("encodes %s, which FtM 4 refuses, as %s and back", (id, ftm) => {
    expect(FTM_ID.test(id)).toBe(id.startsWith(ENCODED_PREFIX));
    expect(toFtmId(id)).toBe(ftm);
    expect(FTM_ID.test(ftm)).toBe(true);
    expect(fromFtmId(ftm)).toBe(id);
  });

  it("leaves valid FtM ids as they are: OpenSanctions' and Aleph's signed ids round-trip unchanged", () => {
    for (const id of ["NK-2GdmHtZTeNXjNVrBGEXZNj", "dji", "country-ru", "abc123.0f9e8d7c", "Q7747"]) {
      expect(toFtmId(id)).toBe(id);
      expect(fromFtmId(id)).toBe(id);
    }
  });

  it("maps any id to a valid FtM id, reversibly and without collisions", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: "binary" }), fc.string({ minLength: 1, maxLength: 40, unit: "binary" }), (a, b) => {
        const fa = toFtmId(a);
        expect(FTM_ID.test(fa)).toBe(true);
        expect(fromFtmId(fa)).toBe(a);
        if (a !== b) expect(toFtmId(b)).not.toBe(fa);
      }),
      { numRuns: 2000 },
    );
  });
});
