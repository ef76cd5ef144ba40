// Two entities joined by a chain of two relationships of $types (the flow types), or else by one,
// each entity with few relationships, among the first 10 000 entities (so the search is bounded
// on any graph): the route engine runs its FLOW path query between them at start, so that Neo4j
// compiles the expressions rows flow through, those on a route's inner entities included
// (src/routes/fetch-hops.ts ready()).
CALL () {
  MATCH (n:Entity)
  WITH n LIMIT 10000
  MATCH (n)-[r1]->(x:Entity)-[r2]->(m:Entity)
  WHERE type(r1) IN $types AND type(r2) IN $types AND n <> x AND x <> m AND n <> m
    AND COUNT { (n)--() } <= 50 AND COUNT { (x)--() } <= 50 AND COUNT { (m)--() } <= 50
  RETURN n.id AS from, m.id AS to, 2 AS hops
  LIMIT 1
  UNION ALL
  MATCH (n:Entity)
  WITH n LIMIT 10000
  MATCH (n)-[r]->(m:Entity)
  WHERE type(r) IN $types AND COUNT { (n)--() } <= 20 AND COUNT { (m)--() } <= 20 AND n <> m
  RETURN n.id AS from, m.id AS to, 1 AS hops
  LIMIT 1
}
RETURN from, to
ORDER BY hops DESC
LIMIT 1
