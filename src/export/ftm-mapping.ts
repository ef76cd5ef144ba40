import type { RelationshipType } from "../model/vocabulary.js";

/**
 * How our model maps onto FollowTheMoney (https://followthemoney.tech/explorer/schemata/).
 * Entities keep their FtM schema where our kind is one (src/model/vocabulary.ts); the kinds FtM
 * models as property values or not at all become the nearest concrete schema. Relationships
 * become FtM interval entities with the start node in `from` and the end node in `to`.
 */

/** FtM schema of each entity kind. */
export const KIND_SCHEMA: Readonly<Record<string, string>> = Object.freeze({
  Company: "Company",
  Organization: "Organization",
  Person: "Person",
  PublicBody: "PublicBody",
  Event: "Event",
  Document: "Document",
  Place: "Address",
  // FtM has countries only as a property type; a country that buys or ships goods is a party.
  Country: "LegalEntity",
  Product: "Asset",
  Regulation: "Document",
});

/** An FtM link schema and the properties naming its two ends. */
export interface FtmLink {
  readonly schema: string;
  readonly from: string;
  readonly to: string;
}

/** The interval schema per relationship type; any other type becomes an UnknownLink with `role` = type. */
export const TYPE_LINK: Readonly<Partial<Record<RelationshipType | string, FtmLink>>> = Object.freeze({
  SUPPLIED: { schema: "EconomicActivity", from: "sender", to: "receiver" },
  PAID: { schema: "Payment", from: "payer", to: "beneficiary" },
  FINANCED: { schema: "Payment", from: "payer", to: "beneficiary" },
  PART_OF: { schema: "Membership", from: "member", to: "organization" },
  LEADS: { schema: "Directorship", from: "director", to: "organization" },
  OWNS: { schema: "Ownership", from: "owner", to: "asset" },
  REPRESENTS: { schema: "Representation", from: "agent", to: "client" },
});

/** The fallback link for every other relationship type. */
export const UNKNOWN_LINK: FtmLink = Object.freeze({ schema: "UnknownLink", from: "subject", to: "object" });
