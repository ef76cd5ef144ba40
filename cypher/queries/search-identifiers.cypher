// Entities holding an identifier equal to $key (identifierKey, src/model/name-keys.ts: letters
// and digits, upper case), by the keyword index entity_identifiers: an exact match, never a
// prefix or fuzzy one. $lucene is $key quoted by services/search (the key holds letters and
// digits only, so the quotes are all the escaping it needs).
CALL db.index.fulltext.queryNodes('entity_identifiers', $lucene, {limit: $limit})
YIELD node
RETURN node {.*} AS entity
ORDER BY entity.id
