// Country entities `country-<iso2 lower>`, the seed's ids. ON CREATE SET only: a country the
// seed or an earlier import made keeps every property. importNamespace marks the ones an import
// created, so a namespace delete can remove them once nothing links to them. Aliases and a
// description come only with a Country our FtM export wrote (src/import/ftm-native.ts).
UNWIND $countries AS c
MERGE (n:Entity {id: c.id})
ON CREATE SET n.name = c.name, n.kind = 'Country', n.country = c.code, n.aliases = coalesce(c.aliases, []), n.unidentified = false,
              n.description = c.description, n.importNamespace = $namespace
