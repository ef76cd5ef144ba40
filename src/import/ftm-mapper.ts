import type { RelationshipType } from "../model/vocabulary.js";
import { countryFact, currencyCode, entityId, interval, isoDate, LINK_ID_SEPARATOR, number, reportedRelationship, scopedId, type MapContext } from "./facts.js";
import { findSchema, type FtmSchema } from "./ftm-model.js";
import { DESCRIPTION_PROPERTIES, EDGE_RELATIONSHIP_TYPES, HOME_COUNTRY_PROPERTIES, nodeKind, REFERENCE_RELATIONSHIP_TYPES } from "./ftm-rules.js";
import { RecordError, type CountryFact, type EntityFact, type InputRecord, type PropertyValue, type RecordFacts, type RelationshipFact } from "./types.js";

type Props = Record<string, string[]>;

/**
 * Maps one FollowTheMoney entity `{id, schema, properties: {prop: [values]}}` to graph facts.
 * Validation uses the FtM model: the schema must exist, every property must belong to it, and
 * values must be strings (dates and country codes are checked by their FtM type). Every value
 * that becomes an entity id (the id, each value of an entity-typed property: references, link
 * endpoints) must pass entityId (facts.ts: at most 256 characters, no `#`); every value of
 * `currency`, in any schema, must be an ISO 4217 code, and every value of an amount
 * ({@link AMOUNT_PROPERTIES}) a decimal number, though values are stored as written. A link's
 * start and end dates must make an interval (facts.ts: an end `2023` ends 2023-12-31); no link,
 * reference or shipment may join an entity to itself (the record is rejected whole, naming the pair).
 * Node schemata become :Entity nodes (`ftmSchema`, `ftmId`, `topics`, every name and alias
 * searchable, and every property that is not a reference as an `ftm_<prop>` list, names and
 * aliases included, so FtM export gives them back unchanged); edge schemata become relationships
 * that keep `ftmId`, `ftmSchema` and every property as `ftm_<prop>` (references as graph ids).
 * Country and entity values become relationships marked `ftmProperty` + `ftmEntityId` (the
 * owning entity), which FtM export folds back into that entity. Rules: src/import/ftm-rules.ts.
 * @throws RecordError UNKNOWN_SCHEMA, UNSUPPORTED_SCHEMA or INVALID_VALUE.
 */
export function mapFtmEntity(ctx: MapContext, record: InputRecord<Record<string, unknown>>): RecordFacts {
  const { id, schema, props } = validate(record.value);
  const eid = scopedId(ctx, id);
  if (schema.edge) return edgeFacts(ctx, record, eid, schema, props);
  const kind = nodeKind(schema);
  if (!kind) throw new RecordError("UNSUPPORTED_SCHEMA", `FtM schema ${schema.name} is valid but not imported (it is neither a thing nor a link this importer maps)`);

  // `name` first: its first value is the entity's name, every other name-typed value an alias.
  const nameProps = [...schema.getProperties().values()].filter((p) => p.type.name === "name").map((p) => p.name);
  const names = [...new Set(["name", ...nameProps])].flatMap((p) => props[p] ?? []);
  const caption = schema.caption.flatMap((p) => props[p] ?? [])[0];
  const name = names[0] ?? caption ?? id;
  const countries: CountryFact[] = [];
  const rels: RelationshipFact[] = [];
  const extra: Record<string, PropertyValue> = {};
  for (const [prop, values] of Object.entries(props)) {
    const type = schema.getProperty(prop).type.name;
    if (type === "country") {
      for (const code of values) {
        const c = countryFact(code, prop);
        countries.push(c);
        const home = HOME_COUNTRY_PROPERTIES.has(prop);
        const relType: RelationshipType = !home ? "RELATED_TO" : kind === "Address" || kind === "Event" ? "LOCATED_IN" : "BASED_IN";
        const marks = { ftmProperty: prop, ftmEntityId: eid };
        rels.push(reportedRelationship(ctx, record, { id: `${eid}>${prop}>${c.id}`, type: relType, start: eid, end: c.id, props: home ? marks : { note: prop, ...marks } }));
      }
    } else if (type === "entity") {
      rels.push(...referenceFacts(ctx, record, eid, schema, prop, values));
    } else if (prop !== "topics") {
      extra[`ftm_${prop}`] = values;
    }
  }
  if (schema.name === "EconomicActivity") rels.push(...shipmentFacts(ctx, record, eid, props));
  const description = DESCRIPTION_PROPERTIES.map((p) => props[p]?.[0]).find((v) => v !== undefined) ?? null;
  const home = [...HOME_COUNTRY_PROPERTIES].map((p) => props[p]?.[0]).find((v) => v !== undefined);
  const entity: EntityFact = {
    id: eid,
    name,
    kind,
    aliases: [...new Set(names.filter((n) => n !== name))],
    topics: props.topics ?? [],
    ftmSchema: schema.name,
    // Only what the entity states: a null would remove the stored value (`n += props`), and an
    // FtM file naming an entity the graph has (a seed node such as `dji`, another dataset's
    // entity) without a description erased its description. FtM merges what sources state.
    // A Sanction, Event or other dated thing must not end before it starts, as a link must not.
    props: statedOnly({ ...extra, ftmId: eid, description, country: home ? home.toUpperCase() : null, date: temporalExtent(schema, props).validFrom }),
  };
  return { entities: [entity], countries, relationships: rels, publications: [], requiredIds: [] };
}

