// Deletes the :Identity nodes of $ids that no judgement names any more.
UNWIND $ids AS id
MATCH (i:Identity {id: id})
WHERE NOT EXISTS { MATCH (i)-[:JUDGED]-() }
DELETE i
