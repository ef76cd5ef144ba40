/**
 * The peer: Neo4j's own bulk path for a CSV, `LOAD CSV … CALL {…} IN TRANSACTIONS OF $n ROWS`,
 * writing the graph `actorgraph import customs` writes for the generated file, with the same
 * evidence model (src/import/batch-facts.ts): parties (Company) BASED_IN their Country, where
 * BASED_IN is a shared fact that keeps the first 20 statements as evidence, counts every
 * statement (`statementCount`, `statementSourceIds`/`statementCounts`/`statementLastLines` for
 * its one dataset) and dates them (`firstSeen`/`lastSeen`); `manufacturer ─SUPPLIED→ exporter
 * ─SUPPLIED→ importer` per declaration with the shipment properties (record id, leg and note
 * included) and its one statement; a
 * dataset :Source PROVIDED every node. Evidence quotes the row's fields joined by commas (LOAD
 * CSV has no raw line); start and end are `linenumber()`, INTEGERs like ours.
 * Ids: `party-<iso2>-<lower-case name>` (Cypher has no regex replace to slug names; the counts
 * check that both give the same parties) and `customs-<record_id>`. It runs on the same schema
 * (constraints on Entity.id and SUPPLIED/BASED_IN ids, cypher/schema.cypher). No validation,
 * rejects, party resolution or idempotent re-import: what a newcomer writes.
 *
 * The evidence cap is what makes it finish at 1M rows: appending one quote per row to a hub's
 * BASED_IN (a hub importer is named by ~7 % of the rows) rewrites a list that grows with the
 * file, so each row costs more than the last (the N = 20 000 peer ran at 198 rows/s).
 */
export const PEER_LOAD_CSV = `
LOAD CSV WITH HEADERS FROM $url AS row
WITH row, linenumber() AS line
CALL (row, line) {
  WITH row, line, reduce(s = '', k IN keys(row) | s + coalesce(row[k], '') + ',') AS quote, date(row.date) AS day
  MERGE (s:Source {id: $sourceId}) ON CREATE SET s.kind = 'dataset', s.name = 'customs.csv', s.format = 'customs'
  WITH row, line, quote, day, s,
       [p IN [[row.exporter_name, row.exporter_country, 'exporter'], [row.importer_name, row.importer_country, 'importer'],
              [row.manufacturer_name, row.manufacturer_country, 'manufacturer']] WHERE coalesce(p[0], '') <> ''] AS parties
  UNWIND parties AS p
  MERGE (c:Entity {id: 'country-' + toLower(p[1])})
    ON CREATE SET c.name = p[1], c.kind = 'Country', c.country = toUpper(p[1]), c.aliases = [], c.unidentified = false
  MERGE (n:Entity {id: 'party-' + toLower(p[1]) + '-' + toLower(p[0])})
    SET n.name = p[0], n.kind = 'Company', n.country = toUpper(p[1]), n.aliases = [], n.topics = [],
        n.description = p[2] + ' in customs declarations', n.placeholder = false, n.unidentified = false
  MERGE (n)-[b:BASED_IN {id: n.id + '>BASED_IN>' + c.id}]->(c)
    ON CREATE SET b.evidenceQuotes = [], b.evidenceStarts = [], b.evidenceEnds = [], b.evidenceSourceIds = [],
                  b.statementCount = 0, b.statementSourceIds = [$sourceId], b.statementCounts = [0], b.statementLastLines = [0]
  SET b.status = 'REPORTED', b.confidence = 0.8,
      b.statementCount = b.statementCount + 1, b.statementCounts = [b.statementCount], b.statementLastLines = [line],
      b.firstSeen = CASE WHEN b.firstSeen IS NULL OR day < b.firstSeen THEN day ELSE b.firstSeen END,
      b.lastSeen = CASE WHEN b.lastSeen IS NULL OR day > b.lastSeen THEN day ELSE b.lastSeen END
  WITH s, n, c, b, row, line, quote, day, p
  CALL (b, quote, line) {
    WITH b, quote, line WHERE size(b.evidenceQuotes) < $maxEvidence
    SET b.evidenceQuotes = b.evidenceQuotes + quote, b.evidenceStarts = b.evidenceStarts + line,
        b.evidenceEnds = b.evidenceEnds + line, b.evidenceSourceIds = b.evidenceSourceIds + $sourceId
  }
  MERGE (s)-[:PROVIDED]->(n)
  MERGE (s)-[:PROVIDED]->(c)
  WITH row, line, quote, day, collect(p[2]) AS roles
  MATCH (e:Entity {id: 'party-' + toLower(row.exporter_country) + '-' + toLower(row.exporter_name)})
  MATCH (i:Entity {id: 'party-' + toLower(row.importer_country) + '-' + toLower(row.importer_name)})
  WITH row, line, e, i, {goods: ['HS ' + row.hs_code, row.goods_description], hsCode: row.hs_code, hsChapter: substring(row.hs_code, 0, 2),
       quantity: toFloat(row.quantity), amount: toFloat(row.value), currency: toUpper(row.currency),
       origin: row.origin_country, destination: row.destination_country, via: [row.transit_countries],
       recordId: row.record_id, leg: 'exporter-importer',
       note: 'customs record ' + row.record_id + '; source ' + row.source + '; origin ' + row.origin_country + '; via ' + row.transit_countries + '; to ' + row.destination_country,
       status: 'REPORTED', confidence: 0.8, validFrom: day, validTo: day, firstSeen: day, lastSeen: day,
       evidenceQuotes: [quote], evidenceStarts: [line], evidenceEnds: [line], evidenceSourceIds: [$sourceId],
       statementCount: 1, statementSourceIds: [$sourceId], statementCounts: [1], statementLastLines: [line]} AS shipment
  MERGE (e)-[x:SUPPLIED {id: 'customs-' + row.record_id}]->(i)
  SET x += shipment
  WITH row, e, shipment
  OPTIONAL MATCH (m:Entity {id: 'party-' + toLower(row.manufacturer_country) + '-' + toLower(row.manufacturer_name)})
  WITH row, e, m, shipment WHERE m IS NOT NULL AND m <> e
  MERGE (m)-[y:SUPPLIED {id: 'customs-' + row.record_id + '-mfr'}]->(e)
  SET y += shipment, y.leg = 'manufacturer-exporter', y.note = 'manufacturer of the goods in ' + shipment.note
} IN TRANSACTIONS OF $rowsPerTransaction ROWS`;
