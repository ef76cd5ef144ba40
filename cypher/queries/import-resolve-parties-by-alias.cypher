// Customs parties ($parties: [{id, key, country}], a chunk of at most 500) named by an alias of an
// entity in their own country: the entities whose aliasKeys (the nameKey of each alias,
// src/model/name-keys.ts) hold a party's key, through the keyword index entity_alias_keys, an
// exact match of the whole key, never a word of it. $lucene is the chunk's keys quoted and OR'ed
// (keys hold lowercase letters, digits and single spaces, so the quotes are all the escaping they
// need; 500 keys stay under Lucene's 1 024 clauses). One index call a chunk: only entities holding
// a key come back, so matching them to parties is small. Inside the import's namespace when it has
// one ($prefix); placeholders and Country nodes left out. As import-resolve-parties.cypher does for
// names: what the dataset ($sourceId) did with the party before (the matches its PROVIDED link
// lists the party for, and whether it PROVIDED the party's own node). Sent with
// import-resolve-parties.cypher, before the batch's writes (src/resolution/party-links.ts).
CALL db.index.fulltext.queryNodes('entity_alias_keys', $lucene, {limit: $limit})
YIELD node
WHERE node.kind <> 'Country' AND coalesce(node.placeholder, false) = false AND ($prefix IS NULL OR node.id STARTS WITH $prefix)
UNWIND [p IN $parties WHERE p.key IN node.aliasKeys AND p.country = node.country AND p.id <> node.id] AS p
WITH p, collect(node) AS candidates
OPTIONAL MATCH (s:Source {id: $sourceId})
OPTIONAL MATCH (own:Entity {id: p.id})
RETURN p.id AS partyId,
       [n IN candidates | n {.id, .name, .country, .aliases}] AS matches,
       [n IN candidates WHERE s IS NOT NULL AND EXISTS { (s)-[pr:PROVIDED]->(n) WHERE p.id IN pr.resolvedParties } | n.id] AS resolvedBefore,
       s IS NOT NULL AND own IS NOT NULL AND EXISTS { (s)-[:PROVIDED]->(own) } AS ownProvided
