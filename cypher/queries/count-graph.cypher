// Node and relationship counts, for readiness reports and idempotency checks. Revisions,
// idempotency keys and entity resolution's :Identity nodes with their JUDGED relationships
// (judgements, kept apart from the data) are bookkeeping, not the graph, so they are not counted
// (each count comes from Neo4j's count store: no scan).
CALL { MATCH (n) RETURN count(n) AS all }
CALL { MATCH (v:Revision) RETURN count(v) AS revisions }
CALL { MATCH (k:IdempotencyKey) RETURN count(k) AS keys }
CALL { MATCH (i:Identity) RETURN count(i) AS identities }
CALL { MATCH (l:ResolutionLock) RETURN count(l) AS locks }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
CALL { MATCH ()-[r]->() RETURN count(r) AS all_relationships }
CALL { MATCH ()-[j:JUDGED]->() RETURN count(j) AS judgements }
RETURN all - revisions - keys - identities - locks AS nodes, entities, sources, all_relationships - judgements AS relationships
