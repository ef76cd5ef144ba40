// Existing entities with a customs party's name: the same name key (p.key, nameKey in
// src/model/name-keys.ts, range index entity_name_key: `Wuerth GmbH` and `Würth GmbH`, `OOO Vektor`
// and `ООО «Вектор»`), or exactly the name (range index entity_name: an entity written without a
// key), in the same country when both name one, and inside the import's namespace when it has one ($prefix).
// The hint keeps the plan an index seek per party: a plan compiled on the empty graph of a
// first batch otherwise scanned every Entity per party in the next ones (12 s for the second
// 10 000-row batch of a 50 000-row customs file). It says SEEK: a plain USING INDEX is also
// met by a scan of the whole index per party, which Neo4j planned now and then on a growing
// graph (seen by jstack as 44–47 s for one batch's 8737 parties; BENCHMARKS.md, Import).
// For a party with matches, also what the dataset ($sourceId) already did with it: the match it
// resolved the party to (its PROVIDED link lists the party in `resolvedParties`,
// import-link-resolutions.cypher), and whether it PROVIDED the party's own node, so that
// src/import/party-resolver.ts resolves the party as the dataset's earlier batches and imports
// did. Nothing more is read for a party without a match.
UNWIND $parties AS p
CALL (p) {
  MATCH (n:Entity {nameKey: p.key})
  USING INDEX SEEK n:Entity(nameKey)
  RETURN n
  UNION
  MATCH (n:Entity {name: p.name})
  USING INDEX SEEK n:Entity(name)
  RETURN n
}
WITH p, n
WHERE n.kind <> 'Country' AND n.id <> p.id AND coalesce(n.placeholder, false) = false
  AND (p.country IS NULL OR n.country IS NULL OR n.country = p.country)
  AND ($prefix IS NULL OR n.id STARTS WITH $prefix)
WITH p, collect(DISTINCT n) AS candidates
OPTIONAL MATCH (s:Source {id: $sourceId})
OPTIONAL MATCH (own:Entity {id: p.id})
RETURN p.id AS partyId, [n IN candidates | n.id] AS matches, [n IN candidates | n.name] AS matchNames,
       [n IN candidates WHERE s IS NOT NULL AND EXISTS { (s)-[pr:PROVIDED]->(n) WHERE p.id IN pr.resolvedParties } | n.id] AS resolvedBefore,
       s IS NOT NULL AND own IS NOT NULL AND EXISTS { (s)-[:PROVIDED]->(own) } AS ownProvided
