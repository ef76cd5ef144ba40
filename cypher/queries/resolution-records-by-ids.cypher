// The records of $ids as candidate generation reads them (see resolution-records-page.cypher),
// whatever their kind; unknown ids are skipped.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.country AS country,
       n.identifiers AS identifiers, n.ftm_birthDate AS birthDates,
       coalesce(n.ftm_incorporationDate, n.ftm_foundingDate) AS foundingDates,
       coalesce(n.placeholder, false) OR coalesce(n.unidentified, false) AS unmatchable
