import type { RelationshipType } from "../model/vocabulary.js";
import { countryFact, isoDate, referenceId, reportedRelationship, scopedId, type MapContext } from "./facts.js";
import { edgeFacts } from "./ftm-links.js";
import type { FtmSchema } from "./ftm-model.js";
import { nativeFacts } from "./ftm-native.js";
import { readFtmRecord, temporalExtent, type FtmRecord, type Props } from "./ftm-record.js";
import {
  CLASSIFICATION_PROPERTIES,
  DESCRIPTION_PROPERTIES,
  holderScheme,
  HOME_COUNTRY_PROPERTIES,
  isOwnName,
  nodeKind,
  referenceRule,
  SANCTION_LINK_PROPERTIES,
  stubType,
} from "./ftm-rules.js";
import { moneyOf, moneyProps } from "./money.js";
import {
  RecordError,
  type CountryFact,
  type EntityFact,
  type IdentifierFact,
  type InputRecord,
  type PropertyValue,
  type RecordFacts,
  type ReferentFact,
  type RelationshipFact,
  type StubFact,
} from "./types.js";

/**
 * Maps one FollowTheMoney entity `{id, schema, properties: {prop: [values]}}` to graph facts.
 * Validation (ftm-record.ts) uses the FtM model of FTM_VERSION; a property the model lacks is
 * kept as `ftm_<name>` and warned about, never a reject. Node schemata become :Entity nodes
 * (`ftmSchema`, `ftmId`, `topics`, every name and alias searchable, every property that is not a
 * reference as an `ftm_<prop>` list, names and aliases included, so FtM export gives them back
 * unchanged); an entity without a name is named by FtM's caption rule (the first value of the
 * schema's `caption` properties, else the schema's label: a Sanction by its `program`). Edge
 * schemata become relationships that keep `ftmId`, `ftmSchema` and every property as `ftm_<prop>`
 * (references as graph ids), with money by the rule of money.ts. Country and entity values become
 * relationships marked `ftmProperty` + `ftmEntityId` (the owning entity), which FtM export folds
 * back into that entity; an entity no record states becomes a stub typed by the property's range
 * (ftm-rules.ts stubType). Identifier properties (`innCode`, `leiCode`, …; a Passport's number,
 * for its holder) become identifiers; OpenSanctions' `referents`, `datasets`, `first_seen`,
 * `last_seen` and `target` are kept, each referent resolving to the entity. A line our export
 * wrote for a node or relationship no FtM import made is restored as it was (ftm-native.ts).
 * Every id must pass entityId (facts.ts); a link's start and end dates must make an interval; no
 * link, reference or shipment may join an entity to itself (the record is rejected whole, naming
 * the pair). Rules: src/import/ftm-rules.ts.
 * @throws RecordError UNKNOWN_SCHEMA, UNSUPPORTED_SCHEMA or INVALID_VALUE.
 */
export function mapFtmEntity(ctx: MapContext, record: InputRecord<Record<string, unknown>>): RecordFacts {
  const rec = readFtmRecord(record.value);
  const facts = rec.native ? nativeFacts(ctx, record, rec) : rec.schema.edge ? edgeFacts(ctx, record, rec) : nodeFacts(ctx, record, rec);
  return rec.warnings.length > 0 ? { ...facts, warnings: rec.warnings } : facts;
}

