// New SUPPLIED and BASED_IN relationships (import-existing-relationships.cypher found none with
// their id) that are not customs aggregates, written whole in their first state, which
// src/import/batch-prepare.ts (packFirstState) computes as import-merge-relationships.cypher
// would for a relationship it creates: every statement counted for $datasetId, the capped
// evidence selection, firstSeen/lastSeen. Why a second query: most relationships of a large
// import are new (two SUPPLIED per customs declaration), and a MERGE with one map SET costs
// Neo4j far less than the general query's statement bookkeeping (BENCHMARKS.md, Import).
// Each relationship is one packed string (src/import/packed-rows.ts): fields split on U+001F,
// list items on U+001E, U+0018 for null, U+001A for an empty list. Fields: 0 type, 1 id,
// 2 status, 3 confidence, 4 validFrom, 5 validTo, 6 firstSeen, 7 lastSeen, 8 quotes, 9 starts,
// 10 ends, 11 source ids, 12 statement count, 13 last line, then one per $keys[i], packed as
// $kinds[i] (s string, n number, b boolean, l string list); every row of a run has the same
// keys. Row k's endpoints are $ids[$endpoints[2k]] and $ids[$endpoints[2k + 1]].
// MERGE, not CREATE: a relationship stored already (an earlier import's, or another
// transaction's since the check) is matched instead of failing the batch on the id constraint;
// the query returns the ids of those it matched, and the caller merges them with the general
// query, so every path ends in the same state.
CALL () {
  // The run's endpoints, each looked up once (a hub is the endpoint of many rows), in $ids
  // order; a missing one keeps its slot as [null].
  UNWIND range(0, size($ids) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: $ids[i]})
  USING INDEX n:Entity(id)
  WITH i, n ORDER BY i
  RETURN collect([n]) AS nodes
}
UNWIND range(0, size($rows) - 1) AS k
WITH nodes[toInteger($endpoints[2 * k])][0] AS a, nodes[toInteger($endpoints[2 * k + 1])][0] AS b, split($rows[k], '\u001F') AS f
WHERE a IS NOT NULL AND b IS NOT NULL
WITH a, b, f, {status: f[2], confidence: toFloat(f[3]),
       validFrom: CASE f[4] WHEN '\u0018' THEN null ELSE date(f[4]) END,
       validTo: CASE f[5] WHEN '\u0018' THEN null ELSE date(f[5]) END,
       firstSeen: CASE f[6] WHEN '\u0018' THEN null ELSE date(f[6]) END,
       lastSeen: CASE f[7] WHEN '\u0018' THEN null ELSE date(f[7]) END,
       evidenceQuotes: split(f[8], '\u001E'),
       evidenceStarts: [v IN split(f[9], '\u001E') | toInteger(v)],
       evidenceEnds: [v IN split(f[10], '\u001E') | toInteger(v)],
       evidenceSourceIds: split(f[11], '\u001E'),
       statementSourceIds: [$datasetId], statementCounts: [toInteger(f[12])],
       statementLastLines: [toInteger(f[13])]} AS first
CALL (a, b, f, first) {
  WITH a, b, f, first WHERE f[0] = 'SUPPLIED'
  MERGE (a)-[r:SUPPLIED {id: f[1]}]->(b)
  ON CREATE SET r += first, r.statementCount = -1
  RETURN r
  UNION ALL
  WITH a, b, f, first WHERE f[0] = 'BASED_IN'
  MERGE (a)-[r:BASED_IN {id: f[1]}]->(b)
  ON CREATE SET r += first, r.statementCount = -1
  RETURN r
}
// Created by this MERGE: statementCount -1 is set ON CREATE only and never stored (no committed
// relationship has it, and the next line replaces it). Any relationship the MERGE matched,
// whatever its state (another dataset's, this file's on a re-import, one without statement
// bookkeeping from an older version), is returned for the general query, which merges it.
WITH r, f, coalesce(r.statementCount = -1, false) AS ours
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END | SET r.statementCount = toInteger(f[12]))
FOREACH (i IN CASE WHEN ours THEN range(0, size($keys) - 1) ELSE [] END |
  SET r[$keys[i]] = CASE $kinds[i]
    WHEN 's' THEN f[14 + i]
    WHEN 'n' THEN toFloat(f[14 + i])
    WHEN 'b' THEN f[14 + i] = 'true'
    ELSE CASE f[14 + i] WHEN '\u001A' THEN [] ELSE split(f[14 + i], '\u001E') END
  END)
WITH f WHERE NOT ours
RETURN collect(f[1]) AS matched
