// One page of the records candidate generation compares (src/resolution/records.ts): entities
// of the matchable $kinds in id order after $after (the unique index on Entity.id gives the
// order), with the names, country, identifiers and dates the matcher reads. Placeholders and
// unnamed groups are left out: they name no one actor.
MATCH (n:Entity)
WHERE n.id > $after AND n.kind IN $kinds
  AND coalesce(n.placeholder, false) = false AND coalesce(n.unidentified, false) = false
WITH n ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.country AS country,
       n.identifiers AS identifiers, n.ftm_birthDate AS birthDates,
       coalesce(n.ftm_incorporationDate, n.ftm_foundingDate) AS foundingDates
