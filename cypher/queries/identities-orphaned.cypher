// import:delete: judged ids of the namespace ($prefix) whose record is gone and that a `system`
// judgement (automatic resolution) still names, at most $limit. Judgements people made are kept
// (their ids resolve again if the records come back); automatic ones rested on the deleted data.
MATCH (i:Identity)
WHERE i.id STARTS WITH $prefix
  AND NOT EXISTS { MATCH (:Entity {id: i.id}) }
  AND EXISTS { MATCH (i)-[:JUDGED {actor: 'system'}]-() }
RETURN i.id AS id
LIMIT $limit
