import type { Database } from "../db/run.js";
import { LIMITS } from "../model/limits.js";
import { CLAIM_STATUSES, RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.js";
import { fetchNeighborhood } from "../routes/neighborhood.js";
import type { EntityService } from "./entity.service.js";
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
   * entities, with the relationships among them and their evidence.
   * @param depth hops, default 1, cap 3. @param limit entities, default 200, cap 2000.
   * @throws NotFoundError for an unknown id; BadUserInputError past a cap.
   */
  async neighborhood(
    id: string,
    depth: number = LIMITS.neighborhoodDepthDefault,
    limit: number = LIMITS.neighborhoodLimitDefault,
  ): Promise<SubgraphView> {
    entityId("id", id);
    intInRange("depth", depth, 1, LIMITS.neighborhoodDepthCap);
    intInRange("limit", limit, 1, LIMITS.neighborhoodLimitCap);
    const center = await this.entities.getEntity(id);
    const fetched = await fetchNeighborhood(this.db, id, depth, limit, {
      types: RELATIONSHIP_TYPE_NAMES,
      statuses: CLAIM_STATUSES,
      minConfidence: 0,
      asOf: null,
      avoid: [],
    });
    const refs = fetched.edges.map((e) => ({ id: e.id, start: e.start, end: e.end }));
    const rows = refs.length > 0 ? await this.db.read("relationships-by-ids", { refs }) : [];
    const edges = rows.map(toRelationshipView);
    const others = await this.entities.getEntities(fetched.nodes.filter((n) => n !== id));
    return { nodes: [center, ...others], edges, truncated: fetched.truncated };
  }
}
