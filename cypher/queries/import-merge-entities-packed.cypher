// Imported entities as packed rows (src/import/packed-rows.ts), MERGEd on id exactly as
// import-merge-entities.cypher MERGEs a map: names and aliases unioned (every value reaches the
// full-text index), topics and latinNames too, and a placeholder made for a forward reference gets its real
// name. Why packed: a customs batch names ~7000 parties, and Neo4j took 0.27 s to receive and
// merge them as maps against 0.16 s as strings (BENCHMARKS.md, Import). Fields: 0 id, 1 name,
// 2 kind, 3 aliases, 4 topics, 5 ftmSchema, 6 latinNames, 7 nameKey, 8 aliasKeys (unioned, absent while empty),
// then one per $keys[i], packed as $kinds[i] (s
// string, n number, b boolean, l string list, z null: the property is removed, as
// `n += {key: null}` does). Each id is in one row only (src/import/batch-prepare.ts), so the
// rows' order is moot. A list field of an FtM property (`ftm_<prop>`) or of OpenSanctions'
// `referents` and `datasets` (UNIONED_KEYS in batch-facts.ts) is unioned with the list
// the node holds (stored values first, then the new ones it lacks, each once, order kept), as
// import-merge-entities.cypher does and as FollowTheMoney merges the fragments of one entity;
// any other field replaces the stored value. Cost: a string test per list key, and the union's
// reduce only where the node already holds that list (an entity stated before). Each is also
// linked to the dataset's :Source ($sourceId), as import-link-provenance.cypher links the
// batch's other nodes, without a second lookup. Unions start from the stored list and append the
// new values only, so the list nests at most one level per new value (see import-merge-entities.cypher).
MATCH (s:Source {id: $sourceId})
UNWIND $rows AS row
WITH s, split(row, '\u001F') AS f
WITH s, f, f[1] AS xName, CASE f[3] WHEN '\u001A' THEN [] ELSE split(f[3], '\u001E') END AS xAliases,
     CASE f[4] WHEN '\u001A' THEN [] ELSE split(f[4], '\u001E') END AS xTopics,
     CASE f[6] WHEN '\u001A' THEN [] ELSE split(f[6], '\u001E') END AS xLatin,
     CASE f[8] WHEN '\u001A' THEN [] ELSE split(f[8], '\u001E') END AS xAliasKeys
MERGE (n:Entity {id: f[0]})
WITH s, n, f, xName, xAliases, xTopics, xLatin, xAliasKeys, n.name IS NULL OR n.placeholder = true AS renamed
WITH s, n, f, xName, xAliases, xTopics, xLatin, xAliasKeys, CASE WHEN renamed THEN xName ELSE n.name END AS name,
     CASE WHEN renamed THEN CASE f[7] WHEN '\u0018' THEN null ELSE f[7] END ELSE n.nameKey END AS nameKey
WITH s, n, f, xTopics, xLatin, xAliasKeys, name, nameKey, [a IN coalesce(n.aliases, []) WHERE a <> name] AS storedAliases, xAliases + [xName] AS newAliases
FOREACH (i IN range(0, size($keys) - 1) |
  SET n[$keys[i]] = CASE $kinds[i]
    WHEN 's' THEN f[9 + i]
    WHEN 'n' THEN toFloat(f[9 + i])
    WHEN 'b' THEN f[9 + i] = 'true'
    WHEN 'z' THEN null
    ELSE CASE
      WHEN ($keys[i] STARTS WITH 'ftm_' OR $keys[i] IN ['referents', 'datasets']) AND n[$keys[i]] IS :: LIST<ANY> NOT NULL
        THEN reduce(acc = n[$keys[i]], v IN CASE f[9 + i] WHEN '\u001A' THEN [] ELSE split(f[9 + i], '\u001E') END | CASE WHEN v IN acc THEN acc ELSE acc + v END)
      ELSE CASE f[9 + i] WHEN '\u001A' THEN [] ELSE split(f[9 + i], '\u001E') END
    END
  END)
SET n.name = name,
    n.nameKey = nameKey,
    n.kind = f[2],
    n.aliases = reduce(acc = storedAliases, a IN newAliases | CASE WHEN a = name OR a IN acc THEN acc ELSE acc + a END),
    n.latinNames = reduce(acc = coalesce(n.latinNames, []), l IN xLatin | CASE WHEN l IN acc THEN acc ELSE acc + l END),
    n.aliasKeys = CASE WHEN size(xAliasKeys) = 0 THEN n.aliasKeys ELSE reduce(acc = coalesce(n.aliasKeys, []), k IN xAliasKeys | CASE WHEN k IN acc THEN acc ELSE acc + k END) END,
    n.topics = reduce(acc = coalesce(n.topics, []), t IN xTopics | CASE WHEN t IN acc THEN acc ELSE acc + t END),
    n.ftmSchema = CASE f[5] WHEN '\u0018' THEN CASE WHEN n.placeholder = true THEN null ELSE n.ftmSchema END ELSE f[5] END,
    n.placeholder = false,
    n.unidentified = coalesce(n.unidentified, false),
    n.importNamespace = coalesce(n.importNamespace, $namespace)
MERGE (s)-[:PROVIDED]->(n)
