// Takes the write lock of one entity until the transaction ends, without changing it (set and
// remove a property): two claims added at once from the same entity then run one after the
// other, so the second sees the first and no duplicate claim is written.
MATCH (n:Entity {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id
