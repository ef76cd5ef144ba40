// The FtM schema already stored for each of $ids, to reject a record whose id is taken by an
// entity of an incompatible schema, and the ids that are Country nodes (the seed's, or made from
// country codes: `country-ru`), which no FtM entity may take over.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
WHERE n.ftmSchema IS NOT NULL OR n.kind = 'Country'
RETURN n.id AS id, n.ftmSchema AS schema, n.kind = 'Country' AS country
