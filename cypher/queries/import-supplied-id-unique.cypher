// Whether the graph enforces unique SUPPLIED ids (cypher/schema.cypher, rel_supplied_id; a
// relationship key constraint would do too). src/import/importer.ts bets that a first import's
// SUPPLIED are new only when it does: the bet writes them by CREATE and relies on this
// constraint to refuse a stored id (BatchOptions.freshSupplied). Without it, a repeated id
// would be CREATEd again instead of restated.
SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
WHERE entityType = 'RELATIONSHIP' AND type IN ['RELATIONSHIP_UNIQUENESS', 'RELATIONSHIP_KEY']
  AND labelsOrTypes = ['SUPPLIED'] AND properties = ['id']
RETURN count(*) > 0 AS unique
