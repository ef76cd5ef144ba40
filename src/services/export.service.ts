import type { Database } from "../db/run.js";
import { UnreachableCaseError } from "../errors.js";
import { foundSubgraph, wholeGraph } from "../export/graph-source.js";
import type { ExportScope } from "../export/scope.js";
import type { ExportGraph } from "../export/types.js";
import type { NeighborhoodService } from "./neighborhood.service.js";
import type { RouteService } from "./route.service.js";

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
   * caps as Query.neighborhood); or the union of a route search's routes (as Query.routes).
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
      default:
        throw new UnreachableCaseError(scope);
    }
  }
}
