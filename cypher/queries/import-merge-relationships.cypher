// Imported relationships, MERGEd on (type, id), one row per relationship and batch
// (src/import/batch-facts.ts). x.type is checked against the allow-list (src/model/vocabulary.ts)
// before it gets here. Both endpoints exist: the batch's entities and countries are MERGEd
// first, and any other endpoint (a forward reference in an FtM file, a resolved party) by
// import-merge-placeholders.cypher, so MATCH (on the id constraint's index, hinted SEEK: a
// plan compiled on an empty graph must not scan, and a plain USING INDEX also allows a scan of
// the index per row) replaces two locking MERGEs per row.
// Evidence quotes come as indexes into $texts, each record's text sent once per run of the
// query instead of once per relationship that cites it.
// SUPPLIED and BASED_IN, the types every customs row writes, are MERGEd with a static type, so
// the MERGE expands only that type between the two nodes; a dynamic type expands every
// relationship of the pair, which a hub in one large batch makes quadratic (BENCHMARKS.md, Import).
// The branches exclude each other (x.type), so UNION ALL: no Distinct over every row's x.
//
// Statements (x.statements: every record of the batch stating the relationship) are counted per
// dataset: statementSourceIds[i] is a dataset :Source id, statementCounts[i] how many of its
// records stated it, statementLastLines[i] the last record line counted. Batches commit in file
// order, so a record at or below that line was counted before: a re-import (same file, same
// dataset id) or a resumed one counts nothing twice. statementCount sums them; firstSeen and
// lastSeen are the earliest and latest record dates (null when records carry none).
// Evidence keeps the first $maxEvidence statements, plus the first of each further source; a
// piece is appended once per (quote, source). Offsets and lines are stored as INTEGER lists.
// A customs aggregate (x.aggregate) also sums its declarations: amounts per currency (parallel
// lists currencies/amounts, 'XXX' for an amount without currency; amount/currency too when there
// is one currency), quantity, transit countries (via), the first $maxEvidence recordIds, and
// validFrom/validTo = firstSeen/lastSeen.
UNWIND $relationships AS row
WITH row {.*, evidence: [e IN row.evidence | e {.*, quote: $texts[toInteger(e.quote)]}]} AS x
MATCH (a:Entity {id: x.start})
USING INDEX SEEK a:Entity(id)
MATCH (b:Entity {id: x.end})
USING INDEX SEEK b:Entity(id)
CALL (a, b, x) {
  WITH a, b, x WHERE x.type = 'SUPPLIED'
  MERGE (a)-[r:SUPPLIED {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
  UNION ALL
  WITH a, b, x WHERE x.type = 'BASED_IN'
  MERGE (a)-[r:BASED_IN {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
  UNION ALL
  WITH a, b, x WHERE NOT x.type IN ['SUPPLIED', 'BASED_IN']
  MERGE (a)-[r:$(x.type) {id: x.id}]->(b)
  ON CREATE SET r.evidenceQuotes = [], r.evidenceStarts = [], r.evidenceEnds = [], r.evidenceSourceIds = []
  RETURN r
}
// An FtM link's `ftm_<prop>` list stated again gets the union of the stored values and then the
// new ones, each once (FollowTheMoney merges an entity's fragments so; replacing them lost the
// earlier fragment's values, and FtM export no longer gave them back): computed before `+=`
// overwrites the stored lists, set after it. Same rule for entities (import-merge-entities.cypher).
WITH r, x, [k IN keys(x.props) WHERE k STARTS WITH 'ftm_' AND x.props[k] IS :: LIST<ANY> NOT NULL AND r[k] IS :: LIST<ANY> NOT NULL
            | [k, reduce(acc = r[k], v IN x.props[k] | CASE WHEN v IN acc THEN acc ELSE acc + v END)]] AS unions,
     coalesce(r.version, 1) > 1 AS edited
// A claim an editor changed through the API (version > 1: corroborated, disputed, given a status,
// retracted) keeps its status, its confidence and the properties the API owns ($editorKeys,
// src/model/vocabulary.ts EDITOR_PROPERTIES): a re-import restates the record, it does not undo a
// retraction or a recomputed confidence (docs/writes.md). Decided before any SET, which could
// change r.version.
SET r += CASE WHEN edited THEN {} ELSE x.props END,
    r.status = CASE WHEN edited THEN r.status ELSE x.status END,
    r.confidence = CASE WHEN edited THEN r.confidence ELSE x.confidence END,
    r.validFrom = CASE WHEN x.aggregate THEN r.validFrom ELSE date(x.validFrom) END,
    r.validTo = CASE WHEN x.aggregate THEN r.validTo ELSE date(x.validTo) END
FOREACH (k IN CASE WHEN edited THEN [k IN keys(x.props) WHERE NOT k IN $editorKeys] ELSE [] END | SET r[k] = x.props[k])
FOREACH (u IN unions | SET r[u[0]] = u[1])
WITH r, x, coalesce(r.statementSourceIds, []) AS datasets
WITH r, x, datasets, [i IN range(0, size(datasets) - 1) WHERE datasets[i] = $datasetId][0] AS at
WITH r, x, datasets, at, CASE WHEN at IS NULL THEN 0 ELSE r.statementLastLines[at] END AS watermark
CALL (r, x, datasets, at, watermark) {
  WITH r, x, datasets, at, watermark, [s IN x.statements WHERE s.line > watermark] AS fresh
  WHERE size(fresh) > 0
  WITH r, x, datasets, at, fresh, [s IN fresh WHERE s.date IS NOT NULL | date(s.date)] AS dates,
       CASE
         // Nothing to append: no candidates (the caller drops those a full list cannot take), or
         // a full list that already cites every candidate's source. The stored quotes (the
         // largest properties) are then neither read nor written.
         WHEN size(x.evidence) = 0 THEN null
         WHEN size(coalesce(r.evidenceSourceIds, [])) >= $maxEvidence AND all(e IN x.evidence WHERE e.sourceId IN r.evidenceSourceIds) THEN null
         // No evidence yet and no statement counted: x.evidence is already the capped selection.
         WHEN size(coalesce(r.evidenceSourceIds, [])) = 0 AND watermark = 0
         THEN {q: [e IN x.evidence | e.quote], s: [e IN x.evidence | e.start], e: [e IN x.evidence | e.end], src: [e IN x.evidence | e.sourceId]}
         ELSE reduce(ev = {q: coalesce(r.evidenceQuotes, []), s: coalesce(r.evidenceStarts, []), e: coalesce(r.evidenceEnds, []), src: coalesce(r.evidenceSourceIds, [])}, e IN x.evidence |
           CASE WHEN e.start > watermark
                     AND (size(ev.q) < $maxEvidence OR NOT e.sourceId IN ev.src)
                     AND NOT (e.quote IN ev.q AND any(i IN range(0, size(ev.q) - 1) WHERE ev.q[i] = e.quote AND ev.src[i] = e.sourceId))
                THEN {q: ev.q + e.quote, s: ev.s + e.start, e: ev.e + e.end, src: ev.src + e.sourceId}
                ELSE ev END)
       END AS ev
  FOREACH (_ IN CASE WHEN ev IS NULL THEN [] ELSE [1] END |
    SET r.evidenceQuotes = ev.q, r.evidenceStarts = [v IN ev.s | toInteger(v)], r.evidenceEnds = [v IN ev.e | toInteger(v)], r.evidenceSourceIds = ev.src)
  SET r.statementCount = coalesce(r.statementCount, 0) + size(fresh),
      r.statementSourceIds = CASE WHEN at IS NULL THEN datasets + $datasetId ELSE datasets END,
      r.statementCounts = CASE WHEN at IS NULL THEN coalesce(r.statementCounts, []) + size(fresh)
                          ELSE [i IN range(0, size(datasets) - 1) | r.statementCounts[i] + CASE i WHEN at THEN size(fresh) ELSE 0 END] END,
      r.statementLastLines = CASE WHEN at IS NULL THEN coalesce(r.statementLastLines, []) + toInteger(fresh[-1].line)
                             ELSE [i IN range(0, size(datasets) - 1) | CASE i WHEN at THEN toInteger(fresh[-1].line) ELSE r.statementLastLines[i] END] END,
      r.firstSeen = reduce(m = r.firstSeen, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
      r.lastSeen = reduce(m = r.lastSeen, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END)
  // Totals start from zero when no dataset was counted yet (a new aggregate, or one an older
  // version recomputed from per-declaration edges), so nothing is summed twice.
  WITH r, x, fresh, size(datasets) > 0 AS counted WHERE x.aggregate
  WITH r, fresh, counted, [s IN fresh WHERE s.amount IS NOT NULL] AS paid
  WITH r, fresh, counted, paid,
       reduce(cs = CASE WHEN counted THEN coalesce(r.currencies, []) ELSE [] END, s IN paid | CASE WHEN coalesce(s.currency, 'XXX') IN cs THEN cs ELSE cs + coalesce(s.currency, 'XXX') END) AS currencies
  WITH r, fresh, counted, currencies,
       [i IN range(0, size(currencies) - 1) | CASE WHEN counted THEN coalesce(r.amounts[i], 0.0) ELSE 0.0 END
                                              + reduce(t = 0.0, s IN paid | t + CASE WHEN coalesce(s.currency, 'XXX') = currencies[i] THEN s.amount ELSE 0.0 END)] AS amounts
  SET r.currencies = currencies,
      r.amounts = amounts,
      r.amount = CASE size(currencies) WHEN 1 THEN amounts[0] END,
      r.currency = CASE WHEN size(currencies) = 1 AND currencies[0] <> 'XXX' THEN currencies[0] END,
      r.quantity = reduce(q = CASE WHEN counted THEN r.quantity END, s IN fresh | CASE WHEN s.quantity IS NULL THEN q ELSE coalesce(q, 0) + s.quantity END),
      r.declarationCount = r.statementCount,
      r.recordIds = (CASE WHEN counted THEN coalesce(r.recordIds, []) ELSE [] END + [s IN fresh | s.recordId])[0..$maxEvidence],
      r.via = reduce(acc = CASE WHEN counted THEN coalesce(r.via, []) ELSE [] END, c IN reduce(vs = [], s IN fresh | vs + coalesce(s.via, [])) | CASE WHEN c IN acc THEN acc ELSE acc + c END),
      r.validFrom = r.firstSeen,
      r.validTo = r.lastSeen,
      r.note = 'aggregate of ' + r.statementCount + ' customs declarations, HS ' + r.hsHeading
}
