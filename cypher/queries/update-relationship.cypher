// Writes a claim's new state: $props replaces the listed properties (a null removes one);
// validFrom and validTo are ISO 8601 dates or null. The relationship is the one locked earlier
// in the same transaction (lock-relationship), found by its element id.
MATCH ()-[r]->() WHERE elementId(r) = $elementId
SET r += $props
RETURN r.id AS id
