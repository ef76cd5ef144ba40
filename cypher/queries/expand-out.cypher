// One level of a route search's forward expansion: relationships leaving the frontier,
// filtered by the allow-listed types, statuses, per-hop confidence, validity date and avoid list.
// $limit caps the rows so a hub cannot flood the search (the caller asks for budget + 1).
UNWIND $ids AS frontierId
MATCH (a:Entity {id: frontierId})-[r]->(b:Entity)
WHERE type(r) IN $types
  AND r.status IN $statuses
  AND r.confidence >= $minConfidence
  AND NOT b.id IN $avoid
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
RETURN r.id AS id, type(r) AS type, a.id AS start, b.id AS end, r.confidence AS confidence, r.validFrom AS validFrom
LIMIT $limit
