// Every relationship whose two endpoints are both in $ids (an induced subgraph), with evidence
// and sources; at most $limit, strongest first.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
WITH a, r, b
ORDER BY r.confidence DESC, r.id
LIMIT $limit
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
