import type { Database } from "../db/run.js";
import { AppError, BadUserInputError, ErrorCode, UnreachableCaseError } from "../errors.js";
import { recordIdsOf } from "../export/cluster-graph.js";
import { foundSubgraph, listedElements, wholeGraph } from "../export/graph-source.js";
import type { ExportScope, RelationshipKey } from "../export/scope.js";
import type { ExportGraph } from "../export/types.js";
import { LIMITS } from "../model/limits.js";
import type { NeighborhoodService } from "./neighborhood.service.js";
import type { RouteService } from "./route.service.js";
import { idList } from "./validate.js";

/**
 * Resolves what an export covers into an {@link ExportGraph} that the format writers
 * (src/export/) read page by page. A neighbourhood or a route search runs here, before anything
 * is written, so their errors (BAD_USER_INPUT, NOT_FOUND) come before the first byte; the whole
 * graph is streamed in pages of EXPORT_PAGE_SIZE and never held in memory.
 */
export class ExportService {
  constructor(
    private readonly db: Database,
    private readonly neighborhoods: NeighborhoodService,
    private readonly routes: RouteService,
  ) {}

  /**
   * The graph of a scope: the whole graph; the neighbourhood of an entity (same defaults and
   * caps as Query.neighborhood); the union of a route search's routes (as Query.routes); or
   * exactly the listed elements of a client's view (see {@link elements}).
   * Edges always carry type, confidence, status, validity dates and evidence.
   * @throws BadUserInputError, NotFoundError, DatabaseUnavailableError, as the services do.
   */
  async graph(scope: ExportScope): Promise<ExportGraph> {
    switch (scope.kind) {
      case "all":
        return wholeGraph(this.db);
      case "neighborhood":
        return foundSubgraph(this.db, await this.neighborhoods.neighborhood(scope.id, scope.depth, scope.limit));
      case "routes":
        return foundSubgraph(this.db, (await this.routes.findRoutes(scope.query)).subgraph);
      case "elements":
        return this.elements(scope.nodes, scope.relationships);
      default:
        throw new UnreachableCaseError(scope);
    }
  }

  /**
   * Exactly the listed entities and relationships (scope=elements), for exporting what a client
   * shows: 1 to 5000 entity ids (LIMITS.exportElementsCap) and at most 5000 relationship keys,
   * duplicates ignored. Every relationship must run between two listed entities, as an exported
   * edge's endpoints must be exported nodes.
   * @throws BadUserInputError (BAD_USER_INPUT, `argument` nodes or relationships) for no nodes or
   *   past a cap; AppError NOT_FOUND with `ids` listing every entity id that names no entity; AppError
   *   NOT_FOUND with `relationships` listing the keys that name no relationship between listed
   *   entities. Messages name at most {@link NAMED_IN_MESSAGE} of them ("and N more"); the
   *   extensions list them all (at most the 5000 the request sent). Nothing unknown is silently
   *   dropped: a file never looks complete when it is not.
   */
  private async elements(nodeIds: readonly string[], keys: readonly RelationshipKey[]): Promise<ExportGraph> {
    const nodes = idList("nodes", nodeIds, LIMITS.exportElementsCap);
    if (nodes.length === 0) throw new BadUserInputError("nodes must list at least one entity id", { argument: "nodes" });
    const byKey = new Map(keys.map((k) => [`${k.type}:${k.id}`, k]));
    if (byKey.size > LIMITS.exportElementsCap) {
      throw new BadUserInputError(`relationships takes at most ${LIMITS.exportElementsCap} keys; got ${byKey.size}`, {
        argument: "relationships",
        max: LIMITS.exportElementsCap,
      });
    }
    const [missingRow] = await this.db.read("missing-ids", { ids: nodes });
    const missing = (missingRow?.missing ?? []) as string[];
    if (missing.length > 0) {
      throw new AppError(
        `No entity with id ${someOf(missing)}. Ids are stable slugs such as "dji" or "country-ru"; find them with search(text: …).`,
        ErrorCode.NOT_FOUND,
        { ids: missing },
      );
    }
    // Listed entities of several records (entity resolution) hold the relationships of all their records.
    const rows =
      byKey.size === 0 ? [] : await this.db.read("relationships-by-keys", { ids: await recordIdsOf(this.db, nodes), keys: idsByType(byKey.values()) });
    for (const row of rows) {
      const rel = row.rel as Record<string, unknown>;
      byKey.delete(`${String(rel.type)}:${String(rel.id)}`);
    }
    if (byKey.size > 0) {
      const absent = [...byKey.keys()];
      throw new AppError(
        `No relationship ${someOf(absent)} between the listed nodes; relationships are TYPE:id keys and both ends must be in nodes.`,
        ErrorCode.NOT_FOUND,
        { relationships: absent },
      );
    }
    return listedElements(this.db, nodes, rows);
  }
}

/** How many unknown ids or keys an error message names before "and N more" (the extensions list them all). */
const NAMED_IN_MESSAGE = 5;

/** `"a", "b", … (and N more)`: a message stays short however many ids a request sent. */
function someOf(items: readonly string[]): string {
  const named = items
    .slice(0, NAMED_IN_MESSAGE)
    .map((k) => JSON.stringify(k.length > 80 ? `${k.slice(0, 80)}…` : k))
    .join(", ");
  return items.length > NAMED_IN_MESSAGE ? `${named} (and ${items.length - NAMED_IN_MESSAGE} more)` : named;
}

/** Keys grouped as cypher/queries/relationships-by-keys.cypher takes them: `{TYPE: [id, …]}`. */
function idsByType(keys: Iterable<RelationshipKey>): Record<string, string[]> {
  const byType: Record<string, string[]> = {};
  for (const { type, id } of keys) (byType[type] ??= []).push(id);
  return byType;
}
