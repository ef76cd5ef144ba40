// Records which customs parties a dataset resolved to an existing entity ($links: [{party,
// entity, reason}]), on the dataset's PROVIDED link to that entity as `resolvedParties` (party ids,
// each once) and `resolvedReasons` ("<party id>: <how it was linked>", the first time it was),
// so a later batch or import of the same dataset resolves each party the same way
// (import-resolve-parties.cypher; src/import/party-resolver.ts). Runs in the batch's
// transaction after import-link-provenance.cypher. MERGE: the batch may not name the entity in
// the end (a stored declaration moved back onto other party nodes, src/import/relationship-ids.ts),
// and the choice must be recorded all the same, or a re-import would resolve otherwise.
MATCH (s:Source {id: $sourceId})
UNWIND $links AS l
MATCH (n:Entity {id: l.entity})
MERGE (s)-[pr:PROVIDED]->(n)
SET pr.resolvedReasons = CASE WHEN l.party IN coalesce(pr.resolvedParties, []) THEN pr.resolvedReasons ELSE coalesce(pr.resolvedReasons, []) + (l.party + ': ' + l.reason) END,
    pr.resolvedParties = CASE WHEN l.party IN coalesce(pr.resolvedParties, []) THEN pr.resolvedParties ELSE coalesce(pr.resolvedParties, []) + l.party END
