// Removes what imports under one namespace made: relationships with ids "<namespace>:…" (claims
// between shared entities included), entities with such ids, the namespace's :Source nodes, and
// Country nodes any import created (importNamespace set) that nothing links to any more: a
// country created by one namespace may be orphaned only when another is deleted. Seed nodes
// carry no importNamespace and are never touched.
CALL { MATCH ()-[r]->() WHERE r.id STARTS WITH $prefix DELETE r }
CALL { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL { MATCH (s:Source {namespace: $namespace}) DETACH DELETE s }
CALL { MATCH (c:Entity {kind: 'Country'}) WHERE c.importNamespace IS NOT NULL AND NOT (c)--() DELETE c }
