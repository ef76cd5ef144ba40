import type { Plain } from "../db/values.js";
import { toFtmId } from "../import/ftm-ids.js";
import { countryName } from "../import/ftm-model.js";
import { exportedEvidence } from "./attributes.js";
import type { FtmEntity } from "./ftm.js";
import { kindSchema, schemaOr, TYPE_LINK, UNKNOWN_LINK } from "./ftm-mapping.js";
import type { ExportEdge, ExportNode } from "./types.js";
import { RELATIONSHIP_STATE_FIELDS } from "../model/relationship-fields.js";

/**
 * Keys the export writes in its own fields, or that the import computes: not repeated in
 * `actorgraph.props` (src/import/ftm-native.ts OWN_KEYS lists what it never restores).
 */
const NODE_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "name",
  "kind",
  "aliases",
  "topics",
  "description",
  "unidentified",
  "country",
  "date",
  "placeholder",
  "importNamespace",
  "latinNames",
  "nameKey",
  "aliasKeys",
  "identifiers",
  "identifierKeys",
  "ftmSchema",
]);
const EDGE_FIELDS: ReadonlySet<string> = new Set(["id", "type", "start", "end", ...RELATIONSHIP_STATE_FIELDS]);

/** Stored properties as JSON values, `skip` left out. */
function props(stored: Readonly<Record<string, Plain>>, skip: ReadonlySet<string>): Record<string, Plain> {
  return Object.fromEntries(Object.entries(stored).filter(([k, v]) => !skip.has(k) && v !== null));
}

/**
 * A node no FtM import stated whole (the seed's, a customs party, a stub) as the nearest FtM
 * schema (ftm-mapping.ts KIND_SCHEMA; a stub keeps the schema its reference gave it) with its
 * name, aliases, country, description and date as FtM properties, and `actorgraph.native` holding
 * what FtM cannot (the kind, `unidentified`, other stored properties), so our import restores
 * the node exactly. A stub has no FtM property: it is only named, by its id.
 */
export function nativeNodeToFtm(n: ExportNode): FtmEntity {
  const schema = schemaOr(n.stored.ftmSchema, kindSchema(n.kind));
  const id = toFtmId(n.id);
  if (n.stub) {
    return {
      id,
      schema: schema.name,
      properties: {},
      actorgraph: { native: true, stub: true, kind: n.kind, ...(typeof n.stored.ftmSchema === "string" ? { ftmSchema: n.stored.ftmSchema } : {}) },
    };
  }
  const properties: Record<string, string[]> = { name: [n.name] };
  const has = (p: string) => schema.hasProperty(p);
  if (n.aliases.length > 0 && has("alias")) properties.alias = [...n.aliases];
  const country = n.country?.toLowerCase();
  if (country && countryName(country) && has("country")) properties.country = [country];
  if (n.description && has("description")) properties.description = [n.description];
  if (n.date && has("date")) properties.date = [n.date];
  const actorgraph = {
    native: true,
    kind: n.kind,
    name: n.name,
    aliases: n.aliases,
    description: n.description,
    unidentified: n.unidentified,
    country: n.country,
    date: n.date,
    topics: n.topics,
    props: props(n.stored, NODE_FIELDS),
  };
  // An entity of several records (entity resolution, src/export/cluster-graph.ts) names the records it merged, as OpenSanctions does.
  return { id, schema: schema.name, properties, ...(n.referents.length > 0 ? { referents: n.referents.map(toFtmId) } : {}), actorgraph };
}

/**
 * A relationship no FtM import stated (a claim, a customs shipment) as an FtM interval: SUPPLIED
 * an EconomicActivity sender → receiver, PAID and FINANCED a Payment payer → beneficiary, OWNS
 * an Ownership, …, any other type an UnknownLink subject → object with `role` = type
 * (ftm-mapping.ts TYPE_LINK), dates, amount, currency and goods as FtM properties, and
 * `actorgraph.native` with its type, status, confidence, dates and stored properties, from which
 * our import restores it exactly; `actorgraph.evidence` lists its evidence.
 */
export function nativeEdgeToFtm(e: ExportEdge): FtmEntity {
  const link = TYPE_LINK[e.type] ?? UNKNOWN_LINK;
  const schema = schemaOr(link.schema, UNKNOWN_LINK.schema);
  const has = (p: string) => schema.hasProperty(p);
  const properties: Record<string, string[]> = { [link.from]: [toFtmId(e.from.id)], [link.to]: [toFtmId(e.to.id)] };
  if (link === UNKNOWN_LINK) properties.role = [e.type];
  if (e.validFrom) properties.startDate = [e.validFrom];
  if (e.validTo) properties.endDate = [e.validTo];
  if (e.amount !== null) {
    const amountProperty = has("amount") ? "amount" : has("customsAmount") ? "customsAmount" : null;
    if (amountProperty) properties[amountProperty] = [String(e.amount)];
  }
  if (e.currency && has("currency")) properties.currency = [e.currency];
  if (e.goods.length > 0 && has("goodsDescription")) properties.goodsDescription = [...e.goods];
  const actorgraph = {
    native: true,
    type: e.type,
    confidence: e.confidence,
    status: e.status,
    hedge: e.hedge,
    validFrom: e.validFrom,
    validTo: e.validTo,
    props: props(e.stored, EDGE_FIELDS),
    evidence: e.evidence.map(exportedEvidence),
  };
  return { id: toFtmId(e.id), schema: schema.name, properties, actorgraph };
}
