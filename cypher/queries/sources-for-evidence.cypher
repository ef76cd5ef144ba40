// The sources evidence quotes come from, with their full text (to check each quote is an exact
// substring and compute its offsets) and what decides their independence (publisher, cites).
UNWIND $ids AS sourceId
MATCH (s:Source {id: sourceId})
RETURN s {.id, .title, .publisher, .cites, .text, .kind} AS source
