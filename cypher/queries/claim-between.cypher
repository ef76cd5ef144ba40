// The live (not retracted) claim of type $type from $from to $to, if any: a new claim that
// states the same is refused (CONFLICT), as corroborate adds evidence to it instead. Expands
// the relationships of one entity, which the caller has locked (lock-entity).
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type AND r.status <> 'RETRACTED'
RETURN r.id AS id
LIMIT 1
