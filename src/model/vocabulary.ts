/**
 * The closed vocabularies of the graph model: entity kinds, relationship types and claim
 * statuses. Labels, relationship types and statuses reach Cypher only from these lists,
 * never from user text, so a query can name them without string concatenation of input.
 *
 * Kinds follow FollowTheMoney's schema names where one fits (Company, Organization, Person,
 * PublicBody, Event, Document, and from imports LegalEntity, Vessel, Airplane, Vehicle, Address,
 * Sanction, EconomicActivity, Asset, Position, Identification, Risk); the rest (Country, Product,
 * Place, Regulation) are ours, because FtM models countries and goods as property values rather
 * than entities, and Other holds any further FtM schema an import keeps (its `ftmSchema` says which).
 */

/** What an entity is. Stored as the `kind` property of every `:Entity` node. */
export const ENTITY_KINDS = [
  "Country",
  "Company",
  "Organization",
  "Person",
  "PublicBody",
  "Event",
  "Document",
  "Product",
  "Place",
  "Regulation",
  "LegalEntity",
  "Vessel",
  "Airplane",
  "Vehicle",
  "Address",
  "Sanction",
  "EconomicActivity",
  "Asset",
  "Position",
  "Identification",
  "Risk",
  "Other",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * How sure the source is of a claim, mapped from the source's own hedging.
 * The confidence each status implies is in {@link STATUS_CONFIDENCE}.
 */
export const CLAIM_STATUSES = ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * The status of a claim an editor retracted (retractClaim): stored as `r.status`, so every reader
 * that filters on `r.status IN $statuses` with a default of {@link CLAIM_STATUSES} (routes,
 * neighbourhoods, connections, exposure) leaves it out without a change to its query;
 * `includeRetracted: true` adds it to the list. The status before the retraction stays in
 * `r.assertedStatus` and in the claim's history. Not one of CLAIM_STATUSES on purpose.
 */
export const RETRACTED_STATUS = "RETRACTED";

/** Every status a stored claim may carry: the four of {@link CLAIM_STATUSES}, then RETRACTED. */
export const STORED_CLAIM_STATUSES = [...CLAIM_STATUSES, RETRACTED_STATUS] as const;
export type StoredClaimStatus = (typeof STORED_CLAIM_STATUSES)[number];

/**
 * Default confidence in [0, 1] per status, and the article wording that selects it.
 * Rule (ours, documented in README "Confidence mapping"): a claim the publication states
 * as fact or attributes to official data is REPORTED; "likely" is LIKELY; "there is a
 * possibility" / "may" is POSSIBLE; "difficult to confirm" / "difficult to identify" is
 * UNCONFIRMED. POSSIBLE is set below 0.8^4 so that a 4-hop route of reported claims
 * outranks a 1-hop possible one.
 */
export const STATUS_CONFIDENCE: Readonly<Record<ClaimStatus, number>> = Object.freeze({
  REPORTED: 0.8,
  LIKELY: 0.6,
  POSSIBLE: 0.3,
  UNCONFIRMED: 0.2,
});

/** A relationship type with whether routes in FLOW direction follow it. */
export interface RelationshipTypeInfo {
  /** True when goods or money move from the start node to the end node. */
  readonly flow: boolean;
  /**
   * True for links about who reported what (provenance), not about what happened. Routes with
   * direction ANY skip them unless `relationshipTypes` names them, so "Xi → … → The Insider →
   * The New York Times → Biden" is not offered as a connection.
   */
  readonly provenance?: boolean;
  /** One line for the schema docs and the README. */
  readonly description: string;
}

/**
 * The allow-list of relationship types. FLOW routes follow only types with `flow: true`,
 * in their stored direction; ANY routes follow every type in both directions.
 */
export const RELATIONSHIP_TYPES = Object.freeze({
  SUPPLIED: { flow: true, description: "Goods moved from the start node to the end node (seller, exporter or transit point to buyer)." },
  DEPLOYED_TO: { flow: true, description: "Goods ended up in use at the end node (for example drones on the front lines)." },
  FINANCED: { flow: true, description: "Money from the start node funds the end node." },
  PAID: { flow: true, description: "A payment from the start node to the end node." },
  PRODUCES: { flow: false, description: "The start node manufactures the product at the end node." },
  PART_OF: { flow: false, description: "The start node is a member or component of the end node." },
  BASED_IN: { flow: false, description: "The start node is registered or located in the end node." },
  LOCATED_IN: { flow: false, description: "The start node (a place or event) lies in the end node." },
  BUYS: { flow: false, description: "The start node buys the product at the end node." },
  MAY_CONTAIN: { flow: false, description: "The start product may include the end node's technology or components." },
  SUBJECT_TO: { flow: false, description: "The start node falls under the regulation at the end node." },
  MAY_VIOLATE: { flow: false, description: "The start node may be in breach of the regulation at the end node." },
  THREATENED_ACTION_AGAINST: { flow: false, description: "The start node promised to punish or sanction the end node." },
  LEADS: { flow: false, description: "The start person heads the end body." },
  GOVERNS: { flow: false, description: "The start body is the government of the end country." },
  SUPPORTS: { flow: false, description: "The start node gives military, diplomatic or economic support to the end node." },
  PARTY_TO: { flow: false, description: "The start node is a party to the end event (a war, a conflict)." },
  PARTICIPATED_IN: { flow: false, description: "The start node took part in the end event." },
  SIGNED: { flow: false, description: "The start node signed the end document." },
  ADOPTED_AT: { flow: false, description: "The start document was signed or adopted at the end event." },
  PROPOSED: { flow: false, description: "The start node put forward the end document or plan." },
  COMMENTED_ON: { flow: false, description: "The start node made a public remark about the end node." },
  CONCERNS: { flow: false, description: "The start document or plan is about the end node." },
  REPORTED_ON: { flow: false, provenance: true, description: "The start publisher reported on the end node (provenance; skipped by ANY routes unless named)." },
  RELATED_TO: { flow: false, description: "Any other link a source asserts between two entities." },
  OWNS: { flow: false, description: "The start node owns shares or assets of the end node (FtM Ownership)." },
  DIRECTS: { flow: false, description: "The start node is a director or officer of the end node (FtM Directorship)." },
  MEMBER_OF: { flow: false, description: "The start node is a member of the end organization (FtM Membership)." },
  REPRESENTS: { flow: false, description: "The start node acts as agent for the end node (FtM Representation)." },
  FAMILY_OF: { flow: false, description: "The start person is a relative of the end person (FtM Family)." },
  ASSOCIATE_OF: { flow: false, description: "The start person is an associate of the end person (FtM Associate)." },
  CONTROLS: { flow: false, description: "The start node controls the end node other than by ownership (FtM Control)." },
  SUCCEEDED_BY: { flow: false, description: "The end node succeeded the start node: a merger, a renaming, a takeover (FtM Succession)." },
  EMPLOYED_BY: { flow: false, description: "The start person works for the end node (FtM Employment)." },
  OWES: { flow: false, description: "The start node owes the end node a debt (FtM Debt)." },
} satisfies Record<string, RelationshipTypeInfo>);
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** Every allowed relationship type, in declaration order. */
export const RELATIONSHIP_TYPE_NAMES = Object.freeze(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]);

/** The relationship types that FLOW routes follow. */
export const FLOW_RELATIONSHIP_TYPES = Object.freeze(
  RELATIONSHIP_TYPE_NAMES.filter((t) => RELATIONSHIP_TYPES[t].flow),
);

/** The relationship types that ANY routes follow by default: every type but the provenance ones. */
export const CONNECTION_RELATIONSHIP_TYPES = Object.freeze(
  RELATIONSHIP_TYPE_NAMES.filter((t) => !(RELATIONSHIP_TYPES[t] as RelationshipTypeInfo).provenance),
);

/** Type guard for the relationship-type allow-list. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, value);
}
