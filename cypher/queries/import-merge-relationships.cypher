// Imported relationships, MERGEd on (type, id). x.type is checked against the allow-list
// (src/model/vocabulary.ts) before it gets here. An endpoint not in the graph yet (a forward
// reference in an FtM file) is created as a placeholder that its own record later fills in.
// Evidence is appended once per (quote, source), so a re-import adds nothing.
UNWIND $relationships AS x
MERGE (a:Entity {id: x.start})
ON CREATE SET a.name = x.start, a.kind = 'LegalEntity', a.aliases = [], a.placeholder = true, a.unidentified = false, a.importNamespace = $namespace
MERGE (b:Entity {id: x.end})
ON CREATE SET b.name = x.end, b.kind = 'LegalEntity', b.aliases = [], b.placeholder = true, b.unidentified = false, b.importNamespace = $namespace
MERGE (a)-[r:$(x.type) {id: x.id}]->(b)
ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
SET r += x.props, r.status = x.status, r.confidence = x.confidence, r.validFrom = date(x.validFrom), r.validTo = date(x.validTo)
WITH r, x.evidence AS e
WHERE none(i IN range(0, size(r.evidenceQuotes) - 1) WHERE r.evidenceQuotes[i] = e.quote AND r.evidenceSourceIds[i] = e.sourceId)
SET r.evidenceQuotes = r.evidenceQuotes + e.quote, r.evidenceStarts = r.evidenceStarts + e.start,
    r.evidenceEnds = r.evidenceEnds + e.end, r.evidenceSourceIds = r.evidenceSourceIds + e.sourceId
