// Every judgement about a member of the clusters of $ids (between members, and with records
// outside: NEGATIVE and UNSURE ones), oldest first, at most $limit.
UNWIND $ids AS id
OPTIONAL MATCH (i:Identity {id: id})
WITH DISTINCT coalesce(i.canonicalId, id) AS canonicalId
MATCH (m:Identity {canonicalId: canonicalId})-[j:JUDGED]-(:Identity)
WITH DISTINCT j
RETURN j {.*} AS judgement
ORDER BY judgement.at, judgement.left, judgement.right
LIMIT $limit
