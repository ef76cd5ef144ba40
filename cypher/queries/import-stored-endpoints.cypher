// Where the graph already holds relationships with the ids a batch states ($rels: [{type, id,
// start, end}], start/end the batch's endpoints): the stored endpoints and their names, and the
// names of the batch's endpoints already in the graph. Used only to write a batch again after it
// failed on a relationship id constraint (src/import/batch-writer.ts, withStoredEndpoints;
// src/import/relationship-ids.ts decides what to do). One branch per allow-listed type
// (src/model/vocabulary.ts; a unit test checks that each has one), each seeking its id
// constraint's index: a dynamic type would scan every Entity.
UNWIND $rels AS x
CALL (x) {
  WITH x WHERE x.type = 'SUPPLIED'
  MATCH (a)-[r:SUPPLIED {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'DEPLOYED_TO'
  MATCH (a)-[r:DEPLOYED_TO {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'FINANCED'
  MATCH (a)-[r:FINANCED {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PAID'
  MATCH (a)-[r:PAID {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PRODUCES'
  MATCH (a)-[r:PRODUCES {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PART_OF'
  MATCH (a)-[r:PART_OF {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'BASED_IN'
  MATCH (a)-[r:BASED_IN {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'LOCATED_IN'
  MATCH (a)-[r:LOCATED_IN {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'BUYS'
  MATCH (a)-[r:BUYS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'MAY_CONTAIN'
  MATCH (a)-[r:MAY_CONTAIN {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'SUBJECT_TO'
  MATCH (a)-[r:SUBJECT_TO {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'MAY_VIOLATE'
  MATCH (a)-[r:MAY_VIOLATE {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'THREATENED_ACTION_AGAINST'
  MATCH (a)-[r:THREATENED_ACTION_AGAINST {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'LEADS'
  MATCH (a)-[r:LEADS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'GOVERNS'
  MATCH (a)-[r:GOVERNS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'SUPPORTS'
  MATCH (a)-[r:SUPPORTS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PARTY_TO'
  MATCH (a)-[r:PARTY_TO {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PARTICIPATED_IN'
  MATCH (a)-[r:PARTICIPATED_IN {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'SIGNED'
  MATCH (a)-[r:SIGNED {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'ADOPTED_AT'
  MATCH (a)-[r:ADOPTED_AT {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'PROPOSED'
  MATCH (a)-[r:PROPOSED {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'COMMENTED_ON'
  MATCH (a)-[r:COMMENTED_ON {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'CONCERNS'
  MATCH (a)-[r:CONCERNS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'REPORTED_ON'
  MATCH (a)-[r:REPORTED_ON {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'RELATED_TO'
  MATCH (a)-[r:RELATED_TO {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'OWNS'
  MATCH (a)-[r:OWNS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'DIRECTS'
  MATCH (a)-[r:DIRECTS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'MEMBER_OF'
  MATCH (a)-[r:MEMBER_OF {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'REPRESENTS'
  MATCH (a)-[r:REPRESENTS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'FAMILY_OF'
  MATCH (a)-[r:FAMILY_OF {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'ASSOCIATE_OF'
  MATCH (a)-[r:ASSOCIATE_OF {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'CONTROLS'
  MATCH (a)-[r:CONTROLS {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'SUCCEEDED_BY'
  MATCH (a)-[r:SUCCEEDED_BY {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'EMPLOYED_BY'
  MATCH (a)-[r:EMPLOYED_BY {id: x.id}]->(b)
  RETURN a, b
  UNION ALL
  WITH x WHERE x.type = 'OWES'
  MATCH (a)-[r:OWES {id: x.id}]->(b)
  RETURN a, b
}
OPTIONAL MATCH (s:Entity {id: x.start})
OPTIONAL MATCH (e:Entity {id: x.end})
RETURN x.type AS type, x.id AS id, a.id AS start, a.name AS startName, b.id AS end, b.name AS endName,
       s.name AS batchStartName, e.name AS batchEndName
