// Endpoints of a batch's relationships, and entities its records name, that the batch does not
// MERGE as entities or countries (an FtM forward reference, a party resolved to an existing
// entity): MERGEd on id, and when missing created as a stub (`placeholder: true`) that its own
// record later fills in. A stub is typed by the range of the property that named it (x.kind,
// x.ftmSchema: an `addressEntity` makes an Address; src/import/ftm-rules.ts stubType) and named
// by its id; search ranks stubs last. Runs before import-merge-relationships.cypher, which then
// MATCHes both endpoints.
UNWIND $stubs AS x
MERGE (n:Entity {id: x.id})
ON CREATE SET n.name = x.id, n.kind = x.kind, n.ftmSchema = x.ftmSchema, n.aliases = [], n.placeholder = true, n.unidentified = false, n.importNamespace = $namespace
