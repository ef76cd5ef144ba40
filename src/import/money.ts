import { currencyCode, number } from "./facts.js";
import type { PropertyValue } from "./types.js";

/**
 * The money of a relationship as stored: `amount` in `currency` units (the amount the source
 * states, in the currency it states it in), and the source's own conversions to euros and US
 * dollars, kept beside it (`amountEur`, `amountUsd`), each null when not stated.
 */
export interface Money {
  readonly amount: number | null;
  /** ISO 4217 code, upper case, or null. */
  readonly currency: string | null;
  /** The amount in **EUR** as the source converted it, or null. */
  readonly amountEur: number | null;
  /** The amount in **USD** as the source converted it, or null. */
  readonly amountUsd: number | null;
}

/** Money as stated by a record, before the rule: each value as written, or undefined. */
export interface StatedMoney {
  readonly amount?: string;
  readonly currency?: string;
  readonly amountEur?: string;
  readonly amountUsd?: string;
}

/**
 * The money rule, one for every format (FtM schemata with the Value interface such as Payment,
 * Debt and ContractAward; EconomicActivity's customs amounts; customs declarations):
 * 1. the original first: a stated `amount` gives `amount` and `currency` (currency null when the
 *    record names none: an amount is never given a currency it was not stated in);
 * 2. else the euro conversion: `amountEur` gives `amount` with currency EUR;
 * 3. else the dollar conversion: `amountUsd` gives `amount` with currency USD.
 * `amountEur` and `amountUsd` are kept as well whenever stated, so a Payment with `amount` 100
 * `currency` RUB and `amountEur` 1 keeps all three. Source: FollowTheMoney's Value schema
 * (followthemoney/schema/Value.yaml: `amount` + `currency`, and the converted `amountEur`,
 * `amountUsd`); why: the donations registers OpenSanctions publishes state `amountEur` only, and
 * those payments showed no money at all (issue 16).
 * @throws RecordError INVALID_VALUE for an amount that is no decimal number or a currency that
 * is no ISO 4217 code (facts.ts number, currencyCode), naming `fields[key]` (default: the key).
 */
export function moneyOf(stated: StatedMoney, fields: Partial<Record<keyof StatedMoney, string>> = {}): Money {
  const field = (k: keyof StatedMoney) => fields[k] ?? k;
  const amount = number(stated.amount, field("amount"));
  const currency = currencyCode(stated.currency, field("currency"));
  const amountEur = number(stated.amountEur, field("amountEur"));
  const amountUsd = number(stated.amountUsd, field("amountUsd"));
  if (amount !== null) return { amount, currency, amountEur, amountUsd };
  if (amountEur !== null) return { amount: amountEur, currency: "EUR", amountEur, amountUsd };
  if (amountUsd !== null) return { amount: amountUsd, currency: "USD", amountEur, amountUsd };
  return { amount: null, currency, amountEur, amountUsd };
}

/** The relationship properties of `money`: `amount` and `currency` always (null removes a stale value), the conversions only when stated. */
export function moneyProps(money: Money): Record<string, PropertyValue> {
  return {
    amount: money.amount,
    currency: money.currency,
    ...(money.amountEur !== null ? { amountEur: money.amountEur } : {}),
    ...(money.amountUsd !== null ? { amountUsd: money.amountUsd } : {}),
  };
}
