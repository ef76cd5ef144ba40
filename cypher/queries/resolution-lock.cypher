// Serialises every change to judgements (judge, automatic resolution, import:delete's clean-up):
// each takes the write lock of this one node first, in its own transaction, so two changes never
// recompute the canonical ids of one cluster at once (src/resolution/judgement-store.ts). Its
// uniqueness constraint (cypher/schema.cypher resolution_lock_id) keeps MERGE from making two.
MERGE (l:ResolutionLock {id: 'resolution'})
SET l.lockedAt = datetime()
RETURN l.id AS id
