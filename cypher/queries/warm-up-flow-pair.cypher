// Two entities joined by a relationship of one of $types (the flow types), the start with a few
// relationships: the route engine runs its FLOW path query between them once at start, so that
// Neo4j compiles the expressions rows flow through (src/routes/fetch-hops.ts ready()).
MATCH (n:Entity)-[r]->(m:Entity)
WHERE type(r) IN $types AND COUNT { (n)--() } <= 20 AND COUNT { (m)--() } <= 20 AND n <> m
RETURN n.id AS from, m.id AS to
LIMIT 1
