// Entities by id, in any order; unknown ids are skipped.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
RETURN n {.*} AS entity
