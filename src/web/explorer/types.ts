/**
 * Shapes of the GraphQL answers the explorer asks for (see schema.graphql, and the documents in
 * queries.ts, which select exactly these fields). Dates are ISO 8601 strings; confidences are in
 * [0, 1]; evidence offsets are UTF-16 code units into the source's text.
 */

/** Claim statuses, strongest first (schema.graphql `ClaimStatus`). */
export const CLAIM_STATUSES = ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"] as const;

/** How sure the source is of a claim. */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** An actor, place, product, event or document (schema.graphql `Entity`). */
export interface Entity {
  id: string;
  name: string;
  /** One of schema.graphql `EntityKind`, for example Company or Country. */
  kind: string;
  aliases: string[];
  description: string | null;
  /** ISO 3166-1 alpha-2 code, or null. */
  country: string | null;
  unidentified: boolean;
  /** FollowTheMoney topics, such as `sanction` (schema.graphql `Entity.topics`). */
  topics: string[];
  /** The other records judged to be this actor; their ids resolve to this entity. */
  mergedIds: string[];
}

/** One feature of a candidate's score (schema.graphql `MatchReason`). */
export interface MatchReason {
  feature: string;
  weight: number;
  detail: string;
}

/** Two entities that may be one actor (schema.graphql `MatchCandidate`), `left.id < right.id`. */
export interface MatchCandidate {
  left: Entity;
  right: Entity;
  /** The records compared, to judge. */
  leftRecord: string;
  rightRecord: string;
  /** In [0, 1]. */
  score: number;
  reasons: MatchReason[];
}

/** A judgement as Mutation.judge returns it. */
export interface Judgement {
  id: string;
  left: string;
  right: string;
  judgement: string;
  actor: string;
  /** ISO 8601 date-time. */
  at: string;
  reason: string;
}

/** A document that evidence quotes come from. */
export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  /** Where the source is published; null when not recorded. Shown as a link only for http(s). */
  url: string | null;
  /** ISO 8601 date or year-month. */
  publishedAt: string | null;
}

/** One quote backing (or disputing) a relationship; `start`/`end` are offsets in the source's text. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
  source: Source;
  /** CORROBORATING supports the claim; DISPUTING contradicts it (schema.graphql `EvidenceRole`). */
  role: "CORROBORATING" | "DISPUTING";
  /** The editor's note on a disputing quote. */
  note: string | null;
}

/** One change to a claim (schema.graphql `Revision`). */
export interface Revision {
  /** ISO 8601 date-time. */
  at: string;
  actor: string;
  operation: string;
  reason: string | null;
  version: number;
}

/** A claim between two entities (schema.graphql `Relationship`), as the graph and the evidence panel show it. */
export interface Relationship {
  /** Unique per type only: the graph keys edges by {@link edgeKey}. */
  id: string;
  type: string;
  status: ClaimStatus | "RETRACTED";
  confidence: number;
  validFrom: string | null;
  validTo: string | null;
  hedge: string | null;
  note: string | null;
  amount: number | null;
  currency: string | null;
  goods: string[];
  from: { id: string };
  to: { id: string };
  evidence: Evidence[];
  /** Pass as expectedVersion when changing the claim. */
  version: number;
  retracted: boolean;
  retraction: { at: string; actor: string; reason: string } | null;
  disputed: boolean;
  /** Hedge words in the quotes that contradict the status. */
  warnings: string[];
}

/** One hop of a route; the relationship's details are in the search's subgraph. */
export interface Hop {
  reversed: boolean;
  from: { id: string; name: string };
  to: { id: string; name: string };
  relationship: { id: string; type: string; status: ClaimStatus; confidence: number };
}

/** One ranked route. */
export interface Route {
  /** 1-based. */
  rank: number;
  /** Product of hop confidences, rounded to 9 decimals by the API. */
  confidence: number;
  length: number;
  summary: string;
  hops: Hop[];
  /** Where the route passes from one record of an entity to another (judged one actor), with the judgements' sentence. */
  identityCrossings: { position: number; text: string }[];
}

/** Nodes and edges for the graph view. */
export interface Subgraph {
  nodes: Entity[];
  edges: Relationship[];
  /** True when a cap cut the subgraph. */
  truncated: boolean;
}

/** Why a route search has no routes or was cut short (schema.graphql `RouteSearchReason`). */
export type RouteSearchReason = "NO_PATH_WITHIN_HOPS" | "TIMED_OUT" | "LIMIT_REACHED";

/** The answer to a route question (schema.graphql `RouteSearch`). */
export interface RouteSearch {
  exhausted: boolean;
  truncated: boolean;
  hasMore: boolean;
  reason: RouteSearchReason | null;
  /** The API's own sentence on what to try next; null when there is nothing to say. */
  hint: string | null;
  /** Milliseconds. */
  elapsedMs: number;
  routes: Route[];
  subgraph: Subgraph;
}

/**
 * The graph's id of a relationship: `TYPE:id`, as exported edge ids are (relationship ids are
 * unique per type only). The server's export scope `elements` takes these keys back.
 */
export function edgeKey(rel: { type: string; id: string }): string {
  return `${rel.type}:${rel.id}`;
}
