import { registerEnumType } from "type-graphql";
import { ROLES } from "../auth/roles.js";
import { EVIDENCE_ROLES } from "../claims/corroboration.js";
import { ENTITY_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, STORED_CLAIM_STATUSES } from "../model/vocabulary.js";

const asEnum = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/** GraphQL enum of relationship types: the allow-list, so unknown types fail validation. */
export const RelationshipTypeEnum = asEnum(RELATIONSHIP_TYPE_NAMES);
registerEnumType(RelationshipTypeEnum, {
  name: "RelationshipType",
  description: "Allow-listed relationship types. FLOW routes follow SUPPLIED, DEPLOYED_TO, FINANCED and PAID in their stored direction.",
  valuesConfig: Object.fromEntries(RELATIONSHIP_TYPE_NAMES.map((t) => [t, { description: RELATIONSHIP_TYPES[t].description }])),
});

/** GraphQL enum of claim statuses. */
export const ClaimStatusEnum = asEnum(STORED_CLAIM_STATUSES);
registerEnumType(ClaimStatusEnum, {
  name: "ClaimStatus",
  description: "How sure the source is, from its own hedging. Default confidence: REPORTED 0.8, LIKELY 0.6, POSSIBLE 0.3, UNCONFIRMED 0.2.",
  valuesConfig: {
    REPORTED: { description: 'Stated as fact by the source or attributed to official data ("citing official customs data").' },
    LIKELY: { description: 'The source says "likely".' },
    POSSIBLE: { description: 'The source says "there is a possibility" or "may".' },
    UNCONFIRMED: { description: 'The source says the claim is "difficult to confirm" or to identify.' },
    RETRACTED: {
      description:
        "An editor retracted the claim (retractClaim). Left out of routes, neighbourhoods, connections and exports unless includeRetracted is true; assertedStatus keeps the status before.",
    },
  },
});

/** GraphQL enum of evidence roles. */
export const EvidenceRoleEnum = asEnum(EVIDENCE_ROLES);
registerEnumType(EvidenceRoleEnum, {
  name: "EvidenceRole",
  description: "What a quote does to its claim.",
  valuesConfig: {
    CORROBORATING: { description: "Supports the claim; each independent origin raises its confidence (docs/routes.md)." },
    DISPUTING: { description: "Contradicts the claim (disputeClaim); each independent origin demotes its status one step." },
  },
});

/** What a source is, as stored (lower case) and in GraphQL (upper case). */
export enum SourceKindEnum {
  ARTICLE = "article",
  DOCUMENT = "document",
  DATASET = "dataset",
  PUBLICATION = "publication",
}
registerEnumType(SourceKindEnum, {
  name: "SourceKind",
  description: "What a source is.",
  valuesConfig: {
    ARTICLE: { description: "A news or research article." },
    DOCUMENT: { description: "An uploaded document: a filing, a court record, a report." },
    DATASET: { description: "A dataset: a file an import read, or a record set added as text." },
    PUBLICATION: { description: "A publication an imported claims file cites (read-only here)." },
  },
});

/** GraphQL enum of caller roles. */
export const RoleEnum = asEnum(ROLES);
registerEnumType(RoleEnum, {
  name: "Role",
  description: "What a token lets its holder do; each role includes the ones before it.",
  valuesConfig: {
    reader: { description: "Queries (needed only when the server sets READS_REQUIRE_AUTH=true)." },
    editor: { description: "Every mutation and POST /import/<format>." },
    admin: { description: "Everything an editor can; reserved for administration." },
  },
});

/** GraphQL enum of entity kinds. */
export const EntityKindEnum = asEnum(ENTITY_KINDS);
registerEnumType(EntityKindEnum, {
  name: "EntityKind",
  description: "What an entity is; FollowTheMoney schema names where one fits (Company, Organization, Person, PublicBody, Event, Document).",
});

/** Route direction. */
export enum RouteDirectionEnum {
  FLOW = "FLOW",
  ANY = "ANY",
}
registerEnumType(RouteDirectionEnum, {
  name: "RouteDirection",
  description: "How routes walk relationships.",
  valuesConfig: {
    FLOW: { description: "Follow goods and money in their direction: only flow types (SUPPLIED, DEPLOYED_TO, FINANCED, PAID), start to end." },
    ANY: { description: "How are these connected at all: every type except provenance links (REPORTED_ON), in both directions." },
  },
});

/** Why a route search returned no routes or was cut short. */
export enum RouteSearchReasonEnum {
  NO_PATH_WITHIN_HOPS = "NO_PATH_WITHIN_HOPS",
  TIMED_OUT = "TIMED_OUT",
  LIMIT_REACHED = "LIMIT_REACHED",
}
registerEnumType(RouteSearchReasonEnum, {
  name: "RouteSearchReason",
  valuesConfig: {
    NO_PATH_WITHIN_HOPS: { description: "The whole space within maxHops was searched and no route satisfies the filters." },
    TIMED_OUT: { description: "The per-request time budget (ROUTE_BUDGET_MS, default 2000 ms) ran out; routes returned may not be the best." },
    LIMIT_REACHED: { description: "A work limit (ROUTE_MAX_RELATIONSHIPS fetched, or paths expanded) was reached; routes returned may not be the best." },
  },
});
