import { CLAIM_STATUSES, ENTITY_KINDS, isRelationshipType, type ClaimStatus, type EntityKind, type RelationshipType } from "../model/vocabulary.js";
import { currencyCode, entityId, interval, isoDate, number } from "./facts.js";
import { fromFtmId } from "./ftm-ids.js";
import { findSchema, type FtmSchema } from "./ftm-model.js";
import { RecordError, type RecordWarning } from "./types.js";

/** FtM property values: each a list of trimmed, non-empty strings, without repeats. */
export type Props = Record<string, string[]>;

/** The top-level fields OpenSanctions adds to an FtM entity (https://www.opensanctions.org/docs/entities/). */
export interface OpenSanctionsFields {
  /** Older ids of the entity (decoded, not yet namespaced). */
  readonly referents: readonly string[];
  readonly datasets: readonly string[];
  /** ISO 8601 date-times as written. */
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** True for an entity that is itself a sanctions target, not only linked to one. */
  readonly target: boolean | null;
}

/**
 * A line our FtM export wrote from a node or relationship that no FtM import made (its top-level
 * `actorgraph` key has `native: true`; src/export/ftm.ts): the import restores it as it was,
 * instead of reading it as FtM data. A node has `kind`, a relationship `type`.
 */
export interface NativeRecord {
  readonly kind: EntityKind | null;
  readonly type: RelationshipType | null;
  readonly values: Readonly<Record<string, unknown>>;
  readonly status: ClaimStatus | null;
  readonly confidence: number | null;
}

/** An FtM line, checked: its id decoded (src/import/ftm-ids.ts), its schema, its properties. */
export interface FtmRecord {
  readonly id: string;
  readonly schema: FtmSchema;
  /** Properties of the schema (reverse `stub` properties, which FtM refuses as input, not among them). */
  readonly props: Props;
  /** Properties the model does not know (a newer FtM), or reverse ones: kept as `ftm_<name>` with a warning. */
  readonly unknown: Props;
  readonly warnings: readonly RecordWarning[];
  readonly os: OpenSanctionsFields;
  readonly native: NativeRecord | null;
}

/** A property name that may become a stored key `ftm_<name>`: FtM names are camelCase identifiers. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/**
 * FtM properties holding a money amount, read as numbers ({@link number}; negative allowed: refunds
 * and reversals exist): the Value interface's `amount`, `amountUsd`, `amountEur`, and
 * EconomicActivity's `customsAmount` and `invoiceAmount` (string-typed in the model, but amounts).
 * Other number-typed properties (`height`, `tonnage`, …) are kept as written: FtM data puts units in them.
 */
const AMOUNT_PROPERTIES: ReadonlySet<string> = new Set(["amount", "amountUsd", "amountEur", "customsAmount", "invoiceAmount"]);

/** The checks of every value of a property, by name (whatever the schema) or by FtM type; each throws RecordError INVALID_VALUE. */
function checkValue(prop: string, typeName: string): ((value: string, field: string) => unknown) | null {
  // A reference becomes a node id (a placeholder until its entity comes): the id's own rule.
  if (typeName === "entity") return entityId;
  if (typeName === "date") return isoDate;
  if (prop === "currency") return currencyCode;
  if (AMOUNT_PROPERTIES.has(prop)) return number;
  return null;
}

/**
 * Checks one FtM line against the model of FTM_VERSION (src/import/ftm-model.ts): the schema must
 * exist and be concrete; the id and every reference must be an entity id (facts.ts entityId),
 * decoded from our export's encoding (ftm-ids.ts fromFtmId); values must be lists of strings; dates, currencies and
 * amounts are checked by {@link checkValue}. A property the schema lacks is NOT a reject: it is
 * kept in `unknown` and warned about (UNKNOWN_PROPERTY), so that data of a newer FtM never costs
 * the entity; a name that cannot be a property key is skipped with the same warning.
 * @throws RecordError UNKNOWN_SCHEMA, UNSUPPORTED_SCHEMA or INVALID_VALUE.
 */
