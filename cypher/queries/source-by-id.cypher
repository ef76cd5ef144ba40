// One source by id; its text only when $withText (a text can be megabytes).
MATCH (s:Source {id: $id})
RETURN s {.*, text: CASE WHEN $withText THEN s.text ELSE null END} AS source
