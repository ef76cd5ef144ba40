import DataLoader from "dataloader";
import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { NotFoundError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import { clustersOf, type ClusterInfo } from "../resolution/cluster-reader.js";
import { clusterRelationships, clusterViews } from "./cluster-views.js";
import { isRetractedRow } from "./retracted.js";
import { entityId, intInRange } from "./validate.js";
import type { Plain } from "../db/values.js";
import { toEntityView, toRelationshipView, type EntityView, type RelationshipView } from "./views.js";

/** Reads entities and their relationships. */
export class EntityService {
  /**
   * Batches the context lookups of one tick (every entity of a GraphQL answer asks for its
   * countries) into one query (dataloader; no cache, so nothing outlives the tick).
   */
  private readonly placeLoader: DataLoader<string, EntityView[]>;

  constructor(private readonly db: Database) {
    this.placeLoader = new DataLoader(
      async (ids) => {
        const rows = await this.db.read("entity-context", { ids });
        const byId = new Map(rows.map((r) => [r.id as string, ((r.places ?? []) as Plain[]).map(toEntityView)]));
        return ids.map((id) => byId.get(id) ?? []);
      },
      { cache: false, maxBatchSize: 500 },
    );
  }

  /**
   * The Country and Address entities an entity's context relationships (BASED_IN, LOCATED_IN)
   * point to: where it is registered, lives or happens. Ordered by id; empty when none.
   */
  async places(id: string): Promise<EntityView[]> {
    return this.placeLoader.load(id);
  }

  /**
   * One entity by id.
   * @throws NotFoundError (NOT_FOUND) for an unknown id; BadUserInputError for a malformed one.
   */
  async getEntity(id: string): Promise<EntityView> {
    const [entity] = await this.getEntities([entityId("id", id)]);
    if (!entity) throw new NotFoundError([id]);
    return entity;
  }

  /**
   * Entities by id, in the order given, each shown as its cluster's entity when judged one
   * actor with other records (cluster-views.ts; a merged id resolves to its cluster, which
   * comes once); unknown ids are skipped.
   */
  async getEntities(ids: readonly string[]): Promise<EntityView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read("entities-by-ids", { ids });
    const byId = new Map(rows.map((r) => [String((r.entity as Record<string, unknown>).id), toEntityView(r.entity)]));
    const missing = ids.filter((id) => !byId.has(id));
    // A merged record deleted since (import:delete) still resolves to the rest of its cluster.
    const clusters = missing.length > 0 ? await clustersOf(this.db, missing) : new Map<string, ClusterInfo>();
    if (clusters.size > 0) {
      const members = [...new Set([...clusters.values()].flatMap((c) => c.members))];
      for (const row of await this.db.read("entities-by-ids", { ids: members }))
        byId.set(String((row.entity as Record<string, unknown>).id), toEntityView(row.entity));
    }
    const records = ids.flatMap(
      (id) =>
        byId.get(id) ??
        clusters
          .get(id)
          ?.members.flatMap((m) => byId.get(m) ?? [])
          .slice(0, 1) ??
        [],
    );
    return clusterViews(this.db, records);
  }

  /**
   * Throws NotFoundError listing every id in `ids` that names no entity.
   * One query, whatever the number of ids.
   */
  async assertExist(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const [row] = await this.db.read("missing-ids", { ids });
    const missing = (row?.missing ?? []) as string[];
    if (missing.length > 0) throw new NotFoundError(missing);
  }

  /**
   * The relationships of an entity (all its cluster's records') in both directions, strongest first; retracted claims only
   * with `includeRetracted` (then fewer than `limit` may come back).
   * @param limit default 50, cap 500.
   */
  async getRelationships(id: string, limit: number = LIMITS.relationshipLimitDefault, includeRetracted = false): Promise<RelationshipView[]> {
    intInRange("limit", limit, 1, LIMITS.relationshipLimitCap);
    // A cluster's relationships are its members' (cluster-views.ts), each endpoint shown as its entity.
    const ids = (await clustersOf(this.db, [id])).get(id)?.members ?? [id];
    const rows = await this.db.read("entity-relationships", { ids, limit: neo4j.int(limit) });
    return clusterRelationships(this.db, rows.filter((row) => includeRetracted || !isRetractedRow(row)).map(toRelationshipView));
  }
}
