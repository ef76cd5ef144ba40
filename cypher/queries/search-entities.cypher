// Full-text search over entity names, aliases and their Latin spellings (index entity_search,
// cypher/schema.cypher). $lucene is built from user text by services/search (every Lucene
// operator escaped), so user text is always matched literally.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $limit})
YIELD node, score
RETURN node {.*} AS entity, score
ORDER BY score DESC, entity.name
