// Imported entities, MERGEd on id. Names and aliases are unioned (every value reaches the
// full-text index), topics too; a placeholder made for a forward reference gets its real name.
// One row at a time (CALL per row), so that rows of one id, in record order, each see the one
// before: without the subquery Neo4j read every row's stored name before any row's SET (an
// Eager between them), so the last version's name won and the others were lost. A batch's
// versions of an id are folded into one first (foldEntities, src/import/batch-facts.ts), and
// this query gets only what cannot be packed, so the subquery's cost is small.
UNWIND $entities AS x
CALL (x) {
MERGE (n:Entity {id: x.id})
WITH n, x, CASE WHEN n.name IS NULL OR n.placeholder = true THEN x.name ELSE n.name END AS name
WITH n, x, name, [a IN coalesce(n.aliases, []) + x.aliases + [x.name] WHERE a <> name] AS aliases
SET n += x.props,
    n.name = name,
    n.kind = x.kind,
    n.aliases = reduce(acc = [], a IN aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.topics = reduce(acc = [], t IN coalesce(n.topics, []) + x.topics | CASE WHEN t IN acc THEN acc ELSE acc + t END),
    n.ftmSchema = coalesce(x.ftmSchema, n.ftmSchema),
    n.placeholder = false,
    n.unidentified = coalesce(n.unidentified, false),
    n.importNamespace = coalesce(n.importNamespace, $namespace)
}
