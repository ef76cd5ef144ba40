// Customs aggregates (SUPPLIED {aggregate: true}) that the dataset $sourceId states, found from
// the entities it PROVIDED (every aggregate starts at an exporter or a manufacturer it names).
MATCH (:Source {id: $sourceId})-[:PROVIDED]->(:Entity)-[g:SUPPLIED]->(:Entity)
WHERE g.aggregate = true AND $sourceId IN g.statementSourceIds
RETURN count(g) AS aggregates
