// One page of every relationship between entities for a whole-graph export, with evidence and
// sources: keyset pagination on (start id, type, relationship id), the page after
// ($afterStart, $afterType, $afterId) ("", "", "" for the first), at most $limit. Start nodes
// come in index order, so each page reads only the start nodes it returns and the next ones.
MATCH (a:Entity)
WHERE a.id >= $afterStart
WITH a
ORDER BY a.id
MATCH (a)-[r]->(b:Entity)
WITH a, r, b, type(r) AS relType
WHERE a.id > $afterStart OR relType > $afterType OR (relType = $afterType AND r.id > $afterId)
WITH a, r, b, relType
ORDER BY a.id, relType, r.id
LIMIT $limit
RETURN r {.*, type: relType, start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
