import type { EntityKind, RelationshipType } from "../model/vocabulary.js";
import type { FtmSchema } from "./ftm-model.js";

/**
 * How FtM edge schemata (those with an `edge` spec: source and target properties) become
 * relationships, from source to target. Edge schemata not listed become RELATED_TO with the
 * schema name in `note`. Payment moves money, so it is PAID, a flow type routes follow.
 */
export const EDGE_RELATIONSHIP_TYPES: Readonly<Record<string, RelationshipType>> = Object.freeze({
  Ownership: "OWNS",
  Directorship: "DIRECTS",
  Membership: "MEMBER_OF",
  Representation: "REPRESENTS",
  Payment: "PAID",
  UnknownLink: "RELATED_TO",
  Family: "FAMILY_OF",
  Associate: "ASSOCIATE_OF",
});

/**
 * Entity kinds for node schemata, most specific first: a schema gets the first kind it `isA`
 * (so Company → Company, PublicBody → PublicBody, LegalEntity → LegalEntity). Interval schemata
 * without an edge spec that join several entities (EconomicActivity, Sanction, Event) are nodes
 * too, linked to each entity they name. A schema matching none is rejected as UNSUPPORTED_SCHEMA.
 */
const NODE_KINDS: readonly EntityKind[] = [
  "Person",
  "PublicBody",
  "Company",
  "Organization",
  "Vessel",
  "Airplane",
  "Vehicle",
  "LegalEntity",
  "Address",
  "Sanction",
  "EconomicActivity",
  "Event",
  "Document",
];

/** The entity kind of a node schema, or undefined when the importer does not map it. */
export function nodeKind(schema: FtmSchema): EntityKind | undefined {
  return NODE_KINDS.find((kind) => schema.isA(kind));
}

/** Country properties that say where an entity is registered or lives: BASED_IN (LOCATED_IN for places and events). Other country properties become RELATED_TO with the property name in `note`. */
export const HOME_COUNTRY_PROPERTIES: ReadonlySet<string> = new Set(["country", "jurisdiction", "mainCountry", "nationality"]);

/** Entity properties of node schemata with a specific relationship; the rest are PARTICIPATED_IN (intervals) or RELATED_TO (things). */
export const REFERENCE_RELATIONSHIP_TYPES: Readonly<Record<string, { type: RelationshipType; inward: boolean }>> = Object.freeze({
  // The sanctioned entity falls under the Sanction node.
  "Sanction.entity": { type: "SUBJECT_TO", inward: true },
  "*.addressEntity": { type: "BASED_IN", inward: false },
  "*.parent": { type: "PART_OF", inward: false },
});

/** Properties holding the description of an entity, in order of preference. */
export const DESCRIPTION_PROPERTIES = ["description", "summary", "reason", "notes"] as const;
