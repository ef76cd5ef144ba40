// New SUPPLIED and BASED_IN relationships (import-existing-relationships.cypher found none with
// their id) that are not customs aggregates, written whole in their first state, which
// src/import/batch-prepare.ts (packFirstStates) computes as import-merge-relationships.cypher
// would for a relationship it creates: every statement counted for $datasetId, the capped
// evidence selection, firstSeen/lastSeen. Why a second query: most relationships of a large
// import are new (two SUPPLIED per customs declaration), and a MERGE with one map SET costs
// Neo4j far less than the general query's statement bookkeeping (BENCHMARKS.md, Import).
// Each relationship is one packed string (src/import/packed-rows.ts): fields split on U+001F,
// list items on U+001E, U+0018 for null, U+001A for an empty list. Fields: 0 type, 1 id, 2 start, 3 end, 4 status, 5 confidence, 6 validFrom, 7 validTo,
// 8 firstSeen, 9 lastSeen, 10 quotes, 11 starts, 12 ends, 13 source ids, 14 statement count,
// 15 last line, then one per $keys[i], packed as $kinds[i] (s string, n number, b boolean,
// l string list); every row of a run has the same keys.
// MERGE, not CREATE: a relationship another transaction created since the check is matched
// instead of failing the batch on the id constraint; the query returns the ids of those it
// matched with another state, and the caller merges their statements with the general query.
UNWIND $rows AS row
WITH split(row, '\u001F') AS f
MATCH (a:Entity {id: f[2]})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: f[3]})
USING INDEX b:Entity(id)
WITH a, b, f, {status: f[4], confidence: toFloat(f[5]),
       validFrom: CASE f[6] WHEN '\u0018' THEN null ELSE date(f[6]) END,
       validTo: CASE f[7] WHEN '\u0018' THEN null ELSE date(f[7]) END,
       firstSeen: CASE f[8] WHEN '\u0018' THEN null ELSE date(f[8]) END,
       lastSeen: CASE f[9] WHEN '\u0018' THEN null ELSE date(f[9]) END,
       evidenceQuotes: split(f[10], '\u001E'),
       evidenceStarts: [v IN split(f[11], '\u001E') | toInteger(v)],
       evidenceEnds: [v IN split(f[12], '\u001E') | toInteger(v)],
       evidenceSourceIds: split(f[13], '\u001E'),
       statementCount: toInteger(f[14]), statementSourceIds: [$datasetId], statementCounts: [toInteger(f[14])],
       statementLastLines: [toInteger(f[15])]} AS first
CALL (a, b, f, first) {
  WITH a, b, f, first WHERE f[0] = 'SUPPLIED'
  MERGE (a)-[r:SUPPLIED {id: f[1]}]->(b)
  ON CREATE SET r += first
  RETURN r
  UNION ALL
  WITH a, b, f, first WHERE f[0] = 'BASED_IN'
  MERGE (a)-[r:BASED_IN {id: f[1]}]->(b)
  ON CREATE SET r += first
  RETURN r
}
// Created here, or stored with exactly this state (the same record of the same dataset):
// the properties are set; otherwise the id is returned for the general query.
WITH r, f, r.statementSourceIds = [$datasetId] AND r.statementLastLines = [toInteger(f[15])] AND r.statementCount = toInteger(f[14]) AS ours
FOREACH (i IN CASE WHEN ours THEN range(0, size($keys) - 1) ELSE [] END |
  SET r[$keys[i]] = CASE $kinds[i]
    WHEN 's' THEN f[16 + i]
    WHEN 'n' THEN toFloat(f[16 + i])
    WHEN 'b' THEN f[16 + i] = 'true'
    ELSE CASE f[16 + i] WHEN '\u001A' THEN [] ELSE split(f[16 + i], '\u001E') END
  END)
WITH f WHERE NOT ours
RETURN collect(f[1]) AS matched
