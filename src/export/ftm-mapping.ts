import type { Plain } from "../db/values.js";
import { findSchema, type FtmSchema } from "../import/ftm-model.js";

/**
 * How our model maps onto FollowTheMoney (https://followthemoney.tech/explorer/schemata/).
 * Entities keep their FtM schema where our kind is one (src/model/vocabulary.ts); the kinds FtM
 * models as property values or not at all become the nearest concrete schema. Relationships
 * become FtM interval entities with the start node in `from` and the end node in `to`.
 */

/**
 * FtM schema of each entity kind that is no FtM schema itself (the others, Company, Person,
 * Vessel, Sanction, …, are their own schema; {@link kindSchema}). Our import restores the kind
 * from the line's `actorgraph.kind` (src/import/ftm-native.ts).
 */
export const KIND_SCHEMA: Readonly<Record<string, string>> = Object.freeze({
  Place: "Address",
  // FtM has countries only as a property type; a country that buys or ships goods is a party.
  Country: "LegalEntity",
  Product: "Asset",
  Regulation: "Document",
  Other: "LegalEntity",
});

/** The FtM schema name for an entity kind: {@link KIND_SCHEMA}, the kind itself when FtM has that schema, else LegalEntity. */
export function kindSchema(kind: string): string {
  return KIND_SCHEMA[kind] ?? (findSchema(kind) && !findSchema(kind)!.abstract ? kind : "LegalEntity");
}

/** The schema named `stored` when the model has it and it is concrete, else the schema named `fallback`. */
export function schemaOr(stored: Plain | undefined, fallback: string): FtmSchema {
  const named = typeof stored === "string" ? findSchema(stored) : undefined;
  return named && !named.abstract ? named : findSchema(fallback)!;
}

/** An FtM link schema and the properties naming its two ends. */
export interface FtmLink {
  readonly schema: string;
  readonly from: string;
  readonly to: string;
}

/** The interval schema per relationship type; any other type becomes an UnknownLink with `role` = type. */
export const TYPE_LINK: Readonly<Partial<Record<string, FtmLink>>> = Object.freeze({
  SUPPLIED: { schema: "EconomicActivity", from: "sender", to: "receiver" },
  PAID: { schema: "Payment", from: "payer", to: "beneficiary" },
  FINANCED: { schema: "Payment", from: "payer", to: "beneficiary" },
  PART_OF: { schema: "Membership", from: "member", to: "organization" },
  LEADS: { schema: "Directorship", from: "director", to: "organization" },
  DIRECTS: { schema: "Directorship", from: "director", to: "organization" },
  MEMBER_OF: { schema: "Membership", from: "member", to: "organization" },
  OWNS: { schema: "Ownership", from: "owner", to: "asset" },
  CONTROLS: { schema: "Control", from: "controller", to: "controlled" },
  SUCCEEDED_BY: { schema: "Succession", from: "predecessor", to: "successor" },
  REPRESENTS: { schema: "Representation", from: "agent", to: "client" },
  EMPLOYED_BY: { schema: "Employment", from: "employee", to: "employer" },
  FAMILY_OF: { schema: "Family", from: "person", to: "relative" },
  ASSOCIATE_OF: { schema: "Associate", from: "person", to: "associate" },
  OWES: { schema: "Debt", from: "debtor", to: "creditor" },
});

/** The fallback link for every other relationship type. */
export const UNKNOWN_LINK: FtmLink = Object.freeze({ schema: "UnknownLink", from: "subject", to: "object" });
