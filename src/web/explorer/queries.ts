/**
 * The GraphQL documents the explorer sends, selecting exactly the fields of types.ts. Limits:
 * search 8 entities, routes 10 (the API's default), neighbourhood one hop and 60 entities, so a
 * hub does not flood the view.
 */

const ENTITY_FIELDS = "id name kind aliases description country unidentified topics";

const RELATIONSHIP_FIELDS = `id type status confidence validFrom validTo hedge note amount currency goods
  from { id } to { id }
  evidence { quote start end source { id title publisher url publishedAt } }`;

/** Query.search: `$text` → `{search: Entity[]}`. */
export const SEARCH_QUERY = `query ExplorerSearch($text: String!) {
  search(text: $text, limit: 8) { ${ENTITY_FIELDS} }
}`;

/** Query.routes with the route list and the subgraph with evidence: RouteParams → `{routes: RouteSearch}`. */
export const ROUTES_QUERY = `query ExplorerRoutes($from: ID!, $to: ID!, $maxHops: Int!, $minConfidence: Float!, $statuses: [ClaimStatus!], $direction: RouteDirection!) {
  routes(from: $from, to: $to, maxHops: $maxHops, minConfidence: $minConfidence, statuses: $statuses, direction: $direction) {
    exhausted truncated hasMore reason hint elapsedMs
    routes { rank confidence length summary
      hops { reversed from { id name } to { id name } relationship { id type status confidence } } }
    subgraph { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
  }
}`;

/** Query.exposure: `$id` → `{exposure: RouteSearch}`, routes to the nearest parties with FtM topic `sanction` (4 hops, 10 routes, the API's defaults). */
export const EXPOSURE_QUERY = `query ExplorerExposure($id: ID!) {
  exposure(id: $id, topics: ["sanction"]) {
    exhausted truncated hasMore reason hint elapsedMs
    routes { rank confidence length summary
      hops { reversed from { id name } to { id name } relationship { id type status confidence } } }
    subgraph { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
  }
}`;

/** Query.neighborhood, depth 1: `$id` → `{neighborhood: Subgraph}`. */
export const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1, limit: 60) { truncated nodes { ${ENTITY_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
}`;
