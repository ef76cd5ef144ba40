// The revisions of one entity, claim or source, oldest first (by version, then time), at most $limit.
MATCH (v:Revision {targetId: $id})
RETURN v {.*} AS revision
ORDER BY v.version, v.at, v.id
LIMIT $limit
