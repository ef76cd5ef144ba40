import { describe, expect, it } from "vitest";
import { moneyOf, moneyProps } from "../../src/import/money.js";
import { RecordError } from "../../src/import/types.js";

describe("moneyOf (issue 16, defect 2)", () => {
  it("takes the stated amount and currency first, then amountEur, then amountUsd, and keeps the conversions", () => {
    expect(moneyOf({ amount: "100", currency: "rub", amountEur: "1", amountUsd: "1.1" })).toEqual({
      amount: 100,
      currency: "RUB",
      amountEur: 1,
      amountUsd: 1.1,
    });
    expect(moneyOf({ amountEur: "9,500,000" })).toEqual({ amount: 9500000, currency: "EUR", amountEur: 9500000, amountUsd: null });
    expect(moneyOf({ amountUsd: "300000" })).toEqual({ amount: 300000, currency: "USD", amountEur: null, amountUsd: 300000 });
    expect(moneyOf({ amountEur: "2", amountUsd: "3" })).toMatchObject({ amount: 2, currency: "EUR" });
    // An amount without a currency is never given one it was not stated in.
    expect(moneyOf({ amount: "5", amountEur: "4" })).toMatchObject({ amount: 5, currency: null, amountEur: 4 });
    expect(moneyOf({})).toEqual({ amount: null, currency: null, amountEur: null, amountUsd: null });
  });

  it("refuses what is no amount or currency, naming the field", () => {
    expect(() => moneyOf({ amountEur: "17 Mio." })).toThrow(RecordError);
    expect(() => moneyOf({ amount: "1", currency: "€" }, { amount: "value" })).toThrow(/currency/);
    expect(() => moneyOf({ amount: "x" }, { amount: "value" })).toThrow(/^value:/);
  });

  it("writes amount and currency always, the conversions only when stated", () => {
    expect(moneyProps(moneyOf({ amount: "1", currency: "usd" }))).toEqual({ amount: 1, currency: "USD" });
    expect(moneyProps(moneyOf({ amountEur: "2" }))).toEqual({ amount: 2, currency: "EUR", amountEur: 2 });
  });
});
