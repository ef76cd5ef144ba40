// One level of an undirected expansion (routes with direction ANY, neighbourhoods).
// Same filters and cap as expand-out.cypher; `start`/`end` keep the stored direction.
UNWIND $ids AS frontierId
MATCH (a:Entity {id: frontierId})-[r]-(b:Entity)
WHERE type(r) IN $types
  AND r.status IN $statuses
  AND r.confidence >= $minConfidence
  AND NOT b.id IN $avoid
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
RETURN r.id AS id, type(r) AS type, startNode(r).id AS start, endNode(r).id AS end, r.confidence AS confidence, r.validFrom AS validFrom
LIMIT $limit
