// Which of a batch's new-looking BASED_IN ids are already in the graph (the id constraint's
// relationship index, hinted): a party's BASED_IN is restated by every batch that names the
// party, so most are stored, and go to import-merge-relationships.cypher, which merges
// statements into what is stored; the others are written whole by
// import-create-relationships.cypher (src/import/batch-prepare.ts, PreparedFacts.checkIds).
MATCH ()-[r:BASED_IN]->()
USING INDEX r:BASED_IN(id)
WHERE r.id IN $basedIn
// A full evidence list ($maxEvidence entries) also gives the sources it cites: the caller drops
// the candidates such a list cannot take (it only grows), instead of sending them.
RETURN r.id AS id,
       CASE WHEN size(coalesce(r.evidenceSourceIds, [])) >= $maxEvidence
         THEN reduce(acc = [], s IN r.evidenceSourceIds | CASE WHEN s IN acc THEN acc ELSE acc + s END) END AS fullWithSources