export function readFtmRecord(value: Record<string, unknown>): FtmRecord {
  const { schema: schemaName, properties } = value;
  const id = entityId(typeof value.id === "string" ? fromFtmId(value.id.trim()) : value.id, "id");
  if (typeof schemaName !== "string") throw new RecordError("INVALID_VALUE", "schema: a schema name is required");
  const schema = findSchema(schemaName);
  if (!schema) throw new RecordError("UNKNOWN_SCHEMA", `unknown FtM schema ${JSON.stringify(schemaName)}`);
  if (schema.abstract) throw new RecordError("UNSUPPORTED_SCHEMA", `FtM schema ${schema.name} is abstract; entities must use a concrete schema`);
  if (properties !== undefined && (typeof properties !== "object" || properties === null || Array.isArray(properties))) {
    throw new RecordError("INVALID_VALUE", "properties: expected an object of arrays of strings");
  }
  const props: Props = {};
  const unknown: Props = {};
  const warnings: RecordWarning[] = [];
  for (const [prop, values] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new RecordError("INVALID_VALUE", `${prop}: expected an array of strings`);
    const clean = [...new Set((values as string[]).map((v) => v.trim()).filter((v) => v !== ""))];
    const property = schema.getProperty(prop);
    if (!property || property.stub) {
      warnings.push({ code: "UNKNOWN_PROPERTY", detail: `${schema.name}.${prop}` });
      if (PROPERTY_NAME.test(prop) && clean.length > 0) unknown[prop] = clean;
      continue;
    }
    const decoded = property.type === "entity" ? clean.map(fromFtmId) : clean;
    const check = checkValue(prop, property.type);
    if (check) decoded.forEach((v) => check(v, prop));
    if (decoded.length > 0) props[prop] = decoded;
  }
  // Properties our export could not write as FtM ones (the model lacks them) ride in `actorgraph.properties` (src/export/ftm.ts).
  const carried = (value.actorgraph as { properties?: unknown } | undefined)?.properties;
  if (typeof carried === "object" && carried !== null && !Array.isArray(carried)) {
    for (const [prop, values] of Object.entries(carried as Record<string, unknown>)) {
      if (props[prop] || unknown[prop]) continue;
      warnings.push({ code: "UNKNOWN_PROPERTY", detail: `${schema.name}.${prop}` });
      const clean = stringList(values, `actorgraph.properties.${prop}`);
      if (PROPERTY_NAME.test(prop) && clean.length > 0) unknown[prop] = clean;
    }
  }
  return { id, schema, props, unknown, warnings, os: openSanctionsFields(value), native: nativeRecord(value.actorgraph) };
}

/** A list of strings at `value[key]`, or []. @throws RecordError INVALID_VALUE for anything else. */
function stringList(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new RecordError("INVALID_VALUE", `${key}: expected an array of strings`);
  return [...new Set((value as string[]).map((v) => v.trim()).filter((v) => v !== ""))];
}

function openSanctionsFields(value: Record<string, unknown>): OpenSanctionsFields {
  const seen = (key: string): string | null => {
    const v = value[key];
    if (v === undefined || v === null || v === "") return null;
    if (typeof v !== "string") throw new RecordError("INVALID_VALUE", `${key}: expected an ISO 8601 date-time`);
    isoDate(v.trim(), key);
    return v.trim();
  };
  const target = value.target;
  if (target !== undefined && target !== null && typeof target !== "boolean") throw new RecordError("INVALID_VALUE", "target: expected true or false");
  return {
    referents: stringList(value.referents, "referents").map((r) => entityId(fromFtmId(r), "referents")),
    datasets: stringList(value.datasets, "datasets"),
    firstSeen: seen("first_seen"),
    lastSeen: seen("last_seen"),
    target: typeof target === "boolean" ? target : null,
  };
}

/** The `actorgraph` key of a line our export wrote for a native node or relationship, else null. */
function nativeRecord(context: unknown): NativeRecord | null {
  if (typeof context !== "object" || context === null || (context as Record<string, unknown>).native !== true) return null;
  const c = context as Record<string, unknown>;
  const kind = typeof c.kind === "string" && (ENTITY_KINDS as readonly string[]).includes(c.kind) ? (c.kind as EntityKind) : null;
  const type = typeof c.type === "string" && isRelationshipType(c.type) ? c.type : null;
  if (!kind && !type) throw new RecordError("INVALID_VALUE", "actorgraph: a native record needs a known kind or relationship type");
  const status = typeof c.status === "string" && (CLAIM_STATUSES as readonly string[]).includes(c.status) ? (c.status as ClaimStatus) : null;
  const confidence = typeof c.confidence === "number" && c.confidence >= 0 && c.confidence <= 1 ? c.confidence : null;
  return { kind, type, values: c, status, confidence };
}

/**
 * The interval an FtM entity states, from the first stated value of the schema's first start
 * (end) property that has one (`startDate`, `endDate`, …), as {@link interval} reads it.
 * @throws RecordError INVALID_VALUE for a start after the end's period.
 */
export function temporalExtent(schema: FtmSchema, props: Props): { validFrom: string | null; validTo: string | null } {
  const first = (names: readonly string[]) => names.map((p) => ({ prop: p, value: props[p]?.[0] })).find((f) => f.value);
  const start = first(schema.temporalStart);
  const end = first(schema.temporalEnd);
  return interval(start?.value, end?.value, start?.prop ?? "startDate", end?.prop ?? "endDate");
}
