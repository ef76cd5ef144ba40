// One page of the entities a dataset ($sourceId) PROVIDED that automatic resolution may join to
// others (src/resolution/auto-resolve.ts): those holding identifiers, those listing OpenSanctions
// `referents`, and those whose id is itself a referent of another entity; in id order after
// $after, at most $limit.
MATCH (:Source {id: $sourceId})-[:PROVIDED]->(n:Entity)
WHERE n.id > $after
  AND (n.identifierKeys IS NOT NULL OR n.referents IS NOT NULL OR EXISTS { MATCH (:Referent {id: n.id}) })
WITH n ORDER BY n.id
LIMIT $limit
RETURN n.id AS id
