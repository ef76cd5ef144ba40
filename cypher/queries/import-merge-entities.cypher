// Imported entities, MERGEd on id. Names and aliases are unioned (every value reaches the
// full-text index), topics too; a placeholder made for a forward reference gets its real name.
// One row at a time (CALL per row), so that rows of one id, in record order, each see the one
// before: without the subquery Neo4j read every row's stored name before any row's SET (an
// Eager between them), so the last version's name won and the others were lost. A batch's
// versions of an id are folded into one first (foldEntities, src/import/batch-facts.ts), and
// this query gets only what cannot be packed, so the subquery's cost is small.
// Properties: `n += x.props` (a stated value replaces the stored one, null removes it, one not
// stated is kept), except an FtM property list (`ftm_<prop>`) or OpenSanctions' `referents` and
// `datasets` (UNIONED_KEYS in batch-facts.ts) stated again, which get the union of the stored
// values and then the new ones, each once, in order: FollowTheMoney merges the fragments of one
// entity by the union of each property's values, and replacing them lost the earlier fragments'
// aliases and names (and FtM export no longer gave them back). The unions are computed before
// `+=` overwrites the stored lists, and set after it. Same rule in
// import-merge-entities-packed.cypher and in foldEntities.
// Unions start from the stored list (already free of repeats) and append only the new values:
// each append nests one level in Neo4j's list value, and a union rebuilt from an empty list over
// 40 000 names overflowed Neo4j's stack (issue 21). Records are capped (src/import/record-caps.ts),
// so the nesting stays under 1 000 new values whatever the stored list holds.
// latinNames (the Latin spellings of every name and alias, src/model/name-keys.ts) are unioned
// like the aliases; nameKey is the key of the name the node keeps; aliasKeys (the keys of the
// aliases, for customs parties named by an alias) are unioned, and absent while empty.
UNWIND $entities AS x
CALL (x) {
MERGE (n:Entity {id: x.id})
WITH n, x, n.name IS NULL OR n.placeholder = true AS renamed
WITH n, x, renamed, CASE WHEN renamed THEN x.name ELSE n.name END AS name, CASE WHEN renamed THEN x.nameKey ELSE n.nameKey END AS nameKey
WITH n, x, name, nameKey, [a IN coalesce(n.aliases, []) WHERE a <> name] AS storedAliases, x.aliases + [x.name] AS newAliases,
     [k IN keys(x.props) WHERE (k STARTS WITH 'ftm_' OR k IN ['referents', 'datasets']) AND x.props[k] IS :: LIST<ANY> NOT NULL AND n[k] IS :: LIST<ANY> NOT NULL
        | [k, reduce(acc = n[k], v IN x.props[k] | CASE WHEN v IN acc THEN acc ELSE acc + v END)]] AS unions
SET n += x.props,
    n.name = name,
    n.nameKey = nameKey,
    n.kind = x.kind,
    n.aliases = reduce(acc = storedAliases, a IN newAliases | CASE WHEN a = name OR a IN acc THEN acc ELSE acc + a END),
    n.latinNames = reduce(acc = coalesce(n.latinNames, []), l IN x.latinNames | CASE WHEN l IN acc THEN acc ELSE acc + l END),
    n.aliasKeys = CASE WHEN size(x.aliasKeys) = 0 THEN n.aliasKeys ELSE reduce(acc = coalesce(n.aliasKeys, []), k IN x.aliasKeys | CASE WHEN k IN acc THEN acc ELSE acc + k END) END,
    n.topics = reduce(acc = coalesce(n.topics, []), t IN x.topics | CASE WHEN t IN acc THEN acc ELSE acc + t END),
    n.ftmSchema = coalesce(x.ftmSchema, CASE WHEN n.placeholder = true THEN null ELSE n.ftmSchema END),
    n.placeholder = false,
    n.unidentified = coalesce(n.unidentified, false),
    n.importNamespace = coalesce(n.importNamespace, $namespace)
FOREACH (u IN unions | SET n[u[0]] = u[1])
}
