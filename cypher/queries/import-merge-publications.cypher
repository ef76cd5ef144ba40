// Publications that analysts' claims quote (source_url, source_title), keyed by a digest of the
// URL. ON CREATE only: an existing source keeps its title.
UNWIND $publications AS p
MERGE (s:Source {id: p.id})
ON CREATE SET s.title = p.title, s.titleInferred = false, s.url = p.url, s.kind = 'publication', s.namespace = $namespace
