// Existing entities with exactly a customs party's name (range index entity_name), in the same
// country when both name one, and inside the import's namespace when it has one ($prefix).
UNWIND $parties AS p
MATCH (n:Entity {name: p.name})
WHERE n.kind <> 'Country' AND n.id <> p.id AND coalesce(n.placeholder, false) = false
  AND (p.country IS NULL OR n.country IS NULL OR n.country = p.country)
  AND ($prefix IS NULL OR n.id STARTS WITH $prefix)
RETURN p.id AS partyId, collect(DISTINCT n.id) AS matches
