// Node and relationship counts, for readiness reports and idempotency checks. Revisions and
// idempotency keys are bookkeeping of the writes, not the graph, so they are not counted nodes
// (each count comes from Neo4j's count store: no scan).
CALL { MATCH (n) RETURN count(n) AS all }
CALL { MATCH (v:Revision) RETURN count(v) AS revisions }
CALL { MATCH (k:IdempotencyKey) RETURN count(k) AS keys }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN all - revisions - keys AS nodes, relationships
