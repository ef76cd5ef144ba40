// Sets the canonical id of each judged id ($rows: [{id, canonicalId}]) after a change to the
// judgements of its cluster (src/resolution/judgement-store.ts).
UNWIND $rows AS r
MATCH (i:Identity {id: r.id})
SET i.canonicalId = r.canonicalId
