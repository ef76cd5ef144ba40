// The FtM property values an FtM import turned into relationships (country and entity
// references, marked ftmProperty + ftmEntityId by src/import/ftm-mapper.ts), for the entities
// $ids: one row per entity that has any, with its {property, value} pairs; value is the other
// end's id. Entities not from FtM stop at the ftmId check, so hubs are not expanded for them.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
WHERE n.ftmId IS NOT NULL
MATCH (n)-[r]-(o:Entity)
WHERE r.ftmEntityId = n.id AND r.ftmProperty IS NOT NULL
RETURN n.id AS id, collect({property: r.ftmProperty, value: o.id}) AS references
