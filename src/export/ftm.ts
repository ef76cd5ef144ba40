import type { Plain } from "../db/values.js";
import { toFtmId } from "../import/ftm-ids.js";
import type { FtmSchema } from "../import/ftm-model.js";
import { exportedEvidence } from "./attributes.js";
import { nativeEdgeToFtm, nativeNodeToFtm } from "./ftm-native.js";
import { kindSchema, schemaOr } from "./ftm-mapping.js";
import type { ExportEdge, ExportGraph, ExportNode, FtmReference } from "./types.js";

/** An FtM entity as one line of FtM JSONL: every property value is a list of strings. */
export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
  /** OpenSanctions' top-level fields, kept by an FtM import (src/import/ftm-record.ts). */
  readonly referents?: string[];
  readonly datasets?: string[];
  readonly first_seen?: string;
  readonly last_seen?: string;
  readonly target?: boolean;
  /** Our own keys: a top-level key FtM readers keep as context and otherwise ignore (as OpenSanctions' `datasets`). */
  readonly actorgraph?: Record<string, unknown>;
}

/**
 * FollowTheMoney 4 JSONL (https://followthemoney.tech/docs/), one entity per line, valid for the
 * FtM version of src/import/ftm-model.ts: entities first, then one interval entity per
 * relationship. Every id and reference is an FtM id (src/import/ftm-ids.ts toFtmId: valid ids as
 * they are, others such as `ns:x` or `party-ru-ооо` encoded reversibly), so FtM 4 drops none.
 * - An entity or link an FtM import stored whole (`ftmId`) comes back as it was read: its stored
 *   `ftm_` properties of the schema, topics, the references kept as relationships, OpenSanctions'
 *   `referents`, `datasets`, `first_seen`, `last_seen` and `target`, and in `actorgraph.properties`
 *   the properties the model does not know (a newer FtM's), which our import reads back.
 * - Any other node or relationship (the seed's, customs parties, claims, stubs) is written as the
 *   nearest FtM schema (ftm-mapping.ts) with `actorgraph.native`, which lets our import restore it
 *   exactly (src/import/ftm-native.ts): kinds FtM lacks (Product, Place, Regulation, Country),
 *   relationship types, status, confidence and stored properties.
 * Links carry type, confidence, status and evidence in `actorgraph`.
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
  if (typeof e.stored.ftmEntityId === "string") return false;
  return typeof e.stored.ftmId !== "string" || e.stored.ftmId === e.id;
}

const lines = (entities: readonly FtmEntity[]): string => entities.map((e) => `${JSON.stringify(e)}\n`).join("");

/** One entity as FtM (see {@link ftmChunks}). */
export function nodeToFtm(n: ExportNode): FtmEntity {
  if (typeof n.stored.ftmId !== "string" || n.stub) return nativeNodeToFtm(n);
  const schema = schemaOr(n.stored.ftmSchema, kindSchema(n.kind));
  const properties = withReferences(schema, storedProperties(schema, n.stored), n.ftmReferences ?? []);
  const s = n.stored;
  return {
    id: toFtmId(n.id),
    schema: schema.name,
    properties,
    ...(n.referents.length > 0 ? { referents: n.referents.map(toFtmId) } : {}),
    ...(n.datasets.length > 0 ? { datasets: [...n.datasets] } : {}),
    ...(typeof s.firstSeen === "string" ? { first_seen: s.firstSeen } : {}),
    ...(typeof s.lastSeen === "string" ? { last_seen: s.lastSeen } : {}),
    ...(typeof s.target === "boolean" ? { target: s.target } : {}),
    ...withUnknown(schema, s, {}),
  };
}

/** One relationship as an FtM interval entity (see {@link ftmChunks}). */
export function edgeToFtm(e: ExportEdge): FtmEntity {
  if (typeof e.stored.ftmId !== "string") return nativeEdgeToFtm(e);
  const schema = schemaOr(e.stored.ftmSchema, "UnknownLink");
  const actorgraph = { type: e.type, confidence: e.confidence, status: e.status, hedge: e.hedge, evidence: e.evidence.map(exportedEvidence) };
  return { id: toFtmId(e.id), schema: schema.name, properties: storedProperties(schema, e.stored), ...withUnknown(schema, e.stored, actorgraph) };
}

/** `actorgraph` with `properties`: the stored `ftm_<name>` lists the schema lacks, for our import to read back; omitted when empty and nothing else rides along. */
function withUnknown(
  schema: FtmSchema,
  stored: Readonly<Record<string, Plain>>,
  actorgraph: Record<string, unknown>,
): { actorgraph?: Record<string, unknown> } {
  const unknown: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(stored)) {
    const name = key.slice(4);
    const property = key.startsWith("ftm_") ? schema.getProperty(name) : undefined;
    if (key.startsWith("ftm_") && (!property || property.stub) && Array.isArray(value)) unknown[name] = value.map(String);
  }
  const out = Object.keys(unknown).length > 0 ? { ...actorgraph, properties: unknown } : actorgraph;
  return Object.keys(out).length > 0 ? { actorgraph: out } : {};
}

/** FtM references kept as relationships, added to `properties` (a country reference as the ISO code of `country-<iso2>`, an entity as its FtM id). */
function withReferences(schema: FtmSchema, properties: Record<string, string[]>, refs: readonly FtmReference[]): Record<string, string[]> {
  for (const { property, value } of refs) {
    const p = schema.getProperty(property);
    if (!p || p.stub) continue;
    const v = p.type === "country" ? value.replace(/^country-/, "") : toFtmId(value);
    const values = (properties[property] ??= []);
    if (!values.includes(v)) values.push(v);
  }
  return properties;
}

/**
 * The stored `ftm_<name>` lists that are properties of `schema` (not reverse ones, which FtM
 * refuses as input), as lists of strings; entity references as FtM ids. Topics are stored bare.
 */
function storedProperties(schema: FtmSchema, stored: Readonly<Record<string, Plain>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, property] of schema.getProperties()) {
    if (property.stub) continue;
    const value = stored[`ftm_${name}`] ?? (name === "topics" ? stored.topics : undefined);
    if (value === null || value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== null).map(String);
    if (values.length > 0) out[name] = property.type === "entity" ? values.map(toFtmId) : values;
  }
  return out;
}
