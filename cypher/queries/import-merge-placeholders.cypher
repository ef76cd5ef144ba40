// Endpoints of a batch's relationships that the batch does not MERGE as entities or countries
// (an FtM forward reference, a party resolved to an existing entity): MERGEd on id, and when
// missing created as a placeholder that its own record later fills in. Runs before
// import-merge-relationships.cypher, which then MATCHes both endpoints.
UNWIND $ids AS entityId
MERGE (n:Entity {id: entityId})
ON CREATE SET n.name = entityId, n.kind = 'LegalEntity', n.aliases = [], n.placeholder = true, n.unidentified = false, n.importNamespace = $namespace
