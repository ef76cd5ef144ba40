import type { EntityKind, RelationshipType } from "../model/vocabulary.js";
import { findSchema, type FtmSchema } from "./ftm-model.js";

/**
 * How FtM edge schemata (those with an `edge` spec: source and target properties) become
 * relationships, from source to target: every FtM 4 link schema that joins two entities. Edge
 * schemata not listed (Occupancy, CourtCaseParty, ProjectParticipant, ContractAward,
 * Documentation) become RELATED_TO with the schema name in `note`. Payment moves money, so it is
 * PAID, a flow type routes follow; a Debt is an obligation, not a flow.
 */
export const EDGE_RELATIONSHIP_TYPES: Readonly<Record<string, RelationshipType>> = Object.freeze({
  Ownership: "OWNS",
  Directorship: "DIRECTS",
  Control: "CONTROLS",
  Succession: "SUCCEEDED_BY",
  Representation: "REPRESENTS",
  Employment: "EMPLOYED_BY",
  Membership: "MEMBER_OF",
  Family: "FAMILY_OF",
  Associate: "ASSOCIATE_OF",
  UnknownLink: "RELATED_TO",
  Payment: "PAID",
  Debt: "OWES",
});

/**
 * Entity kinds for node schemata, most specific first: a schema gets the first kind it `isA`
 * (so Company → Company, though a Company is an Asset in FtM 4; Passport → Identification).
 * Interval schemata without an edge spec that join several entities (EconomicActivity, Sanction,
 * Risk, Event, Identification) are nodes too, linked to each entity they name. Any other concrete
 * schema that is a Thing or an Interval (CourtCase, Project, Territory, CryptoWallet, TaxRoll, …)
 * is kind Other, its `ftmSchema` saying which; Mention, Page and Similar (annotations of
 * documents and of matching, not entities) are refused as UNSUPPORTED_SCHEMA.
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
  "Risk",
  "EconomicActivity",
  "Identification",
  "Event",
  "Document",
  "Position",
  "Asset",
];

/** The entity kind of a node schema, or undefined when the importer does not map it. */
export function nodeKind(schema: FtmSchema): EntityKind | undefined {
  return NODE_KINDS.find((kind) => schema.isA(kind)) ?? (schema.isA("Thing") || schema.isA("Interval") ? "Other" : undefined);
}

/**
 * The kind and FtM schema of a stub made for an entity that a property references but no record
 * states (yet): the property's range when it is a concrete schema the importer maps
 * (`addressEntity` → Address, `Ownership.asset` → Asset, `Payment.payer` → LegalEntity); a
 * LegalEntity for an abstract range that LegalEntity extends (`Sanction.entity`: Thing), since
 * FtM cannot hold an abstract schema.
 */
export function stubType(range: string | null): { kind: EntityKind; ftmSchema: string | null } {
  const schema = range ? findSchema(range) : undefined;
  if (schema && !schema.abstract) {
    const kind = nodeKind(schema);
    if (kind) return { kind, ftmSchema: schema.name };
  }
  return { kind: "LegalEntity", ftmSchema: range && findSchema("LegalEntity")!.isA(range) ? "LegalEntity" : null };
}

/** Country properties that say where an entity is registered or lives: BASED_IN (LOCATED_IN for places and events). Other country properties become RELATED_TO with the property name in `note`. */
export const HOME_COUNTRY_PROPERTIES: ReadonlySet<string> = new Set(["country", "jurisdiction", "mainCountry", "nationality"]);

/**
 * Entity properties of node schemata with a specific relationship, by `Schema.property` (a
 * schema's ancestors count: `Identification.holder` holds for a Passport) or `*.property`; the
 * rest are PARTICIPATED_IN (intervals) or RELATED_TO (things). `inward`: from the referenced
 * entity to the record's (the sanctioned entity falls under the Sanction node).
 */
const REFERENCE_RELATIONSHIP_TYPES: Readonly<Record<string, { type: RelationshipType; inward: boolean }>> = Object.freeze({
  "Sanction.entity": { type: "SUBJECT_TO", inward: true },
  "Risk.entity": { type: "SUBJECT_TO", inward: true },
  // The holder of a passport or ID card, linked to the document (its number is also an identifier of the holder).
  "Identification.holder": { type: "RELATED_TO", inward: true },
  "*.addressEntity": { type: "BASED_IN", inward: false },
  "*.parent": { type: "PART_OF", inward: false },
});

/** The rule for references of `schema.prop`, or undefined ({@link REFERENCE_RELATIONSHIP_TYPES}). */
export function referenceRule(schema: FtmSchema, prop: string): { type: RelationshipType; inward: boolean } | undefined {
  for (const [key, rule] of Object.entries(REFERENCE_RELATIONSHIP_TYPES)) {
    const [owner, name] = key.split(".");
    if (name === prop && owner !== "*" && schema.isA(owner!)) return rule;
  }
  return REFERENCE_RELATIONSHIP_TYPES[`*.${prop}`];
}

/**
 * Properties of a Sanction or Risk copied onto the SUBJECT_TO relationship its `entity` makes
 * (as `ftm_<name>`), so a hop into a sanction shows its program and authority.
 */
export const SANCTION_LINK_PROPERTIES = ["program", "programId", "authority", "reason", "listingDate", "status"] as const;

/**
 * Identifier properties that classify rather than identify (an HS code, a CPV or NUTS code, an
 * economic activity code): not entity identifiers, though FtM types them `identifier`.
 */
export const CLASSIFICATION_PROPERTIES: ReadonlySet<string> = new Set(["vedCode", "cpvCode", "nutsCode", "okvedCode", "zipCode", "fipsCode"]);

/**
 * The scheme under which an Identification's or a Passport's number becomes an identifier of its
 * holder: the holder's own FtM property for it (LegalEntity `idNumber`, Person `passportNumber`).
 */
export function holderScheme(schema: FtmSchema): string {
  return schema.isA("Passport") ? "passportNumber" : "idNumber";
}

/** Properties holding the description of an entity, in order of preference. */
export const DESCRIPTION_PROPERTIES = ["description", "summary", "reason", "notes"] as const;

/** Name-typed properties that are not names of the entity itself (`namesMentioned` of a document or interval). */
export function isOwnName(prop: string): boolean {
  return !prop.endsWith("Mentioned");
}
