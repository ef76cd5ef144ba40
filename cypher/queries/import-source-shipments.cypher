// A dataset's :Source, if stored: no row when the file was never imported (src/import/importer.ts
// then bets that its SUPPLIED are new, BatchOptions.freshSupplied), else the shipment mode
// ("declaration" or "aggregate") a customs file was first imported with. The importer refuses
// to import the same file in the other mode, so one dataset writes one kind of shipment edge.
MATCH (s:Source {id: $sourceId})
RETURN s.shipments AS shipments
