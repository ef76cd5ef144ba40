// Every relationship whose two endpoints are both in $ids (an induced subgraph) and that passes
// the per-hop filters ($types, $statuses, $minConfidence, and $asOf when $dated), with evidence and sources; at
// most $limit, strongest first. Each relationship is found from an endpoint with at most $cap
// relationships in all, so no hub's whole chain is read; one between two hubs is left out.
// Each endpoint's relationships are read in a subquery and the other endpoint checked after it:
// given `b.id IN $ids` beside the expansion, the planner seeks every id in $ids for every
// endpoint and checks each pair (Expand(Into), ids² pairs: 2000 ids took over 30 s, four such
// queries at once, in an export test); a subquery's predicates are not pushed into it.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
WHERE COUNT { (a)--() } <= $cap
CALL (a) {
  MATCH (a)-[r]-(b)
  RETURN r, b
}
WITH r, b
WHERE b:Entity AND b.id IN $ids
  AND type(r) IN $types
  AND r.status IN $statuses
  AND r.confidence >= $minConfidence
  AND (NOT $dated OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
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
