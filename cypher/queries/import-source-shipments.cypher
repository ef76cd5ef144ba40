// The shipment mode ("declaration" or "aggregate") a customs file's dataset :Source was first
// imported with; no row when the file was never imported. src/import/importer.ts refuses to
// import the same file in the other mode, so one dataset writes one kind of shipment edge.
MATCH (s:Source {id: $sourceId})
RETURN s.shipments AS shipments
