// The relationships named by $keys ({type, id} maps) whose two endpoints are both in $ids (an
// export of exactly the elements a client shows), with evidence and sources. Anchored on the
// listed nodes through the Entity id index, so the cost follows their degree, not the graph's
// size. Keys that name no relationship between listed nodes are simply absent.
UNWIND $ids AS entityId
MATCH (a:Entity {id: entityId})-[r]->(b:Entity)
WHERE b.id IN $ids AND {type: type(r), id: r.id} IN $keys
WITH a, r, b
ORDER BY a.id, type(r), r.id
RETURN r {.*, type: type(r), start: a.id, end: b.id} AS rel,
       a {.*} AS startEntity,
       b {.*} AS endEntity,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(r.evidenceSourceIds, [])
         RETURN s {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
       } AS sources
