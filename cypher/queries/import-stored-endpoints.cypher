// Where the graph already holds SUPPLIED and BASED_IN relationships with the ids a batch states:
// their endpoints ($rels: [{type, id}]; other types are not sent). Used only to write a batch
// again after it failed on a relationship id constraint (src/import/batch-writer.ts): a stored
// relationship keeps its endpoints. Those two types are the ones party resolution rewrites, and
// each branch seeks its id constraint's index (a dynamic type would scan every Entity).
UNWIND $rels AS x
CALL (x) {
  WITH x WHERE x.type = 'SUPPLIED'
  MATCH (a:Entity)-[r:SUPPLIED {id: x.id}]->(b:Entity)
  RETURN a.id AS start, b.id AS end
  UNION ALL
  WITH x WHERE x.type = 'BASED_IN'
  MATCH (a:Entity)-[r:BASED_IN {id: x.id}]->(b:Entity)
  RETURN a.id AS start, b.id AS end
}
RETURN x.type AS type, x.id AS id, start, end
