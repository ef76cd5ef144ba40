import { defaultModel, Model, type Schema } from "@alephdata/followthemoney";
import type { Plain } from "../db/values.js";
import { exportedEvidence } from "./attributes.js";
import { KIND_SCHEMA, TYPE_LINK, UNKNOWN_LINK } from "./ftm-mapping.js";
import type { ExportEdge, ExportGraph, ExportNode, FtmReference } from "./types.js";

/** An FtM entity as one line of FtM JSONL: every property value is a list of strings. */
export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
  /** Our provenance, on relationships: a top-level key FtM readers ignore (as OpenSanctions' `datasets`). */
  readonly actorgraph?: Record<string, unknown>;
}

const model = new Model(defaultModel);

/** Properties of our own model (src/services/views.ts), mapped explicitly rather than copied: some share an FtM name with another meaning (`status`). */
const OWN_NODE_PROPERTIES = new Set(["id", "name", "kind", "aliases", "description", "unidentified", "country", "date"]);
const OWN_EDGE_PROPERTIES = new Set(["id", "type", "start", "end", "confidence", "status", "validFrom", "validTo", "amount", "currency", "goods", "hedge", "note"]);

/**
 * FollowTheMoney JSONL (https://followthemoney.tech/docs/), one entity per line: entities first
 * (schema from ftm-mapping.ts, or the schema the importer stored), then one interval entity per
 * relationship (EconomicActivity sender → receiver, Payment payer → beneficiary, …) whose
 * top-level `actorgraph` key carries type, confidence, status and evidence.
 *
 * Store-what-you-need: a node or relationship property named like a property of the FtM schema,
 * bare or as the FtM importer stores it (`ftm_registrationNumber`, `topics`, `ftm_vedCode`, …),
 * is exported under the FtM name, so what an FtM import kept comes back out unchanged.
 */
export async function* ftmChunks(graph: ExportGraph): AsyncIterable<string> {
  for await (const page of graph.nodes()) yield lines(page.map(nodeToFtm));
  for await (const page of graph.edges()) yield lines(page.filter(isFtmEntityEdge).map(edgeToFtm));
}

/**
 * False for relationships that are no FtM entity of their own: a property value of an FtM
 * import's entity (`ftmEntityId`; folded back into that entity by {@link nodeToFtm}) and the
 * extra relationships of a link with several sources or targets (`ftmId` names the first).
 */
export function isFtmEntityEdge(e: ExportEdge): boolean {
  if (typeof e.properties.ftmEntityId === "string") return false;
  return typeof e.properties.ftmId !== "string" || e.properties.ftmId === e.id;
}

const lines = (entities: readonly FtmEntity[]): string => entities.map((e) => `${JSON.stringify(e)}\n`).join("");

/**
 * One entity as FtM. An entity an FtM import stored whole (`ftmId`) comes back as it was read:
 * its stored `ftm_` properties and topics, plus the references kept as relationships
 * (`n.ftmReferences`; countries as ISO codes), and nothing derived from our own model.
 */
export function nodeToFtm(n: ExportNode): FtmEntity {
  const schema = schemaOr(n.properties.ftmSchema, KIND_SCHEMA[n.kind] ?? "LegalEntity");
  const properties = storedProperties(schema, n.properties, OWN_NODE_PROPERTIES);
  if (typeof n.properties.ftmId === "string") return { id: n.id, schema: schema.name, properties: withReferences(schema, properties, n.ftmReferences ?? []) };
  const fromFtm = typeof n.properties.ftmSchema === "string";
  if (!(fromFtm && nameWasDerived(schema, n, properties))) properties.name ??= [n.name];
  if (n.aliases.length > 0) properties.alias ??= [...n.aliases];
  if (n.country && has(schema, "country")) properties.country ??= [n.country.toLowerCase()];
  // An FtM import keeps description and date sources as ftm_ properties; deriving them again would add properties the input lacked.
  if (!fromFtm) {
    if (n.description) properties.description ??= [n.description];
    if (n.date && has(schema, "date")) properties.date ??= [n.date];
  }
  return { id: n.id, schema: schema.name, properties };
}

