import { BadUserInputError } from "../errors.js";

/**
 * Argument checks shared by the services. Each throws BadUserInputError (BAD_USER_INPUT)
 * naming the argument, its value and the allowed range.
 */

/** An integer in [min, max]. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be an integer from ${min} to ${max}; got ${value}`, { argument: name, min, max });
  }
  return value;
}

/** A finite number in [min, max]. */
export function numberInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be a number from ${min} to ${max}; got ${value}`, { argument: name, min, max });
  }
  return value;
}

/** A non-empty id of at most 512 characters. */
export function entityId(name: string, value: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) {
    throw new BadUserInputError(`${name} must be a non-empty id of at most 512 characters`, { argument: name });
  }
  return value;
}

/** A list of ids, de-duplicated, with at most `max` entries. */
export function idList(name: string, values: readonly string[] | null | undefined, max: number): string[] {
  const list = [...new Set(values ?? [])];
  if (list.length > max) throw new BadUserInputError(`${name} takes at most ${max} ids; got ${list.length}`, { argument: name, max });
  list.forEach((v) => entityId(name, v));
  return list;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO 8601 calendar date `YYYY-MM-DD` that exists (no 2023-02-30), years 0001–9999. */
export function isoDate(name: string, value: string): string {
  const m = ISO_DATE.exec(value);
  const d = m ? new Date(0) : null;
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written (Date.UTC maps 99 to 1999).
  if (m && d) d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!m || !d || Number(m[1]) < 1 || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new BadUserInputError(`${name} must be an ISO 8601 date (YYYY-MM-DD); got ${JSON.stringify(value)}`, { argument: name });
  }
  return value;
}

/** Every value of `values` must be in `allowed`. */
export function allowListed<T extends string>(name: string, values: readonly string[], allowed: readonly T[]): T[] {
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) {
    throw new BadUserInputError(`${name} has unknown values ${bad.join(", ")}; allowed: ${allowed.join(", ")}`, { argument: name });
  }
  return [...new Set(values)] as T[];
}
