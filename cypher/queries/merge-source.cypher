// Stores a source by the sha256 of its text: the same text twice is the same Source (the
// source_text_sha256 constraint makes the MERGE safe under concurrency). $props holds title,
// publisher, url, publishedAt, cites, kind and the creation stamps; set only when the source is new.
MERGE (s:Source {textSha256: $sha256})
ON CREATE SET s += $props, s.id = $id, s.text = $text, s.textLength = size($text), s.version = 1, s._created = true
WITH s, s._created IS NOT NULL AS created
REMOVE s._created
RETURN s.id AS id, created
