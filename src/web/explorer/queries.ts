/**
 * The GraphQL documents the explorer sends, selecting exactly the fields of types.ts. Limits:
 * search 8 entities, routes 10 (the API's default), neighbourhood one hop and 60 entities, so a
 * hub does not flood the view.
 */

const ENTITY_FIELDS = "id name kind aliases description country unidentified topics mergedIds";

const RELATIONSHIP_FIELDS = `id type status confidence validFrom validTo hedge note amount currency goods
  from { id } to { id }
  version retracted disputed warnings retraction { at actor reason }
  evidence { quote start end role note source { id title publisher url publishedAt } }`;

/** Query.search: `$text` → `{search: Entity[]}`. */
export const SEARCH_QUERY = `query ExplorerSearch($text: String!) {
  search(text: $text, limit: 8) { ${ENTITY_FIELDS} }
}`;

/** Query.routes with the route list and the subgraph with evidence: RouteParams → `{routes: RouteSearch}`. */
export const ROUTES_QUERY = `query ExplorerRoutes($from: ID!, $to: ID!, $maxHops: Int!, $minConfidence: Float!, $statuses: [ClaimStatus!], $direction: RouteDirection!) {
  routes(from: $from, to: $to, maxHops: $maxHops, minConfidence: $minConfidence, statuses: $statuses, direction: $direction) {
    exhausted truncated hasMore reason hint elapsedMs
    routes { rank confidence length summary
      hops { reversed from { id name } to { id name } relationship { id type status confidence } }
      identityCrossings { position text } }
    subgraph { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
  }
}`;

/** Query.exposure: `$id` → `{exposure: RouteSearch}`, routes to the nearest parties with FtM topic `sanction` (4 hops, 10 routes, the API's defaults). */
export const EXPOSURE_QUERY = `query ExplorerExposure($id: ID!) {
  exposure(id: $id, topics: ["sanction"]) {
    exhausted truncated hasMore reason hint elapsedMs
    routes { rank confidence length summary
      hops { reversed from { id name } to { id name } relationship { id type status confidence } }
      identityCrossings { position text } }
    subgraph { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
  }
}`;

/** Query.neighborhood, depth 1: `$id` → `{neighborhood: Subgraph}`. */
export const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1, limit: 60) { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
}`;

/** Query.me: who the pasted token says the caller is. */
export const ME_QUERY = `query ExplorerMe { me { subject roles } }`;

/** Query.history of one claim, oldest first. */
export const HISTORY_QUERY = `query ExplorerHistory($id: ID!) { history(id: $id) { at actor operation reason version } }`;

/** Mutation.addSource: `$input` → the stored source's id and text length. */
export const ADD_SOURCE_MUTATION = `mutation ExplorerAddSource($input: SourceInput!) { addSource(input: $input) { id title textLength } }`;

/** Mutation.addClaim: `$input` → the claim with its evidence. */
export const ADD_CLAIM_MUTATION = `mutation ExplorerAddClaim($input: ClaimInput!) { addClaim(input: $input) { ${RELATIONSHIP_FIELDS} } }`;

/** Mutation.retractClaim: `$id`, `$reason`, `$version` → the retracted claim. */
export const RETRACT_CLAIM_MUTATION = `mutation ExplorerRetractClaim($id: ID!, $reason: String!, $version: Int!) {
  retractClaim(claimId: $id, reason: $reason, expectedVersion: $version) { ${RELATIONSHIP_FIELDS} }
}`;

/** Query.entity: `$id` (a merged id resolves to its entity) → `{entity: Entity}`. */
export const ENTITY_QUERY = `query ExplorerEntity($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } }`;

/** Query.candidates of one entity, score 0.5 or more, at most 10. */
export const CANDIDATES_QUERY = `query ExplorerCandidates($id: ID!) {
  candidates(id: $id, minScore: 0.5, limit: 10) { left { ${ENTITY_FIELDS} } right { ${ENTITY_FIELDS} } leftRecord rightRecord score reasons { feature weight detail } }
}`;

/** Mutation.judge of two records with a reason. */
export const JUDGE_MUTATION = `mutation ExplorerJudge($left: ID!, $right: ID!, $judgement: JudgementValue!, $reason: String!) {
  judge(left: $left, right: $right, judgement: $judgement, reason: $reason) { id left right judgement actor at reason }
}`;
