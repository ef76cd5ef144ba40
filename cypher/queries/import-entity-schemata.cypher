// The FtM schema already stored for each of $ids, to reject a record whose id is taken by an
// entity of an incompatible schema.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
WHERE n.ftmSchema IS NOT NULL
RETURN n.id AS id, n.ftmSchema AS schema
