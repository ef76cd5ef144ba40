import neo4j from "neo4j-driver";
import type { Database, Row } from "../db/run.js";
import { QueryTooCostlyError } from "../errors.js";
import type { GraphEdge } from "../routes/types.js";
import { LIMITS } from "../model/limits.js";
import { CLAIM_STATUSES, RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.js";
import { fetchNeighborhood } from "../routes/neighborhood.js";
import type { EntityService } from "./entity.service.js";
import { isRetractedRow, withRetracted } from "./retracted.js";
import { entityId, intInRange } from "./validate.js";
import { toRelationshipView, type SubgraphView } from "./views.js";

/** The entities and relationships around one entity, for visualization clients. */
export class NeighborhoodService {
  constructor(
    private readonly db: Database,
    private readonly entities: EntityService,
  ) {}

  /**
   * Every entity within `depth` hops of `id` (any type, either direction), up to `limit`
   * entities (when cut, the strongest relationships are followed first), with every
   * relationship among them and its evidence.
   * @param depth hops, default 1, cap 3. @param limit entities, default 200, cap 2000.
   * @param includeRetracted also retracted claims, marked (default false).
   * @throws NotFoundError for an unknown id; BadUserInputError past a cap.
   */
  async neighborhood(
    id: string,
    depth: number = LIMITS.neighborhoodDepthDefault,
    limit: number = LIMITS.neighborhoodLimitDefault,
    includeRetracted = false,
  ): Promise<SubgraphView> {
    entityId("id", id);
    intInRange("depth", depth, 1, LIMITS.neighborhoodDepthCap);
    intInRange("limit", limit, 1, LIMITS.neighborhoodLimitCap);
    const center = await this.entities.getEntity(id);
    const fetched = await fetchNeighborhood(this.db, id, depth, limit, {
      types: RELATIONSHIP_TYPE_NAMES,
      statuses: withRetracted(CLAIM_STATUSES, includeRetracted),
      minConfidence: 0,
      asOf: null,
      avoid: [],
    });
    const others = await this.entities.getEntities(fetched.nodes.filter((n) => n !== id));
    const { rows, complete } = await this.relationshipsAmong(fetched.nodes, fetched.edges);
    const shown = includeRetracted ? rows : rows.filter((row) => !isRetractedRow(row));
    return { nodes: [center, ...others], edges: shown.map(toRelationshipView), truncated: fetched.truncated || !complete };
  }

  /**
   * Every relationship among the entities (neighbours of neighbours included), capped at
   * 20 × limit. When that query is too costly (a hub among the nodes), falls back to the
   * relationships the expansion walked, and reports the subgraph as incomplete.
   */
  private async relationshipsAmong(nodes: readonly string[], walked: readonly GraphEdge[]): Promise<{ rows: Row[]; complete: boolean }> {
    const cap = nodes.length * 20;
    try {
      const rows = await this.db.read("relationships-among", { ids: nodes, limit: neo4j.int(cap + 1) });
      if (rows.length <= cap) return { rows, complete: true };
    } catch (err) {
      if (!(err instanceof QueryTooCostlyError)) throw err;
    }
    const refs = walked.map((e) => ({ id: e.id, start: e.start, end: e.end }));
    return { rows: refs.length > 0 ? await this.db.read("relationships-by-ids", { refs }) : [], complete: false };
  }
}
