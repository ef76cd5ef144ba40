// Whether the graph holds any older id (:Referent, import-merge-referents.cypher): an FtM import
// looks its references up among them only then (src/import/referents.ts). A label count, read
// from Neo4j's count store, not a scan.
MATCH (r:Referent)
RETURN count(r) > 0 AS any
