// `actorgraph import:delete <ns>`, step 3 of 4: the namespace's :Source nodes (the datasets
// its imports read, and the publications its claims quote), with the links they still have
// (:PROVIDED to shared entities). $batchSize nodes per inner transaction; run in an
// auto-commit transaction (Database.autoCommit). Source.namespace has no index: this reads
// every :Source node, far fewer than the relationships.
MATCH (s:Source {namespace: $namespace})
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF $batchSize ROWS
