/**
 * The peer: Neo4j's own bulk path for a CSV, `LOAD CSV … CALL {…} IN TRANSACTIONS OF 1000 ROWS`,
 * writing the graph shape `actorgraph import customs` writes for the generated file: parties
 * (Company) BASED_IN their Country, `manufacturer ─SUPPLIED→ exporter ─SUPPLIED→ importer` with
 * the shipment properties, evidence lists on every relationship (one quote per row; the peer
 * quotes the row's fields joined by commas, as LOAD CSV has no raw line; start and end are
 * `linenumber()`, stored as floats like ours), and a dataset :Source
 * PROVIDED every node. Ids: `party-<iso2>-<lower-case name>` (Cypher has no regex replace to
 * slug names; the counts check that both give the same parties) and `customs-<record_id>`.
 * No validation, rejects, party resolution or line numbers: what a newcomer writes.
 */
export const PEER_LOAD_CSV = `
LOAD CSV WITH HEADERS FROM $url AS row
WITH row, linenumber() AS line
CALL (row, line) {
  WITH row, line, reduce(s = '', k IN keys(row) | s + coalesce(row[k], '') + ',') AS quote
  MERGE (s:Source {id: $sourceId}) ON CREATE SET s.kind = 'dataset', s.name = 'customs.csv', s.format = 'customs'
  WITH row, line, quote, s,
       [p IN [[row.exporter_name, row.exporter_country, 'exporter'], [row.importer_name, row.importer_country, 'importer'],
              [row.manufacturer_name, row.manufacturer_country, 'manufacturer']] WHERE coalesce(p[0], '') <> ''] AS parties
  UNWIND parties AS p
  MERGE (c:Entity {id: 'country-' + toLower(p[1])})
    ON CREATE SET c.name = p[1], c.kind = 'Country', c.country = toUpper(p[1]), c.aliases = [], c.unidentified = false
  MERGE (n:Entity {id: 'party-' + toLower(p[1]) + '-' + toLower(p[0])})
    SET n.name = p[0], n.kind = 'Company', n.country = toUpper(p[1]), n.aliases = [], n.topics = [],
        n.description = p[2] + ' in customs declarations', n.placeholder = false, n.unidentified = false
  MERGE (n)-[b:BASED_IN {id: n.id + '>BASED_IN>' + c.id}]->(c)
    ON CREATE SET b.evidenceQuotes = [], b.evidenceStarts = [], b.evidenceEnds = [], b.evidenceSourceIds = []
  SET b.status = 'REPORTED', b.confidence = 0.7,
      b.evidenceQuotes = b.evidenceQuotes + quote, b.evidenceStarts = b.evidenceStarts + toFloat(line),
      b.evidenceEnds = b.evidenceEnds + toFloat(line), b.evidenceSourceIds = b.evidenceSourceIds + $sourceId
  MERGE (s)-[:PROVIDED]->(n)
  MERGE (s)-[:PROVIDED]->(c)
  WITH row, line, quote, collect(p[2]) AS roles
  MATCH (e:Entity {id: 'party-' + toLower(row.exporter_country) + '-' + toLower(row.exporter_name)})
  MATCH (i:Entity {id: 'party-' + toLower(row.importer_country) + '-' + toLower(row.importer_name)})
  WITH row, line, quote, e, i, {goods: ['HS ' + row.hs_code, row.goods_description], hsCode: row.hs_code, hsChapter: substring(row.hs_code, 0, 2),
       quantity: toFloat(row.quantity), amount: toFloat(row.value), currency: toUpper(row.currency),
       origin: row.origin_country, destination: row.destination_country, via: [row.transit_countries],
       status: 'REPORTED', confidence: 0.7, validFrom: date(row.date), validTo: date(row.date),
       evidenceQuotes: [quote], evidenceStarts: [toFloat(line)], evidenceEnds: [toFloat(line)], evidenceSourceIds: [$sourceId]} AS shipment
  MERGE (e)-[x:SUPPLIED {id: 'customs-' + row.record_id}]->(i)
  SET x += shipment
  WITH row, quote, e, shipment
  OPTIONAL MATCH (m:Entity {id: 'party-' + toLower(row.manufacturer_country) + '-' + toLower(row.manufacturer_name)})
  WITH row, e, m, shipment WHERE m IS NOT NULL AND m <> e
  MERGE (m)-[y:SUPPLIED {id: 'customs-' + row.record_id + '-mfr'}]->(e)
  SET y += shipment
} IN TRANSACTIONS OF 1000 ROWS`;
