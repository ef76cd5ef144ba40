// One page of every entity for a whole-graph export: keyset pagination in id order, the page
// after $after ("" for the first), at most $limit. The entity_id index serves the order, so a
// page costs the same at the start and at the end of a graph of millions.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n {.*} AS entity
