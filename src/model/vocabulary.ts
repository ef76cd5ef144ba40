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

/**
 * Relationship properties the API's claim mutations own (src/services/claim.service.ts): an
 * editor's judgement, the version and who changed what. An import never writes them over a claim
 * an editor changed (version > 1), nor its status and confidence (import-merge-relationships.cypher),
 * so re-importing a file, or an old export of the graph, undoes no retraction or corroboration.
 * Into a claim no editor changed they are restored as any stored property (an export re-imported).
 */
export const EDITOR_PROPERTIES: readonly string[] = [
  "version",
  "assertedStatus",
  "baseConfidence",
  "warnings",
  "evidenceRoles",
  "evidenceNotes",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
  "retractedAt",
  "retractedBy",
  "retractionReason",
];

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
export const FLOW_RELATIONSHIP_TYPES = Object.freeze(RELATIONSHIP_TYPE_NAMES.filter((t) => RELATIONSHIP_TYPES[t].flow));

/** The relationship types that ANY routes follow by default: every type but the provenance ones. */
export const CONNECTION_RELATIONSHIP_TYPES = Object.freeze(RELATIONSHIP_TYPE_NAMES.filter((t) => !(RELATIONSHIP_TYPES[t] as RelationshipTypeInfo).provenance));

/**
 * What a relationship type is to a route search:
 * - `flow`: goods or money move along it; FLOW routes follow it in its stored direction, ANY routes both ways.
 * - `connection`: it links two actors, things or events; ANY routes follow it both ways.
 * - `context`: it places an entity (where it is registered, lives or happens) rather than
 *   connecting it. It shows on the entity (`Entity.countries`, `Entity.addresses`) and in
 *   neighbourhoods, but routes and `connections` walk it only when `relationshipTypes` names it
 *   or, with direction ANY, when it touches an entity named in `via`. Thousands of companies
 *   registered in one country are not connected to each other by that fact.
 * - `provenance`: who reported on what; walked only when `relationshipTypes` names it.
 */
export type RouteRole = "flow" | "connection" | "context" | "provenance";

/**
 * The route role of every relationship type, with a line of why. Classified by type, not by
 * the import property that produced it, so the rule holds whatever writes the relationship.
 */
export const ROUTE_ROLES = Object.freeze({
  SUPPLIED: {
    role: "flow",
    why: "Goods move from seller to buyer; the seed's transit countries (Belarus, Kazakhstan, Pakistan) are links in such a flow, not where someone is registered.",
  },
  DEPLOYED_TO: { role: "flow", why: "Goods move to where they are used." },
  FINANCED: { role: "flow", why: "Money moves from funder to funded." },
  PAID: { role: "flow", why: "Money moves from payer to payee." },
  PRODUCES: { role: "connection", why: "Ties a maker to what it makes: a real link between actor and product." },
  PART_OF: { role: "connection", why: "Membership or composition ties two entities together." },
  BASED_IN: {
    role: "context",
    why: "Registration, residence, jurisdiction or nationality (FtM country, jurisdiction, nationality, addressEntity) places an entity; two companies registered in Russia are not connected by it.",
  },
  LOCATED_IN: { role: "context", why: "Where a place or event lies places it; it connects nothing by itself." },
  BUYS: { role: "connection", why: "A buyer is tied to the product it buys." },
  MAY_CONTAIN: { role: "connection", why: "A product is tied to the components or technology it may contain." },
  SUBJECT_TO: { role: "connection", why: "Ties an entity to the regulation or sanction it falls under." },
  MAY_VIOLATE: { role: "connection", why: "Ties an entity to the regulation it may breach." },
  THREATENED_ACTION_AGAINST: { role: "connection", why: "A threat ties the threatening party to its target." },
  LEADS: { role: "connection", why: "A leader is tied to the body it heads." },
  GOVERNS: { role: "connection", why: "A government acts for its country: an actor's link, not a registration." },
  SUPPORTS: { role: "connection", why: "Support ties the supporter to the supported." },
  PARTY_TO: { role: "connection", why: "A party is tied to the war or conflict it takes part in." },
  PARTICIPATED_IN: { role: "connection", why: "Participants of one event (a meeting) are connected through it." },
  SIGNED: { role: "connection", why: "Signatories are tied to the document they signed." },
  ADOPTED_AT: { role: "connection", why: "A document is tied to the event that adopted it." },
  PROPOSED: { role: "connection", why: "A proposer is tied to its proposal." },
  COMMENTED_ON: { role: "connection", why: "A public remark ties the speaker to its subject." },
  CONCERNS: { role: "connection", why: "A document is tied to what it is about." },
  REPORTED_ON: { role: "provenance", why: "Who reported on what is provenance, not what happened between the entities." },
  RELATED_TO: { role: "connection", why: "A link a source asserts between two entities." },
  OWNS: { role: "connection", why: "Ownership (FtM Ownership) is the backbone of beneficial-ownership routes." },
  DIRECTS: { role: "connection", why: "Directorship (FtM Directorship) ties an officer to a company." },
  MEMBER_OF: { role: "connection", why: "Membership (FtM Membership) ties a member to an organization." },
  REPRESENTS: { role: "connection", why: "Agency (FtM Representation) ties an agent to its principal." },
  FAMILY_OF: { role: "connection", why: "Family ties (FtM Family) matter for exposure to politically exposed persons." },
  ASSOCIATE_OF: { role: "connection", why: "Close associates (FtM Associate) matter for exposure to politically exposed persons." },
  CONTROLS: { role: "connection", why: "Control other than by ownership (FtM Control) is a beneficial-ownership link like OWNS." },
  SUCCEEDED_BY: { role: "connection", why: "A successor (FtM Succession: merger, renaming, takeover) carries on its predecessor's ties." },
  EMPLOYED_BY: { role: "connection", why: "Employment (FtM Employment) ties a person to the organization they work for." },
  OWES: {
    role: "connection",
    why: "A debt (FtM Debt) ties debtor and creditor; it states an obligation, not money that moved, so it is not a flow (flow: false above).",
  },
} satisfies Record<RelationshipType, { role: RouteRole; why: string }>);

/** Context relationship types (see {@link RouteRole}): shown on entities and in neighbourhoods, walked by routes only when named or at a `via` entity. */
export const CONTEXT_RELATIONSHIP_TYPES = Object.freeze(RELATIONSHIP_TYPE_NAMES.filter((t) => ROUTE_ROLES[t].role === "context"));

/** The relationship types that ANY routes, `connections` and `exposure` follow by default: flow and connection types, not context or provenance. */
export const ROUTE_RELATIONSHIP_TYPES = Object.freeze(
  RELATIONSHIP_TYPE_NAMES.filter((t) => ROUTE_ROLES[t].role === "flow" || ROUTE_ROLES[t].role === "connection"),
);

/** Type guard for the relationship-type allow-list. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, value);
}
