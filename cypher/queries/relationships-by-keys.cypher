// The relationships named by $keys (a map from each allow-listed relationship type to the ids
// listed for it; a type with no ids may be absent) whose two endpoints are both in $ids (an
// export of exactly the elements a client shows), with evidence and sources. Each key is looked
// up through its type's id uniqueness constraint (cypher/schema.cypher), one branch per
// allow-listed type (src/model/vocabulary.ts; Cypher cannot take a type as a parameter, and a
// unit test checks the branches cover the allow-list), so the cost follows the number of keys,
// not the degree of the listed nodes. Keys that name no relationship between listed nodes are
// simply absent.
CALL {
  UNWIND $keys.SUPPLIED AS id
  MATCH (a:Entity)-[r:SUPPLIED {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.DEPLOYED_TO AS id
  MATCH (a:Entity)-[r:DEPLOYED_TO {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.FINANCED AS id
  MATCH (a:Entity)-[r:FINANCED {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PAID AS id
  MATCH (a:Entity)-[r:PAID {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PRODUCES AS id
  MATCH (a:Entity)-[r:PRODUCES {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PART_OF AS id
  MATCH (a:Entity)-[r:PART_OF {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.BASED_IN AS id
  MATCH (a:Entity)-[r:BASED_IN {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.LOCATED_IN AS id
  MATCH (a:Entity)-[r:LOCATED_IN {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.BUYS AS id
  MATCH (a:Entity)-[r:BUYS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.MAY_CONTAIN AS id
  MATCH (a:Entity)-[r:MAY_CONTAIN {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.SUBJECT_TO AS id
  MATCH (a:Entity)-[r:SUBJECT_TO {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.MAY_VIOLATE AS id
  MATCH (a:Entity)-[r:MAY_VIOLATE {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.THREATENED_ACTION_AGAINST AS id
  MATCH (a:Entity)-[r:THREATENED_ACTION_AGAINST {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.LEADS AS id
  MATCH (a:Entity)-[r:LEADS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.GOVERNS AS id
  MATCH (a:Entity)-[r:GOVERNS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.SUPPORTS AS id
  MATCH (a:Entity)-[r:SUPPORTS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PARTY_TO AS id
  MATCH (a:Entity)-[r:PARTY_TO {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PARTICIPATED_IN AS id
  MATCH (a:Entity)-[r:PARTICIPATED_IN {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.SIGNED AS id
  MATCH (a:Entity)-[r:SIGNED {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.ADOPTED_AT AS id
  MATCH (a:Entity)-[r:ADOPTED_AT {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.PROPOSED AS id
  MATCH (a:Entity)-[r:PROPOSED {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.COMMENTED_ON AS id
  MATCH (a:Entity)-[r:COMMENTED_ON {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.CONCERNS AS id
  MATCH (a:Entity)-[r:CONCERNS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.REPORTED_ON AS id
  MATCH (a:Entity)-[r:REPORTED_ON {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.RELATED_TO AS id
  MATCH (a:Entity)-[r:RELATED_TO {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.OWNS AS id
  MATCH (a:Entity)-[r:OWNS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.DIRECTS AS id
  MATCH (a:Entity)-[r:DIRECTS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.MEMBER_OF AS id
  MATCH (a:Entity)-[r:MEMBER_OF {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.REPRESENTS AS id
  MATCH (a:Entity)-[r:REPRESENTS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.FAMILY_OF AS id
  MATCH (a:Entity)-[r:FAMILY_OF {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.ASSOCIATE_OF AS id
  MATCH (a:Entity)-[r:ASSOCIATE_OF {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.CONTROLS AS id
  MATCH (a:Entity)-[r:CONTROLS {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.SUCCEEDED_BY AS id
  MATCH (a:Entity)-[r:SUCCEEDED_BY {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.EMPLOYED_BY AS id
  MATCH (a:Entity)-[r:EMPLOYED_BY {id: id}]->(b:Entity)
  RETURN a, r, b
  UNION ALL
  UNWIND $keys.OWES AS id
  MATCH (a:Entity)-[r:OWES {id: id}]->(b:Entity)
  RETURN a, r, b
}
WITH a, r, b
WHERE a.id IN $ids AND b.id IN $ids
ORDER BY a.id, type(r), r.id
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