/**
 * One relationship as an FtM interval entity. A link an FtM import stored whole (`ftmId`) comes
 * back with exactly its stored `ftm_` properties, references included.
 */
export function edgeToFtm(e: ExportEdge): FtmEntity {
  const link = TYPE_LINK[e.type] ?? UNKNOWN_LINK;
  const schema = schemaOr(e.properties.ftmSchema, link.schema);
  const whole = typeof e.properties.ftmId === "string";
  const properties = storedProperties(schema, e.properties, OWN_EDGE_PROPERTIES, whole);
  const actorgraph = { type: e.type, confidence: e.confidence, status: e.status, hedge: e.hedge, evidence: e.evidence.map(exportedEvidence) };
  if (whole) return { id: e.id, schema: schema.name, properties, actorgraph };
  const ends = TYPE_LINK[e.type]?.schema === schema.name || schema.name === UNKNOWN_LINK.schema ? link : (endsOf(schema) ?? link);
  properties[ends.from] = [e.from.id];
  properties[ends.to] = [e.to.id];
  if (schema.name === UNKNOWN_LINK.schema) properties.role ??= [e.type];
  if (e.validFrom) properties.startDate ??= [e.validFrom];
  if (e.validTo) properties.endDate ??= [e.validTo];
  if (e.amount !== null) {
    const amountProperty = has(schema, "amount") ? "amount" : has(schema, "customsAmount") ? "customsAmount" : null;
    if (amountProperty) properties[amountProperty] ??= [String(e.amount)];
  }
  if (e.currency && has(schema, "currency")) properties.currency ??= [e.currency.toLowerCase()];
  if (e.goods.length > 0 && has(schema, "goodsDescription")) properties.goodsDescription ??= [...e.goods];
  return {
    id: e.id,
    schema: schema.name,
    properties,
    actorgraph,
  };
}

/**
 * True when an FtM import named a nameless entity (an Address, a declaration) after its caption
 * property or its id (src/import/ftm-mapper.ts): that name is no FtM `name` of the input.
 */
function nameWasDerived(schema: Schema, n: ExportNode, properties: Record<string, string[]>): boolean {
  if (n.aliases.length > 0) return false;
  if (n.id === n.name || n.id.endsWith(`:${n.name}`)) return true;
  return schema.caption.some((p) => p !== "name" && properties[p]?.[0] === n.name);
}

function schemaOr(stored: Plain | undefined, fallback: string): Schema {
  const name = typeof stored === "string" && model.schemata[stored] ? stored : fallback;
  return model.getSchema(name);
}

function has(schema: Schema, property: string): boolean {
  return schema.getProperties().has(property);
}

/** FtM references kept as relationships, added to `properties` (a country reference as the ISO code of `country-<iso2>`). */
function withReferences(schema: Schema, properties: Record<string, string[]>, refs: readonly FtmReference[]): Record<string, string[]> {
  for (const { property, value } of refs) {
    if (!has(schema, property)) continue;
    const v = schema.getProperty(property).type.name === "country" ? value.replace(/^country-/, "") : value;
    const values = (properties[property] ??= []);
    if (!values.includes(v)) values.push(v);
  }
  return properties;
}

/**
 * The stored properties that are properties of `schema`, as lists of strings. Entity-valued ones
 * are set from the graph, unless `withEntities` (a link an FtM import stored whole keeps them).
 */
function storedProperties(schema: Schema, stored: Readonly<Record<string, Plain>>, own: ReadonlySet<string>, withEntities = false): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, property] of schema.getProperties()) {
    // The FtM importer keeps FtM properties as `ftm_<name>` (src/import/ftm-mapper.ts); other stores use the bare name.
    const value = stored[`ftm_${name}`] ?? (own.has(name) ? undefined : stored[name]);
    if (value === null || value === undefined || (property.type.name === "entity" && !withEntities)) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== null).map(String);
    if (values.length > 0) out[name] = values;
  }
  return out;
}

/** The two entity-valued properties of a link schema with `edge` source/target (FtM's own edge spec). */
function endsOf(schema: Schema): { from: string; to: string } | null {
  const edge = (schema as unknown as { edge?: { source?: string; target?: string } }).edge;
  return edge?.source && edge.target ? { from: edge.source, to: edge.target } : null;
}
