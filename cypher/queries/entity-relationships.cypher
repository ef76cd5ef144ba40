// The relationships of the records $ids (one entity, or the records of one cluster) in both
// directions, strongest first, capped by $limit.
MATCH (n:Entity)-[r]-(:Entity)
WHERE n.id IN $ids
WITH DISTINCT r
ORDER BY r.confidence DESC, r.id
LIMIT $limit
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
