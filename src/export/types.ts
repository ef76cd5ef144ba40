import type { Plain } from "../db/values.js";
import type { EntityView, RelationshipView } from "../services/views.js";

/**
 * Shapes shared by the export writers. A writer never sees the whole graph: it reads an
 * {@link ExportGraph} page by page and yields text chunks, so memory stays bounded by one
 * page (at most {@link EXPORT_PAGE_SIZE} nodes or relationships) whatever the graph's size.
 */

/** Nodes or relationships read per database round trip of a streamed export. */
export const EXPORT_PAGE_SIZE = 2000;

/** An entity with every property stored on its node (FtM writers need more than the view). */
export interface ExportNode extends EntityView {
  /** The node's stored properties as plain values (see src/db/values.ts). */
  readonly stored: Readonly<Record<string, Plain>>;
  /**
   * FtM property values an FtM import stored as relationships (country and entity references),
   * folded back by the FtM writer: `value` is the other end's entity id. Empty for other nodes.
   */
  readonly ftmReferences?: readonly FtmReference[];
}

/** One FtM property value kept as a relationship (see cypher/queries/export-ftm-references.cypher). */
export interface FtmReference {
  readonly property: string;
  readonly value: string;
}

/** A relationship with its evidence, its endpoints and every property stored on it. */
export interface ExportEdge extends RelationshipView {
  readonly stored: Readonly<Record<string, Plain>>;
}

/**
 * A graph read lazily: each call to `nodes()` or `edges()` starts a new pass that yields pages
 * in a stable order (ids ascending for the whole graph). Every edge's endpoints are among the
 * nodes. Writers take nodes first, then edges (GraphML and Cytoscape.js need that order).
 */
export interface ExportGraph {
  nodes(): AsyncIterable<readonly ExportNode[]>;
  edges(): AsyncIterable<readonly ExportEdge[]>;
}

/** A writer: the export's text, chunk by chunk, for `Readable.from` (which honours backpressure). */
export type ExportChunks = (graph: ExportGraph) => AsyncIterable<string>;
