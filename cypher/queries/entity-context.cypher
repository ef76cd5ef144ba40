// The places each entity of $ids is registered, lives or happens in: the Country and Address
// entities at the end of its context relationships (BASED_IN, LOCATED_IN: the context types of
// src/model/vocabulary.ts, which a unit test checks against this list), ordered by id.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:BASED_IN|LOCATED_IN]->(place:Entity)
WHERE place.kind IN ['Country', 'Address']
WITH id, place
ORDER BY place.id
RETURN id, collect(DISTINCT place {.*}) AS places
