// Takes the write lock of one relationship until the transaction ends, without changing it
// (Neo4j's documented idiom: setting a property locks; removing it again leaves no trace), so
// that the reads that follow see the latest committed state and no concurrent change is lost.
MATCH ()-[r]->() WHERE elementId(r) = $elementId
SET r._lock = true
REMOVE r._lock
RETURN r.id AS id
