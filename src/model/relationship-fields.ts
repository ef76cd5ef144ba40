/**
 * The properties the import writes on every stored relationship from its own fields (claim status,
 * confidence, validity, the evidence and statement columns of cypher/queries/import-*.cypher), as
 * opposed to a relationship's free properties (`actorgraph.props` in the native FtM export). One
 * list for the readers that must tell the two apart: the batch writer, and the native FtM export
 * and import.
 */
export const RELATIONSHIP_STATE_FIELDS = [
  "status",
  "confidence",
  "validFrom",
  "validTo",
  "firstSeen",
  "lastSeen",
  "evidenceQuotes",
  "evidenceStarts",
  "evidenceEnds",
  "evidenceSourceIds",
  "statementCount",
  "statementSourceIds",
  "statementCounts",
  "statementLastLines",
] as const;
