// One page of the judged ids that belong to another id's cluster (canonicalId <> id), in id
// order after $after, for whole-graph candidate generation (src/services/candidate.service.ts).
MATCH (i:Identity)
WHERE i.id > $after AND i.canonicalId <> i.id
WITH i ORDER BY i.id
LIMIT $limit
RETURN i.id AS id, i.canonicalId AS canonicalId
