import { describe, expect, it } from "vitest";
import { entityId, interval, isoDate, number } from "../../src/import/facts.js";

const code = (f: () => unknown): unknown => {
  try {
    f();
    return "accepted";
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe("isoDate", () => {
  it("reads a year, a year-month, a date and a date with an ISO time, keeping the date", () => {
    expect(isoDate("2023", "d")).toBe("2023-01-01");
    expect(isoDate("2023-02", "d")).toBe("2023-02-01");
    expect(isoDate(" 2023-02-09 ", "d")).toBe("2023-02-09");
    expect(isoDate("2023-02-09T10:11:12Z", "d")).toBe("2023-02-09");
    expect(isoDate("2023-02-09 10:11:12.123+02:00", "d")).toBe("2023-02-09");
    expect(isoDate("", "d")).toBeNull();
  });

  it("refuses text that only starts like a date, instead of reading it as its year (once 2023-01-01)", () => {
    for (const v of ["2023/02/09", "20230209", "2023-02-09junk", "2023-2-9", "09.02.2023"]) expect(code(() => isoDate(v, "d"))).toBe("INVALID_VALUE");
  });

  it("refuses a day or month that does not exist", () => {
    for (const v of ["2023-02-30", "2023-13-01", "2023-99"]) expect(code(() => isoDate(v, "d"))).toBe("INVALID_VALUE");
  });

  it("refuses a time that does not exist (2023-01-01T99:99 once passed as 2023-01-01), and keeps the edges of the day and a leap second", () => {
    for (const v of ["2023-01-01T99:99", "2023-01-01T24:00", "2023-01-01T23:60", "2023-01-01 12:00:61", "2023-01-01T12:00+24:00", "2023-01-01T12:00-05:60"]) {
      expect(
        code(() => isoDate(v, "d")),
        v,
      ).toBe("INVALID_VALUE");
    }
    for (const v of ["2023-01-01T00:00", "2023-01-01T23:59:59.999Z", "2016-12-31T23:59:60Z", "2023-01-01 19:30-05:00", "2023-01-01T12:00+1400"]) {
      expect(isoDate(v, "d"), v).toBe(v.slice(0, 10));
    }
  });
});

describe("interval", () => {
  it("compares the start with the last day of the end's year or month (leap years right), and gives the end as that last day", () => {
    expect(interval("2023-06-01", "2023", "f", "t")).toEqual({ validFrom: "2023-06-01", validTo: "2023-12-31" });
    expect(interval("2023-12-31", "2023", "f", "t")).toEqual({ validFrom: "2023-12-31", validTo: "2023-12-31" });
    expect(interval("2024-02-29", "2024-02", "f", "t")).toEqual({ validFrom: "2024-02-29", validTo: "2024-02-29" });
    expect(interval("2000-02-29", "2000-02", "f", "t").validTo).toBe("2000-02-29");
    expect(interval("2023-04-30T10:00Z", "2023-04", "f", "t").validFrom).toBe("2023-04-30");
    expect(interval("2023", "", "f", "t")).toEqual({ validFrom: "2023-01-01", validTo: null });
    expect(interval(null, "2023-06", "f", "t")).toEqual({ validFrom: null, validTo: "2023-06-30" });
    // 2023-02 ends on the 28th, 1900-02 too (no leap year), 2023-04 on the 30th; a day is itself.
    for (const [from, to] of [
      ["2023-03-01", "2023-02"],
      ["1900-03-01", "1900-02"],
      ["2023-05-01", "2023-04"],
      ["2024", "2023-12-31"],
      ["2023-01-02", "2023-01-01"],
    ]) {
      expect(() => interval(from, to, "f", "t"), `${from} ${to}`).toThrow(
        expect.objectContaining({ code: "INVALID_VALUE", message: expect.stringContaining("is after valid to") }),
      );
    }
    // The last day shows in the reason: February's is the 28th or, in a leap year, the 29th.
    for (const [year, last] of [
      ["2023", "28"],
      ["2024", "29"],
      ["1900", "28"],
      ["2000", "29"],
    ]) {
      expect(() => interval(`${year}-03-01`, `${year}-02`, "f", "t")).toThrow(`valid to ${year}-02-${last} (t "${year}-02", the last day of that month)`);
    }
    expect(() => interval("2023-07", "2023-06", "f", "t")).toThrow(
      'valid from 2023-07-01 (f "2023-07") is after valid to 2023-06-30 (t "2023-06", the last day of that month)',
    );
    expect(() => interval("2023-01-01", "2023-99", "f", "t")).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE", message: 't: "2023-99" is not a valid date' }),
    );
  });
});

describe("entityId", () => {
  it("accepts an id of up to 256 characters (or the limit given) without #, and refuses the rest naming the field", () => {
    expect(entityId("y".repeat(256), "parent")).toBe("y".repeat(256));
    expect(entityId("y".repeat(297), "from", 297)).toBe("y".repeat(297));
    for (const [v, max] of [
      ["y".repeat(257), undefined],
      ["y".repeat(298), 297],
      ["own-1#1", undefined],
      ["", undefined],
      ["  ", undefined],
      [42, undefined],
    ] as const) {
      expect(() => entityId(v, "parent", max), String(v).slice(0, 10)).toThrow(
        expect.objectContaining({ code: "INVALID_VALUE", message: expect.stringMatching(/^parent: /) }),
      );
    }
  });
});

describe("number", () => {
  it("reads decimals with optional thousands separators and exponents", () => {
    expect(number("1,234,567.89", "n")).toBe(1234567.89);
    expect(number("1 234", "n")).toBe(1234);
    expect(number("-5", "n")).toBe(-5);
    expect(number(".5", "n")).toBe(0.5);
    expect(number("1e3", "n")).toBe(1000);
    expect(number(" 42 ", "n")).toBe(42);
    expect(number("", "n")).toBeNull();
  });

  it("refuses what JS's Number() would misread: hex, binary, octal, and a European decimal comma (once 1.234,567 → 1.234567)", () => {
    for (const v of ["0x10", "0b11", "0o7", "1.234,567", "1,5", "1234,567", "1_000", "Infinity", "NaN"])
      expect(code(() => number(v, "n"))).toBe("INVALID_VALUE");
  });
});
