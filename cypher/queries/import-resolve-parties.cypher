// Existing entities with exactly a customs party's name (range index entity_name), in the same
// country when both name one, and inside the import's namespace when it has one ($prefix).
// The index hint keeps the plan an index seek per party: a plan compiled on the empty graph of
// a first batch otherwise scanned every Entity per party in the next ones (12 s for the second
// 10 000-row batch of a 50 000-row customs file; BENCHMARKS.md, Import).
UNWIND $parties AS p
MATCH (n:Entity {name: p.name})
USING INDEX n:Entity(name)
WHERE n.kind <> 'Country' AND n.id <> p.id AND coalesce(n.placeholder, false) = false
  AND (p.country IS NULL OR n.country IS NULL OR n.country = p.country)
  AND ($prefix IS NULL OR n.id STARTS WITH $prefix)
RETURN p.id AS partyId, collect(DISTINCT n.id) AS matches
