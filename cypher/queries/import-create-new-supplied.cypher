// New SUPPLIED relationships written whole from packed rows with CREATE: the fast path of
// import-create-relationships.cypher, taken while the importer bets that none of a batch's
// SUPPLIED ids is stored yet (src/import/batch-writer.ts, BatchOptions.freshSupplied; the usual
// case, one new SUPPLIED per customs declaration). The rows, endpoints and first state are those
// of import-create-relationships.cypher (same packed fields, packFirstState in
// src/import/batch-prepare.ts), so a relationship created here is stored exactly as that query
// stores a new one. What it leaves out is all that query does for a stored relationship: the
// MERGE's lookup and endpoint locks, and the per-row restatement bookkeeping behind three Eager
// operators (BENCHMARKS.md, Import, round 8). A stored id fails the CREATE on the rel_supplied_id
// constraint (Neo.ClientError.Schema.ConstraintValidationFailed): the transaction rolls back and
// the batch is written again by the general queries, which restate it.
CALL () {
  // The run's endpoints, each looked up once, in $ids order; a missing one keeps its slot as [null].
  UNWIND range(0, size($ids) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: $ids[i]})
  USING INDEX SEEK n:Entity(id)
  WITH i, n ORDER BY i
  RETURN collect([n]) AS nodes
}
UNWIND range(0, size($rows) - 1) AS k
WITH nodes[toInteger($endpoints[2 * k])][0] AS a, nodes[toInteger($endpoints[2 * k + 1])][0] AS b, split($rows[k], '\u001F') AS f
WHERE a IS NOT NULL AND b IS NOT NULL AND f[0] = 'SUPPLIED'
CREATE (a)-[r:SUPPLIED {id: f[1]}]->(b)
SET r += {status: f[2], confidence: toFloat(f[3]),
          validFrom: CASE f[4] WHEN '\u0018' THEN null ELSE date(f[4]) END,
          validTo: CASE f[5] WHEN '\u0018' THEN null ELSE date(f[5]) END,
          firstSeen: CASE f[6] WHEN '\u0018' THEN null ELSE date(f[6]) END,
          lastSeen: CASE f[7] WHEN '\u0018' THEN null ELSE date(f[7]) END,
          evidenceQuotes: split(f[8], '\u001E'),
          evidenceStarts: [v IN split(f[9], '\u001E') | toInteger(v)],
          evidenceEnds: [v IN split(f[10], '\u001E') | toInteger(v)],
          evidenceSourceIds: split(f[11], '\u001E'),
          statementCount: toInteger(f[12]),
          statementSourceIds: [$datasetId], statementCounts: [toInteger(f[12])],
          statementLastLines: [toInteger(f[13])]}
// The props, a map literal generated per property signature (src/import/create-query.ts).
SET r += $$PROPS$$
// The same result shape as import-create-relationships.cypher: nothing matched, by definition.
WITH count(r) AS created
RETURN [] AS matched
