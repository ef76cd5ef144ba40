// Where the graph already holds SUPPLIED and BASED_IN relationships with the ids a batch states
// ($rels: [{type, id, start, end}], start/end the batch's endpoints; other types are not sent):
// the stored endpoints and their names, and the names of the batch's endpoints already in the
// graph. Used only to write a batch again after it failed on a relationship id constraint
// (src/import/batch-writer.ts, withStoredEndpoints). Those two types are the ones party
// resolution rewrites, and each branch seeks its id constraint's index (a dynamic type would
// scan every Entity).
UNWIND $rels AS x
CALL (x) {
  WITH x WHERE x.type = 'SUPPLIED'
  MATCH (a:Entity)-[r:SUPPLIED {id: x.id}]->(b:Entity)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'BASED_IN'
  MATCH (a:Entity)-[r:BASED_IN {id: x.id}]->(b:Entity)
  RETURN a, b
}
OPTIONAL MATCH (s:Entity {id: x.start})
OPTIONAL MATCH (e:Entity {id: x.end})
RETURN x.type AS type, x.id AS id, a.id AS start, a.name AS startName, b.id AS end, b.name AS endName,
       s.name AS batchStartName, e.name AS batchEndName
