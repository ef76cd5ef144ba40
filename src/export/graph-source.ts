import neo4j from "neo4j-driver";
import type { Database, Row } from "../db/run.js";
import { plainString, type Plain } from "../db/values.js";
import { isRetractedRow } from "../services/retracted.js";
import { toEntityView, toRelationshipView, type SubgraphView } from "../services/views.js";
import { clusteredGraph, edgeRef, recordIdsOf, storedIds } from "./cluster-graph.js";
import { EXPORT_PAGE_SIZE, type ExportEdge, type ExportGraph, type ExportNode, type FtmReference } from "./types.js";

/**
 * The whole graph, paged with keyset pagination (cypher/queries/export-*-page.cypher): each
 * page is one short read transaction of at most `pageSize` rows, so neither Neo4j nor this
 * process holds more than a page. Pages are not one snapshot: a write between pages shows up
 * if it lands after the cursor. Records judged one actor come out as one node (cluster-graph.ts).
 */
export function wholeGraph(db: Database, pageSize = EXPORT_PAGE_SIZE): ExportGraph {
  const limit = neo4j.int(pageSize);
  return clusteredGraph(
    db,
    {
      async *nodes() {
        let after = "";
        for (;;) {
          const rows = await db.read("export-entities-page", { after, limit });
          if (rows.length > 0)
            yield withFtmReferences(
              db,
              rows.map((r) => r.entity),
            );
          if (rows.length < pageSize) return;
          after = plainString((rows[rows.length - 1]!.entity as Record<string, Plain>).id);
        }
      },
      async *edges() {
        let cursor = { afterStart: "", afterType: "", afterId: "" };
        for (;;) {
          const rows = await db.read("export-relationships-page", { ...cursor, limit });
          // Retracted claims leave whole-graph exports (src/services/retracted.ts); the cursor still
          // moves past them, from the unfiltered page.
          const kept = rows.filter((row) => !isRetractedRow(row));
          if (kept.length > 0) yield kept.map(toExportEdge);
          if (rows.length < pageSize) return;
          const last = rows[rows.length - 1]!.rel as Record<string, Plain>;
          cursor = { afterStart: plainString(last.start), afterType: plainString(last.type), afterId: plainString(last.id) };
        }
      },
    },
    (ids) => readRecords(db, ids),
  );
}

/**
 * A subgraph a service already found (a neighbourhood, the union of routes), re-read with its
 * stored properties in pages of `pageSize`. Such subgraphs are capped by the services
 * (LIMITS in src/model/limits.ts), so their id lists are small.
 */
export function foundSubgraph(db: Database, subgraph: SubgraphView, pageSize = EXPORT_PAGE_SIZE): ExportGraph {
  // An entity of several records is read by all of them, and written once (cluster-graph.ts).
  const ids = storedIds(subgraph.nodes);
  const refs = subgraph.edges.map(edgeRef);
  return clusteredGraph(
    db,
    {
      async *nodes() {
        for (let i = 0; i < ids.length; i += pageSize) {
          const rows = await db.read("entities-by-ids", { ids: ids.slice(i, i + pageSize) });
          yield withFtmReferences(
            db,
            rows.map((r) => r.entity),
          );
        }
      },
      async *edges() {
        for (let i = 0; i < refs.length; i += pageSize) {
          const rows = await db.read("relationships-by-ids", { refs: refs.slice(i, i + pageSize) });
          yield rows.map(toExportEdge);
        }
      },
    },
    (more) => readRecords(db, more),
  );
}

/**
 * Exactly the listed elements a client shows: the entities `nodeIds` (in the order given, re-read
 * in pages of `pageSize`) and the relationship rows already read by
 * cypher/queries/relationships-by-keys.cypher (its row shape). The caller checks the ids exist
 * and caps their number (scope=elements: 5000 each), so the rows fit in memory.
 */
export function listedElements(db: Database, nodeIds: readonly string[], relationshipRows: readonly Row[], pageSize = EXPORT_PAGE_SIZE): ExportGraph {
  return clusteredGraph(
    db,
    {
      async *nodes() {
        // A listed entity of several records (or one of its merged ids) is read by all of them and written once.
        const records = await recordIdsOf(db, nodeIds);
        for (let i = 0; i < records.length; i += pageSize) {
          const ids = records.slice(i, i + pageSize);
          const rows = await db.read("entities-by-ids", { ids });
          const byId = new Map(rows.map((r) => [plainString((r.entity as Record<string, Plain>).id), r.entity]));
          yield withFtmReferences(
            db,
            ids.flatMap((id) => (byId.has(id) ? [byId.get(id)] : [])),
          );
        }
      },
      // eslint-disable-next-line @typescript-eslint/require-await -- the rows are already read, but ExportGraph pages are an AsyncIterable
      async *edges() {
        for (let i = 0; i < relationshipRows.length; i += pageSize) yield relationshipRows.slice(i, i + pageSize).map(toExportEdge);
      },
    },
    (more) => readRecords(db, more),
  );
}

/** Stored records by id, as export nodes (with their FtM references). */
async function readRecords(db: Database, ids: readonly string[]): Promise<ExportNode[]> {
  const rows = await db.read("entities-by-ids", { ids });
  return withFtmReferences(
    db,
    rows.map((r) => r.entity),
  );
}

/** The page's nodes with the FtM references of those an FtM import made (one extra read per page). */
async function withFtmReferences(db: Database, entities: readonly (Plain | undefined)[]): Promise<ExportNode[]> {
  const ids = entities.map((e) => plainString((e as Record<string, Plain>).id));
  const refs = new Map<string, FtmReference[]>();
  for (const row of await db.read("export-ftm-references", { ids })) refs.set(plainString(row.id), row.references as unknown as FtmReference[]);
  return entities.map((entity) => {
    const node = toEntityView(entity);
    return { ...node, stored: (entity ?? {}) as Record<string, Plain>, ftmReferences: refs.get(node.id) ?? [] };
  });
}

function toExportEdge(row: Row): ExportEdge {
  return { ...toRelationshipView(row), stored: row.rel as Record<string, Plain> };
}
