// Identifiers of a batch's entities (src/import/batch-prepare.ts identifierRows), each entity's
// own (an FtM innCode, leiCode, imoNumber, …) or another record's for it (a Passport's number for
// its holder): `identifiers` as `scheme:value` and `identifierKeys` as identifierKey
// (src/model/name-keys.ts) normalises them, for the exact-match index entity_identifiers. Both
// unioned with what the node holds, each once, in order. The entity exists: the batch MERGEd it,
// or made it a stub (import-merge-placeholders.cypher) just before.
UNWIND $rows AS x
MATCH (n:Entity {id: x.id})
USING INDEX SEEK n:Entity(id)
SET n.identifiers = reduce(acc = coalesce(n.identifiers, []), v IN x.identifiers | CASE WHEN v IN acc THEN acc ELSE acc + v END),
    n.identifierKeys = reduce(acc = coalesce(n.identifierKeys, []), v IN x.keys | CASE WHEN v IN acc THEN acc ELSE acc + v END)
