/**
 * Defaults and caps of every bounded argument. The GraphQL schema documents these values
 * and the services enforce them (BAD_USER_INPUT past a cap). Caps are ours, chosen so that
 * one request stays within the per-request budget on a graph of millions of relationships.
 */
export const LIMITS = Object.freeze({
  /** routes.maxHops: default 6 hops, cap 10 hops. */
  maxHopsDefault: 6,
  maxHopsCap: 10,
  /** routes.limit: default 10 routes, cap 50. */
  routeLimitDefault: 10,
  routeLimitCap: 50,
  /** routes.via: at most 5 waypoints. */
  viaCap: 5,
  /** routes.avoid: at most 100 entity ids. */
  avoidCap: 100,
  /** search.limit: default 10, cap 100. search.text: at most 200 characters. */
  searchLimitDefault: 10,
  searchLimitCap: 100,
  searchTextCap: 200,
  /** neighborhood.depth: default 1 hop, cap 3. neighborhood.limit: default 200 nodes, cap 2000. */
  neighborhoodDepthDefault: 1,
  neighborhoodDepthCap: 3,
  neighborhoodLimitDefault: 200,
  neighborhoodLimitCap: 2000,
  /** Entity.relationships.limit: default 50, cap 500. */
  relationshipLimitDefault: 50,
  relationshipLimitCap: 500,
  /** connections.ids: 2 to 10 entities. */
  connectionsMin: 2,
  connectionsMax: 10,
  /**
   * Export `scope=elements`: at most 5000 node ids and 5000 relationship keys, so the export
   * can read its relationships at once; with ids of tens of characters a full request also stays
   * under the 1 MB body limit of `POST /export/…` (413 past it).
   */
  exportElementsCap: 5000,
  /**
   * Whole-graph exports (`scope=all`) streaming at once per server; one more answers 503
   * SERVER_BUSY with `Retry-After: exportRetryAfterSeconds`. Each reads page after page for as
   * long as the client downloads (tens of seconds on a large graph), and three in parallel were
   * seen to starve route searches of Neo4j time. Bounded scopes are not counted: they cost what
   * their GraphQL query does and are capped like it.
   */
  exportConcurrentCap: 2,
  /** Seconds a client told SERVER_BUSY by an export should wait before retrying (`Retry-After`). */
  exportRetryAfterSeconds: 5,
  /** Partial paths one in-memory route search may queue before LIMIT_REACHED (about 50 MB and well under a second). */
  maxExpansions: 500_000,
});
