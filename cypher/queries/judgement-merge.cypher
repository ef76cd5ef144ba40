// Writes the judgement of one pair ($low < $high in code-point order, the relationship's
// direction), replacing the pair's earlier judgement if any; each id gets its :Identity node (its
// own cluster until set-identity-canonicals.cypher says otherwise). Judgements live on these
// nodes only, apart from the :Entity records they judge, which are never changed.
MERGE (a:Identity {id: $low})
ON CREATE SET a.canonicalId = $low
MERGE (b:Identity {id: $high})
ON CREATE SET b.canonicalId = $high
MERGE (a)-[j:JUDGED]->(b)
SET j = $props, j.at = datetime($at)
RETURN j {.*} AS judgement
