// Full relationships (with evidence and their sources) for refs {id, start, end} found by a
// route search. Matching through the indexed endpoints avoids a scan of all relationships.
UNWIND $refs AS ref
MATCH (a:Entity {id: ref.start})-[r]->(b:Entity {id: ref.end})
WHERE r.id = ref.id
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
