// `actorgraph import:delete <ns>`, step 2 of 4: the entities with ids "<ns>:…" ($prefix), by a
// prefix seek of the id constraint index. Step 1 took their "<ns>:…" relationships; DETACH
// DELETE removes what else touches them (:PROVIDED links from datasets, other namespaces'
// claims about them), so $batchSize here is smaller than step 1's: an inner transaction holds
// its nodes and all their remaining relationships. Run in an auto-commit transaction
// (Database.autoCommit).
MATCH (n:Entity) USING INDEX SEEK n:Entity(id) WHERE n.id STARTS WITH $prefix
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batchSize ROWS;
// Then the older ids its imports recorded (:Referent, import-merge-referents.cypher), by a prefix
// seek of the referent_id constraint index.
MATCH (r:Referent) USING INDEX SEEK r:Referent(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS
