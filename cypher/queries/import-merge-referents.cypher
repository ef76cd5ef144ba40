// Older ids of canonical entities (OpenSanctions `referents`, src/import/ftm-mapper.ts): one
// :Referent {id, canonicalId} per older id, the mapping import-resolve-referents.cypher reads so
// that a later reference to the older id names the canonical entity, and that entity resolution
// can reuse (the canonical node also lists them in `referents`). A stub made earlier for an older
// id (a reference read before the canonical entity) is merged into the canonical entity: its
// relationships move there with their ids and properties (a type is an allow-listed one, since
// only imports wrote them; a link's stored references to the older id, `ftm_<prop>` lists, name
// the canonical id instead, as src/import/referents.ts writes them in the other import order),
// its dataset links too, and the stub goes. A relationship between
// the stub and the canonical entity itself would become a loop and goes with the stub. A full
// entity stored under an older id is left alone: merging two described entities is entity
// resolution's choice, not the import's.
UNWIND $referents AS x
MERGE (ref:Referent {id: x.id})
SET ref.canonicalId = x.canonicalId, ref.importNamespace = coalesce(ref.importNamespace, $namespace)
WITH x
MATCH (stub:Entity {id: x.id})
WHERE stub.placeholder = true
MATCH (c:Entity {id: x.canonicalId})
CALL (stub, c) {
  MATCH (stub)-[r]->(o:Entity)
  WHERE o <> c
  WITH stub, c, r, o, type(r) AS t, properties(r) AS p
  DELETE r
  CREATE (c)-[moved:$(t)]->(o)
  SET moved = p
  FOREACH (k IN [k IN keys(p) WHERE k STARTS WITH 'ftm_' AND p[k] IS :: LIST<STRING NOT NULL>] |
    SET moved[k] = reduce(acc = [], v IN p[k] | CASE WHEN (CASE v WHEN stub.id THEN c.id ELSE v END) IN acc THEN acc ELSE acc + CASE v WHEN stub.id THEN c.id ELSE v END END))
  RETURN count(*) AS outgoing
}
CALL (stub, c) {
  MATCH (o:Entity)-[r]->(stub)
  WHERE o <> c
  WITH stub, c, r, o, type(r) AS t, properties(r) AS p
  DELETE r
  CREATE (o)-[moved:$(t)]->(c)
  SET moved = p
  FOREACH (k IN [k IN keys(p) WHERE k STARTS WITH 'ftm_' AND p[k] IS :: LIST<STRING NOT NULL>] |
    SET moved[k] = reduce(acc = [], v IN p[k] | CASE WHEN (CASE v WHEN stub.id THEN c.id ELSE v END) IN acc THEN acc ELSE acc + CASE v WHEN stub.id THEN c.id ELSE v END END))
  RETURN count(*) AS incoming
}
CALL (stub, c) {
  MATCH (s:Source)-[:PROVIDED]->(stub)
  MERGE (s)-[:PROVIDED]->(c)
  RETURN count(*) AS provided
}
DETACH DELETE stub
