// `actorgraph import:delete <ns>`, between steps 2 and 3 (src/services/import.service.ts,
// deleteNamespace): which of the namespace's publications (:Source {kind: 'publication'}) a
// relationship left in the graph still cites. A publication's id is a digest of its URL
// (`url-…`, not namespaced), so claims under several namespaces share one, and its `namespace`
// is that of the import that created it (import-merge-publications.cypher): deleting it with the
// namespace left the other namespaces' claims citing (evidenceSourceIds) a Source that no longer
// existed. Run after steps 1 and 2 took the namespace's own relationships; any still carrying
// its prefix ($prefix: an import run during the delete) do not count as citing.
//
// One pass over the relationships that have evidenceSourceIds (not one per publication), skipped
// when the namespace has no publication (a customs or FtM import); it holds one row per
// publication of the namespace at most. Read-only, so step 3's deletes stream without an Eager
// (reading the relationships in the deleting statement itself made Neo4j plan one).
// Returns no row when the namespace has no publication, else one row:
//   ids: string[]  every publication of the namespace;
//   cited: {id: string, namespace: string | null}[]  those still cited, each with the least
//     (alphabetically) namespace of the relationships citing it (a relationship id is
//     `<ns>:…`), or null when only relationships without a namespace do.
MATCH (p:Source {namespace: $namespace, kind: 'publication'})
WITH collect(p.id) AS ids
WHERE size(ids) > 0
CALL (ids) {
  MATCH ()-[r]->()
  WHERE r.evidenceSourceIds IS NOT NULL AND NOT coalesce(r.id, '') STARTS WITH $prefix
  UNWIND r.evidenceSourceIds AS id
  WITH r, id WHERE id IN ids
  WITH id, min(CASE WHEN r.id CONTAINS ':' THEN split(r.id, ':')[0] END) AS citer
  RETURN collect({id: id, namespace: citer}) AS cited
}
RETURN ids, cited
