// One page of the entities a dataset ($sourceId) PROVIDED that hold identifiers, in id order
// after $after, for automatic resolution after an import (src/resolution/auto-resolve.ts).
MATCH (:Source {id: $sourceId})-[:PROVIDED]->(n:Entity)
WHERE n.id > $after AND n.identifiers IS NOT NULL
WITH n ORDER BY n.id
LIMIT $limit
RETURN n.id AS id