function nodeFacts(ctx: MapContext, record: InputRecord<unknown>, rec: FtmRecord): RecordFacts {
  const { schema, props } = rec;
  const kind = nodeKind(schema);
  if (!kind)
    throw new RecordError(
      "UNSUPPORTED_SCHEMA",
      `FtM schema ${schema.name} is valid but not imported (an annotation of documents or of matching, not an entity)`,
    );
  const eid = scopedId(ctx, rec.id);
  // `name` first: its first value is the entity's name, every other name of the entity an alias.
  const nameProps = [...schema.getProperties().values()].filter((p) => p.type === "name" && isOwnName(p.name)).map((p) => p.name);
  const names = [...new Set(["name", ...nameProps].flatMap((p) => props[p] ?? []))];
  // FtM's caption rule (followthemoney/proxy.py EntityProxy.caption): the first value of the
  // first caption property that has one, else the schema's label.
  const name = names[0] ?? schema.caption.map((p) => props[p]?.[0]).find((v) => v !== undefined) ?? schema.label;
  const countries: CountryFact[] = [];
  const rels: RelationshipFact[] = [];
  const stubs: StubFact[] = [];
  const identifiers: IdentifierFact[] = [];
  const extra: Record<string, PropertyValue> = {};
  for (const [prop, values] of Object.entries(props)) {
    const property = schema.getProperty(prop)!;
    if (property.type === "country") {
      for (const code of values) {
        const c = countryFact(code, prop);
        countries.push(c);
        const home = HOME_COUNTRY_PROPERTIES.has(prop);
        const relType: RelationshipType = !home ? "RELATED_TO" : kind === "Address" || kind === "Event" ? "LOCATED_IN" : "BASED_IN";
        const marks = { ftmProperty: prop, ftmEntityId: eid };
        rels.push(
          reportedRelationship(ctx, record, {
            id: `${eid}>${prop}>${c.id}`,
            type: relType,
            start: eid,
            end: c.id,
            props: home ? marks : { note: prop, ...marks },
          }),
        );
      }
    } else if (property.type === "entity") {
      rels.push(...referenceFacts(ctx, record, eid, schema, prop, values, props));
      stubs.push(...values.map((v) => ({ id: referenceId(ctx, v), ...stubType(property.range) })));
    } else if (prop !== "topics") {
      extra[`ftm_${prop}`] = values;
      if (property.type === "identifier" && !CLASSIFICATION_PROPERTIES.has(prop))
        identifiers.push(...values.map((value) => ({ entityId: eid, scheme: prop, value })));
    }
  }
  for (const [prop, values] of Object.entries(rec.unknown)) extra[`ftm_${prop}`] = values;
  if (schema.isA("Identification")) {
    const numbers = [...new Set([...(props.number ?? []), ...(props.passportNumber ?? [])])];
    for (const holder of props.holder ?? [])
      identifiers.push(...numbers.map((value) => ({ entityId: referenceId(ctx, holder), scheme: holderScheme(schema), value })));
  }
  if (schema.name === "EconomicActivity") rels.push(...shipmentFacts(ctx, record, eid, props));
  const description = DESCRIPTION_PROPERTIES.map((p) => props[p]?.[0]).find((v) => v !== undefined) ?? null;
  const home = [...HOME_COUNTRY_PROPERTIES].map((p) => props[p]?.[0]).find((v) => v !== undefined);
  const referents: ReferentFact[] = rec.os.referents.map((r) => ({ id: scopedId(ctx, r), canonicalId: eid })).filter((r) => r.id !== eid);
  const entity: EntityFact = {
    id: eid,
    name,
    kind,
    aliases: names.filter((n) => n !== name),
    topics: props.topics ?? [],
    ftmSchema: schema.name,
    // Only what the entity states: a null would remove the stored value (`n += props`), and an
    // FtM file naming an entity the graph has (a seed node such as `dji`, another dataset's
    // entity) without a description erased its description. FtM merges what sources state.
    // A Sanction, Event or other dated thing must not end before it starts, as a link must not.
    props: statedOnly({
      ...extra,
      ftmId: eid,
      description,
      country: home ? home.toUpperCase() : null,
      date: temporalExtent(schema, props).validFrom,
      ...(referents.length > 0 ? { referents: referents.map((r) => r.id) } : {}),
      ...(rec.os.datasets.length > 0 ? { datasets: rec.os.datasets } : {}),
      firstSeen: rec.os.firstSeen,
      lastSeen: rec.os.lastSeen,
      target: rec.os.target,
    }),
  };
  return { entities: [entity], countries, relationships: rels, publications: [], requiredIds: [], identifiers, stubs, referents };
}

/** `props` without its null values. */
function statedOnly(props: Record<string, PropertyValue>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
}

function referenceFacts(
  ctx: MapContext,
  record: InputRecord<unknown>,
  eid: string,
  schema: FtmSchema,
  prop: string,
  values: readonly string[],
  props: Props,
): RelationshipFact[] {
  const rule = referenceRule(schema, prop);
  const participation = schema.isA("Interval");
  // A sanction's or risk's program and authority ride on the hop into it.
  const linkProps = rule?.type === "SUBJECT_TO" ? Object.fromEntries(SANCTION_LINK_PROPERTIES.filter((p) => props[p]).map((p) => [`ftm_${p}`, props[p]!])) : {};
  return values.map((v) => {
    const other = referenceId(ctx, v);
    if (other === eid) throw new RecordError("INVALID_VALUE", `${prop}: ${JSON.stringify(v)} is the ${schema.name}'s own id; a reference joins two entities`);
    const type = rule?.type ?? (participation ? "PARTICIPATED_IN" : "RELATED_TO");
    const inward = rule ? rule.inward : participation;
    return reportedRelationship(ctx, record, {
      id: `${eid}>${prop}>${other}`,
      type,
      start: inward ? other : eid,
      end: inward ? eid : other,
      props: { note: prop, ftmProperty: prop, ftmEntityId: eid, ...linkProps },
    });
  });
}

/**
 * A customs declaration (EconomicActivity) also moves goods: SUPPLIED from each sender to each
 * receiver, so routes follow it (marked `ftmEntityId`, no `ftmProperty`). Its money by the rule of
 * money.ts: `customsAmount`, else `invoiceAmount`, without a currency (FtM 4's EconomicActivity
 * names none).
 */
function shipmentFacts(ctx: MapContext, record: InputRecord<unknown>, eid: string, props: Props): RelationshipFact[] {
  const goods = [...(props.vedCode ?? []).map((c) => `HS ${c}`), ...(props.goodsDescription ?? [])];
  const date = isoDate(props.startDate?.[0] ?? props.date?.[0], "startDate");
  const loop = (props.sender ?? []).find((s) => (props.receiver ?? []).includes(s));
  if (loop !== undefined)
    throw new RecordError("INVALID_VALUE", `EconomicActivity sender ${JSON.stringify(loop)} is also its receiver: a shipment moves goods between two entities`);
  const money = moneyOf({ amount: props.customsAmount?.[0] ?? props.invoiceAmount?.[0] }, { amount: "customsAmount" });
  return (props.sender ?? []).flatMap((s) =>
    (props.receiver ?? []).map((r) =>
      reportedRelationship(ctx, record, {
        id: `${eid}>shipment>${referenceId(ctx, s)}>${referenceId(ctx, r)}`,
        type: "SUPPLIED",
        start: referenceId(ctx, s),
        end: referenceId(ctx, r),
        validFrom: date,
        validTo: date,
        props: {
          goods,
          ...moneyProps(money),
          via: (props.departureCountry ?? []).map((c) => c.toUpperCase()),
          note: `declaration ${eid}`,
          // Derived from the declaration node, not an FtM entity of its own: FtM export skips it.
          ftmEntityId: eid,
        },
      }),
    ),
  );
}
