import { describe, expect, it } from "vitest";
import { isoDate, number } from "../../src/import/facts.js";

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
    for (const v of ["0x10", "0b11", "0o7", "1.234,567", "1,5", "1234,567", "1_000", "Infinity", "NaN"]) expect(code(() => number(v, "n"))).toBe("INVALID_VALUE");
  });
});
