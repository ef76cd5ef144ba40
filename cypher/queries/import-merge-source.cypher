// The :Source node of one imported file (kind "dataset"), MERGEd on its id (format and file
// hash, see src/import/importer.ts), so a second import of the same file finds it; importedAt
// keeps the first import's time, and `shipments` (customs: "declaration" or "aggregate") the
// first import's mode. Runs in every batch's transaction, so it lands with the data.
MERGE (s:Source {id: $source.id})
ON CREATE SET s.importedAt = datetime($source.importedAt), s.shipments = $source.shipments
SET s.kind = 'dataset', s.title = $source.name, s.titleInferred = false, s.name = $source.name,
    s.fileHash = $source.fileHash, s.format = $source.format, s.namespace = $source.namespace
