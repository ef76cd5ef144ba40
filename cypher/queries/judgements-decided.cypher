// The pairs of canonical ids a NEGATIVE or UNSURE judgement has decided, so that candidate
// generation leaves them out for good; at most $limit (people write these one by one).
MATCH (a:Identity)-[j:JUDGED]->(b:Identity)
WHERE j.judgement <> 'POSITIVE'
RETURN a.canonicalId AS left, b.canonicalId AS right
LIMIT $limit
