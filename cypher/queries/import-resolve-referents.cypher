// The canonical entity of each of $ids that is an older id (a :Referent,
// import-merge-referents.cypher) and not itself a described entity: a reference to it is written
// to the canonical entity instead (src/import/referents.ts). A stub under the older id does not
// count as described; import-merge-referents.cypher merged it.
UNWIND $ids AS refId
MATCH (ref:Referent {id: refId})
WHERE NOT EXISTS { MATCH (e:Entity {id: refId}) WHERE coalesce(e.placeholder, false) = false }
RETURN ref.id AS id, ref.canonicalId AS canonicalId
