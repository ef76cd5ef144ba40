// Customs aggregates: one SUPPLIED per (exporter, importer, HS heading = first 4 digits of the
// HS code) that the dataset $sourceId declared, recomputed from EVERY stored per-declaration
// SUPPLIED (leg 'exporter-importer') of that pair and heading whose id starts with $prefix (the
// namespace, "" for none). Declarations are MERGEd by record id, so re-importing a file, or a
// file overlapping an earlier one, recounts nothing twice; the aggregate is MERGEd on its id and
// SET whole. Values: amounts summed per currency (parallel lists `currencies`/`amounts`; 'XXX'
// for an amount without currency; `amount`/`currency` too when there is one currency), quantity
// summed (null when no declaration has one), declarationCount, validFrom/validTo = first/last
// declaration date, recordIds (by date), and the first $maxEvidence declarations' evidence.
MATCH (:Source {id: $sourceId})-[:PROVIDED]->(a:Entity)-[d:SUPPLIED]->(b:Entity)
WHERE d.leg = 'exporter-importer' AND $sourceId IN d.evidenceSourceIds
WITH DISTINCT a, b, substring(d.hsCode, 0, 4) AS heading
CALL (a, b, heading) {
  MATCH (a)-[d:SUPPLIED]->(b)
  WHERE d.leg = 'exporter-importer' AND d.hsCode STARTS WITH heading AND d.id STARTS WITH $prefix
  WITH d ORDER BY d.validFrom, d.recordId
  WITH collect(d) AS ds
  WITH ds, reduce(acc = [], d IN ds | CASE WHEN d.amount IS NULL OR coalesce(d.currency, 'XXX') IN acc THEN acc ELSE acc + coalesce(d.currency, 'XXX') END) AS currencies
  RETURN ds, currencies,
         [c IN currencies | reduce(t = 0.0, d IN ds | t + CASE WHEN d.amount IS NOT NULL AND coalesce(d.currency, 'XXX') = c THEN d.amount ELSE 0.0 END)] AS amounts
}
WITH a, b, heading, ds, currencies, amounts, ds[0..$maxEvidence] AS cited
MERGE (a)-[g:SUPPLIED {id: $prefix + 'customs-agg-' + heading + ':' + a.id + '>' + b.id}]->(b)
SET g.aggregate = true,
    g.hsHeading = heading,
    g.goods = ['HS ' + heading],
    g.currencies = currencies,
    g.amounts = amounts,
    g.amount = CASE size(currencies) WHEN 1 THEN amounts[0] END,
    g.currency = CASE WHEN size(currencies) = 1 AND currencies[0] <> 'XXX' THEN currencies[0] END,
    g.quantity = reduce(q = null, d IN ds | CASE WHEN d.quantity IS NULL THEN q ELSE coalesce(q, 0) + d.quantity END),
    g.declarationCount = size(ds),
    g.recordIds = [d IN ds | d.recordId],
    g.via = reduce(acc = [], d IN ds | acc + [c IN coalesce(d.via, []) WHERE NOT c IN acc]),
    g.validFrom = ds[0].validFrom,
    g.validTo = reduce(m = null, d IN ds | CASE WHEN m IS NULL OR d.validTo > m THEN d.validTo ELSE m END),
    g.note = 'aggregate of ' + size(ds) + ' customs declarations, HS ' + heading,
    g.status = $status,
    g.confidence = $confidence,
    g.evidenceQuotes = reduce(acc = [], d IN cited | acc + d.evidenceQuotes),
    g.evidenceStarts = reduce(acc = [], d IN cited | acc + d.evidenceStarts),
    g.evidenceEnds = reduce(acc = [], d IN cited | acc + d.evidenceEnds),
    g.evidenceSourceIds = reduce(acc = [], d IN cited | acc + d.evidenceSourceIds)
RETURN count(g) AS aggregates
