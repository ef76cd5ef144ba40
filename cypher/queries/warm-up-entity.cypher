// An entity with a few relationships, on which the route engine runs its queries once at start so
// that Neo4j has planned them and compiled their expressions (src/routes/fetch-hops.ts ready()).
MATCH (n:Entity)
WHERE COUNT { (n)--() } >= 1 AND COUNT { (n)--() } <= 20
RETURN n.id AS id
LIMIT 1
