// A claim (relationship) by id, whatever its type, with its endpoints, evidence sources and
// element id (for lock-relationship / update-relationship in the same transaction). Ids are
// unique per type (cypher/schema.cypher), so one branch per allow-listed type seeks its id
// constraint's index (src/model/vocabulary.ts; a unit test checks every type has its branch): a
// dynamic type or an untyped match would scan every relationship. More than one row means the
// id is used by several types.
CALL {
  MATCH (a:Entity)-[r:SUPPLIED {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:DEPLOYED_TO {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:FINANCED {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PAID {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PRODUCES {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PART_OF {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:BASED_IN {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:LOCATED_IN {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:BUYS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:MAY_CONTAIN {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:SUBJECT_TO {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:MAY_VIOLATE {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:THREATENED_ACTION_AGAINST {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:LEADS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:GOVERNS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:SUPPORTS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PARTY_TO {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PARTICIPATED_IN {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:SIGNED {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:ADOPTED_AT {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PROPOSED {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:COMMENTED_ON {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:CONCERNS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:REPORTED_ON {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:RELATED_TO {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:OWNS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:DIRECTS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:MEMBER_OF {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:REPRESENTS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:FAMILY_OF {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:ASSOCIATE_OF {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:CONTROLS {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:SUCCEEDED_BY {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:EMPLOYED_BY {id: $id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:OWES {id: $id}]->(b:Entity)
  RETURN a, r, b
}
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       elementId(r) AS elementId,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language, .kind}
       } AS sources
