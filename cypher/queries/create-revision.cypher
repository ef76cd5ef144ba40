// One entry of an entity's, claim's or source's history, written in the transaction of the
// change it records. $props: id, targetId, targetKind, version, actor, operation, reason,
// before and after (JSON text); $at an ISO 8601 date-time.
CREATE (v:Revision)
SET v = $props, v.at = datetime($at)
RETURN v.id AS id
