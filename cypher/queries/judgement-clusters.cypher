// The clusters of $ids as stored (:Identity nodes sharing a canonicalId; an id that is no
// :Identity is a cluster of its own), with every judgement between two of their members, for a
// change to recompute them (src/resolution/judgement-store.ts). A cluster holds at most
// MAX_CLUSTER_SIZE (500) members (src/resolution/clusters.ts), so the lists are bounded.
UNWIND $ids AS id
OPTIONAL MATCH (i:Identity {id: id})
WITH DISTINCT coalesce(i.canonicalId, id) AS canonicalId
OPTIONAL MATCH (m:Identity {canonicalId: canonicalId})
WITH collect(DISTINCT m) AS members
CALL (members) {
  UNWIND members AS m
  MATCH (m)-[j:JUDGED]->(o:Identity)
  WHERE o IN members
  RETURN collect(j {.*}) AS judgements
}
RETURN [m IN members | m {.id, .canonicalId}] AS members, judgements
