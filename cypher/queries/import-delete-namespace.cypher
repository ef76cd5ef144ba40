// Removes what imports under one namespace made: relationships with ids "<namespace>:…" (claims
// between shared entities included), entities with such ids, the namespace's :Source nodes, and
// Country nodes it created that nothing links to any more. Seed nodes are never touched.
CALL { MATCH ()-[r]->() WHERE r.id STARTS WITH $prefix DELETE r }
CALL { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
CALL { MATCH (s:Source {namespace: $namespace}) DETACH DELETE s }
CALL { MATCH (c:Entity {kind: 'Country', importNamespace: $namespace}) WHERE NOT (c)--() DELETE c }
