// Creates an entity written through the API; the caller checked the id is free.
CREATE (n:Entity)
SET n = $props
RETURN n.id AS id
