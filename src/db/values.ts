import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isInt, isPoint, type Integer } from "neo4j-driver";

/** A JSON-safe value: what services and resolvers see instead of driver types. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Converts a value read from Neo4j to plain JS, recursively.
 * - Integer → number (throws RangeError past ±2^53, which no id or count here reaches);
 * - Date/DateTime/LocalDateTime/Time → ISO 8601 string;
 * - Point → `{srid, x, y, z?}`; Node/Relationship → their properties.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return intToNumber(value);
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const obj = value as { properties?: unknown; labels?: unknown; type?: unknown; elementId?: unknown };
    if (obj.properties !== undefined && obj.elementId !== undefined) return toPlain(obj.properties);
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  throw new TypeError(`Cannot convert ${typeof value} from Neo4j`);
}

function intToNumber(value: Integer): number {
  if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`Integer ${value.toString()} is outside JS safe range`);
  return value.toNumber();
}

/**
 * A plain value as text: strings as they are, numbers and booleans printed, null and undefined as
 * "", lists and maps as JSON (never "[object Object]").
 */
export function plainText(value: Plain | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * A plain value as `String()` prints it (null → "null", undefined → "undefined"), except that lists
 * and maps print as JSON instead of "[object Object]". For ids, types and cursors read from rows.
 */
export function plainString(value: Plain | undefined): string {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
}
