// The ids among $ids that name no entity.
UNWIND $ids AS entityId
OPTIONAL MATCH (n:Entity {id: entityId})
WITH entityId, n
WHERE n IS NULL
RETURN collect(entityId) AS missing
