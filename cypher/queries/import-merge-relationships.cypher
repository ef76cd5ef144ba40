// Imported relationships, MERGEd on (type, id). x.type is checked against the allow-list
// (src/model/vocabulary.ts) before it gets here. An endpoint not in the graph yet (a forward
// reference in an FtM file) is created as a placeholder that its own record later fills in.
// SUPPLIED and BASED_IN, the types every customs row writes, are MERGEd with a static type, so
// the MERGE expands only that type between the two nodes; a dynamic type expands every
// relationship of the pair, which a hub in one large batch makes quadratic (BENCHMARKS.md, Import).
// x.evidence lists the batch's evidence for the relationship (src/import/batch-facts.ts); each
// piece is appended once per (quote, source), so a re-import adds nothing. `IN` first: a native
// list scan, so the pairwise check runs only for a quote already stored.
UNWIND $relationships AS x
MERGE (a:Entity {id: x.start})
ON CREATE SET a.name = x.start, a.kind = 'LegalEntity', a.aliases = [], a.placeholder = true, a.unidentified = false, a.importNamespace = $namespace
WITH a, x
MERGE (b:Entity {id: x.end})
ON CREATE SET b.name = x.end, b.kind = 'LegalEntity', b.aliases = [], b.placeholder = true, b.unidentified = false, b.importNamespace = $namespace
WITH a, b, x
CALL (a, b, x) {
  WITH a, b, x WHERE x.type = 'SUPPLIED'
  MERGE (a)-[r:SUPPLIED {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
  UNION
  WITH a, b, x WHERE x.type = 'BASED_IN'
  MERGE (a)-[r:BASED_IN {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
  UNION
  WITH a, b, x WHERE NOT x.type IN ['SUPPLIED', 'BASED_IN']
  MERGE (a)-[r:$(x.type) {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
}
SET r += x.props, r.status = x.status, r.confidence = x.confidence, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)
WITH r, [e IN x.evidence WHERE NOT (e.quote IN r.evidenceQuotes
          AND any(i IN range(0, size(r.evidenceQuotes) - 1) WHERE r.evidenceQuotes[i] = e.quote AND r.evidenceSourceIds[i] = e.sourceId))] AS fresh
WHERE size(fresh) > 0
SET r.evidenceQuotes = r.evidenceQuotes + [e IN fresh | e.quote], r.evidenceStarts = r.evidenceStarts + [e IN fresh | e.start],
    r.evidenceEnds = r.evidenceEnds + [e IN fresh | e.end], r.evidenceSourceIds = r.evidenceSourceIds + [e IN fresh | e.sourceId]
