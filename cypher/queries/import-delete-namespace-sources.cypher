// `actorgraph import:delete <ns>`, step 3 of 4: the namespace's :Source nodes. A script of three
// statements, each run in its own auto-commit transaction (Database.autoCommit) that commits
// $batchSize rows per inner transaction; DETACH DELETE also removes the links the nodes still
// have (:PROVIDED to shared entities). Source.namespace has no index: (a) and (c) read every
// :Source node, far fewer than the relationships. None of the three plans an Eager (an
// integration test checks): each streams what it deletes or sets.
//
// a. The datasets its imports read (kind 'dataset'; any other kind but 'publication' too). Their
//    ids are namespaced (`<ns>:dataset-…`), so no other namespace's import shares one.
MATCH (s:Source {namespace: $namespace}) WHERE s.kind IS NULL OR s.kind <> 'publication'
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF $batchSize ROWS;
// b. Its publications that other namespaces' relationships still cite ($rehomed: [{id: string,
//    namespace: string}], from import-delete-namespace-citations.cypher) stay, and move to a
//    namespace that cites them, so that deleting that namespace in turn deletes them once nothing
//    cites them; they are not counted as deleted. Only a publication still in $namespace moves.
UNWIND $rehomed AS x
MATCH (s:Source {id: x.id}) WHERE s.kind = 'publication'
CALL (s, x) {
  SET s.namespace = CASE s.namespace WHEN $namespace THEN x.namespace ELSE s.namespace END
} IN TRANSACTIONS OF $batchSize ROWS;
// c. Its publications that nothing cites any more ($orphans: string[], from the same query). A
//    publication cited only by relationships without a namespace is in neither list: it stays,
//    with its namespace, and the next delete of that namespace looks at it again. A label scan
//    (USING SCAN), as in (a): a seek of each id in $orphans made Neo4j plan an Eager, as a later
//    seek could meet a node an earlier row deleted.
MATCH (s:Source {namespace: $namespace, kind: 'publication'}) USING SCAN s:Source WHERE s.id IN $orphans
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF $batchSize ROWS
