// One level of a route search's backward expansion: relationships entering the frontier.
// Same filters and cap as expand-out.cypher; `start`/`end` keep the stored direction.
UNWIND $ids AS frontierId
MATCH (a:Entity {id: frontierId})<-[r]-(b:Entity)
WHERE type(r) IN $types
  AND r.status IN $statuses
  AND r.confidence >= $minConfidence
  AND NOT b.id IN $avoid
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
RETURN r.id AS id, type(r) AS type, b.id AS start, a.id AS end, r.confidence AS confidence, r.validFrom AS validFrom
LIMIT $limit
