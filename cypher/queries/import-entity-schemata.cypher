// The FtM schema already stored for each of $ids, to reject a record whose id is taken by an
// entity of an incompatible schema, and the ids that are Country nodes (the seed's, or made from
// country codes: `country-ru`), which no FtM entity may take over. A stub's schema is a guess
// from the range of the property that named it (import-merge-placeholders.cypher), which the
// entity's own record replaces, so it is not returned.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
WHERE (n.ftmSchema IS NOT NULL AND coalesce(n.placeholder, false) = false) OR n.kind = 'Country'
RETURN n.id AS id, n.ftmSchema AS schema, n.kind = 'Country' AS country