/**
 * The interval an FtM entity states, from the first stated value of the schema's first start
 * (end) property that has one (`startDate`, `endDate`, …), as {@link interval} reads it.
 * @throws RecordError INVALID_VALUE for a start after the end's period.
 */
function temporalExtent(schema: FtmSchema, props: Props): { validFrom: string | null; validTo: string | null } {
  const first = (names: readonly string[]) => names.map((p) => ({ prop: p, value: props[p]?.[0] })).find((f) => f.value);
  const start = first(schema.temporalStart);
  const end = first(schema.temporalEnd);
  return interval(start?.value, end?.value, start?.prop ?? "startDate", end?.prop ?? "endDate");
}

/** `props` without its null values. */
function statedOnly(props: Record<string, PropertyValue>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
}

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

function validate(value: Record<string, unknown>): { id: string; schema: FtmSchema; props: Props } {
  const { schema: schemaName, properties } = value;
  const id = entityId(value.id, "id");
  if (typeof schemaName !== "string") throw new RecordError("INVALID_VALUE", "schema: a schema name is required");
  const schema = findSchema(schemaName);
  if (!schema) throw new RecordError("UNKNOWN_SCHEMA", `unknown FtM schema ${JSON.stringify(schemaName)}`);
  if (schema.abstract) throw new RecordError("UNSUPPORTED_SCHEMA", `FtM schema ${schema.name} is abstract; entities must use a concrete schema`);
  if (properties !== undefined && (typeof properties !== "object" || properties === null || Array.isArray(properties))) {
    throw new RecordError("INVALID_VALUE", "properties: expected an object of arrays of strings");
  }
  const props: Props = {};
  for (const [prop, values] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    if (!schema.hasProperty(prop)) throw new RecordError("INVALID_VALUE", `property ${prop} is not in FtM schema ${schema.name}`);
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new RecordError("INVALID_VALUE", `${prop}: expected an array of strings`);
    const clean = [...new Set((values as string[]).map((v) => v.trim()).filter((v) => v !== ""))];
    const check = checkValue(prop, schema.getProperty(prop).type.name);
    if (check) clean.forEach((v) => check(v, prop));
    if (clean.length > 0) props[prop] = clean;
  }
  return { id, schema, props };
}

