// `actorgraph import:delete <ns>`, step 4 of 4: Country nodes any import created
// (importNamespace set) that nothing links to any more. A country created by one namespace may
// be orphaned only when another is deleted, so this does not look at $namespace. Seed nodes
// carry no importNamespace and are never touched. One transaction: there is at most one
// Country node per country code.
MATCH (c:Entity {kind: 'Country'}) WHERE c.importNamespace IS NOT NULL AND NOT (c)--()
DELETE c
