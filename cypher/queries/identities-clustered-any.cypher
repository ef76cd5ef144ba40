// True when some cluster holds two or more records: some judged record's canonical id is another
// record's. Reads the :Identity nodes (one per judged record) up to the first such one.
OPTIONAL MATCH (i:Identity)
WHERE i.canonicalId <> i.id
WITH i LIMIT 1
RETURN i IS NOT NULL AS clustered
