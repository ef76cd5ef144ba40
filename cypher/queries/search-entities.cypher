// Full-text search over entity names and aliases. $lucene is built from user text by
// services/search (every Lucene operator escaped), so user text is always matched literally.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit})
YIELD node, score
RETURN node {.*} AS entity, score
ORDER BY score DESC, entity.name
