// One page of every entity automatic resolution may join to others (see
// dataset-resolvable-entities.cypher), in id order after $after, at most $limit: for
// `npx actorgraph resolve --auto` over the whole graph.
MATCH (n:Entity)
WHERE n.id > $after
  AND (n.identifierKeys IS NOT NULL OR n.referents IS NOT NULL OR EXISTS { MATCH (:Referent {id: n.id}) })
WITH n ORDER BY n.id
LIMIT $limit
RETURN n.id AS id
