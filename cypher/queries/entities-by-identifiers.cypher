// Entities holding any of the identifiers in $lucene (exact `scheme:value` phrases, escaped by
// services/entity-write.service), through the keyword full-text index over n.identifiers.
CALL db.index.fulltext.queryNodes('entity_identifiers', $lucene, {limit: $limit})
YIELD node
RETURN node {.*} AS entity
