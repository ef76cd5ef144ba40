// Links a dataset's :Source to the entities it created or confirmed. Route searches never walk
// this link: their expansions match only (:Entity)-[]-(:Entity).
MATCH (s:Source {id: $sourceId})
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
MERGE (s)-[:PROVIDED]->(n)