function edgeFacts(ctx: MapContext, record: InputRecord<unknown>, eid: string, schema: FtmSchema, props: Props): RecordFacts {
  const edge = schema.edge!;
  // Sorted, so that each (source, target) pair gets the same id (`eid`, `eid#1`, …) however the
  // values are ordered: FtM property values are sets.
  const sources = [...(props[edge.source] ?? [])].sort();
  const targets = [...(props[edge.target] ?? [])].sort();
  if (sources.length === 0 || targets.length === 0) {
    throw new RecordError("INVALID_VALUE", `${schema.name} needs both ${edge.source} and ${edge.target}`);
  }
  const type = EDGE_RELATIONSHIP_TYPES[schema.name] ?? "RELATED_TO";
  // A record is taken whole: one pair from an entity to itself rejects the link, named by its pair.
  const loop = sources.find((s) => targets.includes(s));
  if (loop !== undefined) {
    const others = sources.length * targets.length - 1;
    throw new RecordError(
      "INVALID_VALUE",
      `${schema.name} ${edge.source} ${JSON.stringify(loop)} is also its ${edge.target}: a ${type} relationship from ${JSON.stringify(scopedId(ctx, loop))} to itself` +
        (others > 0 ? ` (the link is rejected whole, with its ${others} other ${edge.source}–${edge.target} pair${others === 1 ? "" : "s"})` : ""),
    );
  }
  const { validFrom, validTo } = temporalExtent(schema, props);
  const note = [schema.name === "UnknownLink" || !EDGE_RELATIONSHIP_TYPES[schema.name] ? schema.name : null, ...schema.caption.filter((p) => p !== "amount" && p !== "date").map((p) => props[p]?.[0])]
    .filter(Boolean)
    .join("; ");
  const relProps: Record<string, PropertyValue> = {
    note: note || null,
    amount: number(props.amount?.[0], "amount"),
    currency: currencyCode(props.currency?.[0], "currency"),
    ftmSchema: schema.name,
    ftmId: eid,
  };
  for (const [prop, values] of Object.entries(props)) {
    relProps[`ftm_${prop}`] = schema.getProperty(prop).type.name === "entity" ? values.map((v) => scopedId(ctx, v)) : values;
  }
  const rels: RelationshipFact[] = [];
  for (const s of sources) {
    for (const t of targets) {
      rels.push(
        reportedRelationship(ctx, record, {
          id: rels.length === 0 ? eid : `${eid}${LINK_ID_SEPARATOR}${rels.length}`,
          type,
          start: scopedId(ctx, s),
          end: scopedId(ctx, t),
          validFrom,
          validTo,
          props: relProps,
        }),
      );
    }
  }
  return { entities: [], countries: [], relationships: rels, publications: [], requiredIds: [] };
}

function referenceFacts(ctx: MapContext, record: InputRecord<unknown>, eid: string, schema: FtmSchema, prop: string, values: readonly string[]): RelationshipFact[] {
  const rule = REFERENCE_RELATIONSHIP_TYPES[`${schema.name}.${prop}`] ?? REFERENCE_RELATIONSHIP_TYPES[`*.${prop}`];
  const participation = schema.isA("Interval");
  return values.map((v) => {
    const other = scopedId(ctx, v);
    if (other === eid) throw new RecordError("INVALID_VALUE", `${prop}: ${JSON.stringify(v)} is the ${schema.name}'s own id; a reference joins two entities`);
    const type = rule?.type ?? (participation ? "PARTICIPATED_IN" : "RELATED_TO");
    const inward = rule ? rule.inward : participation;
    return reportedRelationship(ctx, record, {
      id: `${eid}>${prop}>${other}`,
      type,
      start: inward ? other : eid,
      end: inward ? eid : other,
      props: { note: prop, ftmProperty: prop, ftmEntityId: eid },
    });
  });
}

/** A customs declaration (EconomicActivity) also moves goods: SUPPLIED from each sender to each receiver, so routes follow it (marked `ftmEntityId`, no `ftmProperty`). */
function shipmentFacts(ctx: MapContext, record: InputRecord<unknown>, eid: string, props: Props): RelationshipFact[] {
  const goods = [...(props.vedCode ?? []).map((c) => `HS ${c}`), ...(props.goodsDescription ?? [])];
  const date = isoDate(props.startDate?.[0] ?? props.date?.[0], "startDate");
  const loop = (props.sender ?? []).find((s) => (props.receiver ?? []).includes(s));
  if (loop !== undefined) throw new RecordError("INVALID_VALUE", `EconomicActivity sender ${JSON.stringify(loop)} is also its receiver: a shipment moves goods between two entities`);
  return (props.sender ?? []).flatMap((s) =>
    (props.receiver ?? []).map((r) =>
      reportedRelationship(ctx, record, {
        id: `${eid}>shipment>${scopedId(ctx, s)}>${scopedId(ctx, r)}`,
        type: "SUPPLIED",
        start: scopedId(ctx, s),
        end: scopedId(ctx, r),
        validFrom: date,
        validTo: date,
        props: {
          goods,
          amount: number(props.customsAmount?.[0] ?? props.invoiceAmount?.[0], "customsAmount"),
          currency: currencyCode(props.currency?.[0], "currency"),
          via: (props.departureCountry ?? []).map((c) => c.toUpperCase()),
          note: `declaration ${eid}`,
          // Derived from the declaration node, not an FtM entity of its own: FtM export skips it.
          ftmEntityId: eid,
        },
      }),
    ),
  );
}
