// Creates a claim between two entities. $type is checked against the allow-list of
// src/model/vocabulary.ts before it reaches this query and is passed as a parameter (Cypher 5.26
// dynamic type), never spliced into the text. Dates are ISO 8601 strings (or null).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props, r.validFrom = date($validFrom), r.validTo = date($validTo)
RETURN r.id AS id
