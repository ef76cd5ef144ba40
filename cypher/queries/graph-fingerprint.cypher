// The ids among $ids that name no entity, and the node and relationship counts of the whole
// database (from Neo4j's count store, constant time): the route engine's answer caches compare
// the counts with the previous ones to notice writes by other processes (src/routes/graph-snapshot.ts).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH collect(CASE WHEN n IS NULL THEN id END) AS missing
CALL () { MATCH (x) RETURN count(x) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN missing, nodes, relationships
