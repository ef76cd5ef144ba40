// SUPPLIED and BASED_IN relationships that are not customs aggregates, written whole from packed
// rows. A new one gets its first state, which src/import/batch-prepare.ts (packFirstState)
// computes as import-merge-relationships.cypher would for a relationship it creates: every
// statement counted for $datasetId, the capped evidence selection, firstSeen/lastSeen. A stored
// one is restated here when that is a plain count (see below), else returned for the general
// query. Why a second query: most relationships of a large import are new (two SUPPLIED per
// customs declaration) or a plain restatement (a party's BASED_IN), and Neo4j does either from
// one packed string far faster than the general query's per-statement bookkeeping over maps
// (BENCHMARKS.md, Import).
// Each relationship is one packed string (src/import/packed-rows.ts): fields split on U+001F,
// list items on U+001E, U+0018 for null, U+001A for an empty list. Fields: 0 type, 1 id,
// 2 status, 3 confidence, 4 validFrom, 5 validTo, 6 firstSeen, 7 lastSeen, 8 quotes, 9 starts,
// 10 ends, 11 source ids, 12 statement count, 13 last line, 14 first line, then one per
// $keys[i], packed as $kinds[i] (s string, n number, b boolean, l string list, z null: the
// property is removed, as `r += {key: null}` does); every row of a run has the same keys.
// Row k's endpoints are $ids[$endpoints[2k]] and $ids[$endpoints[2k + 1]].
// MERGE, not CREATE: a relationship stored already (an earlier batch's or import's, or another
// transaction's) is matched instead of failing the batch on the id constraint.
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
// relationship has it, and the next lines replace it).
WITH r, f, coalesce(r.statementCount = -1, false) AS ours
// A stored one (matched) whose statements are all fresh (the first, f[14], above its dataset's
// watermark) is restated here as import-merge-relationships.cypher would: props, status,
// confidence and validity replaced, statements counted, firstSeen/lastSeen widened, and the
// candidate evidence appended under the same cap and (quote, source) rule. The common case of a
// large import: a party's BASED_IN is restated by every batch that names the party.
WITH r, f, ours, coalesce(r.statementSourceIds, []) AS datasets
WITH r, f, ours, datasets, [i IN range(0, size(datasets) - 1) WHERE datasets[i] = $datasetId][0] AS at
WITH r, f, ours, datasets, at, CASE WHEN at IS NULL THEN 0 ELSE r.statementLastLines[at] END AS watermark
WITH r, f, ours, datasets, at, watermark, NOT ours AND toInteger(f[14]) > watermark AS restated
WITH r, f, ours, datasets, at, restated,
     CASE
       // Nothing to append: no candidates, or a full list already citing each candidate's
       // source. The stored quotes (the largest properties) are then neither read nor written.
       WHEN NOT restated OR f[11] = '\u001A' THEN null
       WHEN size(coalesce(r.evidenceSourceIds, [])) >= $maxEvidence AND all(s IN split(f[11], '\u001E') WHERE s IN r.evidenceSourceIds) THEN null
       ELSE reduce(ev = {q: coalesce(r.evidenceQuotes, []), s: coalesce(r.evidenceStarts, []), e: coalesce(r.evidenceEnds, []), src: coalesce(r.evidenceSourceIds, [])},
                   c IN [i IN range(0, size(split(f[8], '\u001E')) - 1) | {q: split(f[8], '\u001E')[i], s: toInteger(split(f[9], '\u001E')[i]), e: toInteger(split(f[10], '\u001E')[i]), src: split(f[11], '\u001E')[i]}] |
         CASE WHEN c.s > watermark
                   AND (size(ev.q) < $maxEvidence OR NOT c.src IN ev.src)
                   AND NOT (c.q IN ev.q AND any(i IN range(0, size(ev.q) - 1) WHERE ev.q[i] = c.q AND ev.src[i] = c.src))
              THEN {q: ev.q + c.q, s: ev.s + c.s, e: ev.e + c.e, src: ev.src + c.src}
              ELSE ev END)
     END AS ev
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END | SET r.statementCount = toInteger(f[12]))
FOREACH (_ IN CASE WHEN ev IS NULL THEN [] ELSE [1] END |
  SET r.evidenceQuotes = ev.q, r.evidenceStarts = ev.s, r.evidenceEnds = ev.e, r.evidenceSourceIds = ev.src)
FOREACH (_ IN CASE WHEN restated THEN [1] ELSE [] END |
  SET r.status = f[2], r.confidence = toFloat(f[3]),
      r.validFrom = CASE f[4] WHEN '\u0018' THEN null ELSE date(f[4]) END,
      r.validTo = CASE f[5] WHEN '\u0018' THEN null ELSE date(f[5]) END,
      r.statementCount = coalesce(r.statementCount, 0) + toInteger(f[12]),
      r.statementSourceIds = CASE WHEN at IS NULL THEN datasets + $datasetId ELSE datasets END,
      r.statementCounts = CASE WHEN at IS NULL THEN coalesce(r.statementCounts, []) + toInteger(f[12])
                          ELSE [i IN range(0, size(datasets) - 1) | r.statementCounts[i] + CASE i WHEN at THEN toInteger(f[12]) ELSE 0 END] END,
      r.statementLastLines = CASE WHEN at IS NULL THEN coalesce(r.statementLastLines, []) + toInteger(f[13])
                             ELSE [i IN range(0, size(datasets) - 1) | CASE i WHEN at THEN toInteger(f[13]) ELSE r.statementLastLines[i] END] END,
      r.firstSeen = CASE WHEN f[6] = '\u0018' OR (r.firstSeen IS NOT NULL AND r.firstSeen <= date(f[6])) THEN r.firstSeen ELSE date(f[6]) END,
      r.lastSeen = CASE WHEN f[7] = '\u0018' OR (r.lastSeen IS NOT NULL AND r.lastSeen >= date(f[7])) THEN r.lastSeen ELSE date(f[7]) END)
FOREACH (i IN CASE WHEN ours OR restated THEN range(0, size($keys) - 1) ELSE [] END |
  SET r[$keys[i]] = CASE $kinds[i]
    WHEN 's' THEN f[15 + i]
    WHEN 'n' THEN toFloat(f[15 + i])
    WHEN 'b' THEN f[15 + i] = 'true'
    WHEN 'z' THEN null
    ELSE CASE f[15 + i] WHEN '\u001A' THEN [] ELSE split(f[15 + i], '\u001E') END
  END)
// Any other stored one (a re-import, or a resumed one: statements at or below the watermark) is
// returned for the general query, which counts only the fresh ones.
WITH f WHERE NOT ours AND NOT restated
RETURN collect(f[1]) AS matched
