// The canonical id of each of $ids that was ever judged (ids never judged are no :Identity and
// are their own cluster), with the other members of its cluster (at most 500).
UNWIND $ids AS id
MATCH (i:Identity {id: id})
RETURN i.id AS id, i.canonicalId AS canonicalId,
       COLLECT { MATCH (m:Identity {canonicalId: i.canonicalId}) RETURN m.id ORDER BY m.id } AS members
