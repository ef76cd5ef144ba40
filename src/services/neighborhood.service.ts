import neo4j from "neo4j-driver";
import type { Database, Row } from "../db/run.js";
import { NotFoundError, QueryTooCostlyError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import { RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.js";
import type { AnswerCache } from "../routes/answer-cache.js";
import { cypherDate, type HopFetcher, type HopFilter, type HopRow } from "../routes/fetch-hops.js";
import { compareStrength } from "../routes/hops.js";
import type { EntityService } from "./entity.service.js";
import { resolveFilters, type HopFilters } from "./route-query.js";
import { entityId, intInRange } from "./validate.js";
import { toRelationshipView, type SubgraphView } from "./views.js";

/** The entities and relationships around one entity, for visualization clients. */
export class NeighborhoodService {
  constructor(
    private readonly db: Database,
    private readonly entities: EntityService,
    private readonly fetcher: HopFetcher,
    private readonly degreeCap: number,
    /** Recent answers, served after one round trip confirms nothing changed. */
    private readonly answers: AnswerCache<SubgraphView>,
  ) {}

  /**
   * Every entity within `depth` hops of `id` (either direction), up to `limit` entities (when
   * cut, the strongest relationships are followed first), with every relationship among them
   * that passes the filters, and its evidence. The filters mean what they mean for routes, but
   * by default every type is walked, context (a company's country) included. Entities beyond
   * the first hop with more than ROUTE_HUB_DEGREE relationships are shown, not expanded (the
   * subgraph is then marked truncated).
   * @param depth hops, default 1, cap 3. @param limit entities, default 200, cap 2000.
   * @throws NotFoundError for an unknown id (or avoid id); BadUserInputError past a cap or for a bad filter.
   */
  async neighborhood(
    id: string,
    depth: number = LIMITS.neighborhoodDepthDefault,
    limit: number = LIMITS.neighborhoodLimitDefault,
    filters: HopFilters = {},
  ): Promise<SubgraphView> {
    entityId("id", id);
    intInRange("depth", depth, 1, LIMITS.neighborhoodDepthCap);
    intInRange("limit", limit, 1, LIMITS.neighborhoodLimitCap);
    const f = resolveFilters({ ...filters, relationshipTypes: filters.relationshipTypes ?? RELATIONSHIP_TYPE_NAMES }, "ANY");
    const filter: HopFilter = {
      types: f.types,
      viaTypes: [],
      via: [],
      statuses: f.statuses,
      minConfidence: f.minConfidence,
      asOf: f.asOf,
      avoid: f.avoid.filter((a) => a !== id),
      topics: [],
    };
    const key = JSON.stringify([id, depth, limit, filter]);
    if (this.answers.get(key)) {
      const missing = await this.fetcher.confirm([id, ...filter.avoid]);
      if (missing.length > 0) throw new NotFoundError(missing);
      const kept = this.answers.get(key);
      if (kept) return kept;
    }
    const seen = new Set([id]);
    const kept = new Map<string, HopRow>();
    let frontier = [id];
    let truncated = false;
    const rowCap = limit * 20;
    for (let level = 0; level < depth && frontier.length > 0 && !truncated; level += 1) {
      const fetched = await this.fetcher.fetch(
        level === 0 ? [id, ...filter.avoid] : [],
        frontier.map((n) => ({ id: n, walk: "both" as const, force: true })),
        filter,
        rowCap,
        30_000,
      );
      if (level === 0) {
        const missing = [id, ...filter.avoid].filter((n) => fetched.checks.get(n)?.exists !== true);
        if (missing.length > 0) throw new NotFoundError(missing);
      }
      if (fetched.stop) truncated = true;
      const next: string[] = [];
      // Strongest first, so a cut at `limit` keeps the best-supported neighbours.
      for (const row of [...fetched.rows].sort((a, b) => compareStrength(a.edge, b.edge))) {
        if (!seen.has(row.other)) {
          if (seen.size >= limit) {
            truncated = true;
            continue;
          }
          seen.add(row.other);
          if (row.degree > this.degreeCap) truncated = true;
          else next.push(row.other);
        }
        kept.set(`${row.edge.type}\u0000${row.edge.id}`, row);
      }
      frontier = next;
    }
    const nodes = [...seen];
    const { rows, complete } = await this.relationshipsAmong(nodes, [...kept.values()], filter);
    const views = rows.map(toRelationshipView);
    const byId = new Map(
      views.flatMap(
        (r) =>
          [
            [r.from.id, r.from],
            [r.to.id, r.to],
          ] as const,
      ),
    );
    const isolated = await this.entities.getEntities(nodes.filter((n) => !byId.has(n)));
    for (const e of isolated) byId.set(e.id, e);
    if (!byId.has(id)) throw new NotFoundError([id]);
    const view = { nodes: nodes.flatMap((n) => byId.get(n) ?? []), edges: views, truncated: truncated || !complete };
    this.answers.set(key, view);
    return view;
  }

  /**
   * Every relationship among the entities (neighbours of neighbours included) that passes the
   * filters, capped at 20 × limit. When that query is too costly, falls back to the
   * relationships the expansion walked, and reports the subgraph as incomplete.
   */
  private async relationshipsAmong(nodes: readonly string[], walked: readonly HopRow[], f: HopFilter): Promise<{ rows: Row[]; complete: boolean }> {
    const cap = nodes.length * 20;
    try {
      const rows = await this.db.read("relationships-among", {
        ids: nodes,
        types: f.types,
        statuses: f.statuses,
        minConfidence: f.minConfidence,
        dated: f.asOf !== null,
        asOf: cypherDate(f.asOf ?? "2000-01-01"),
        cap: neo4j.int(this.degreeCap),
        limit: neo4j.int(cap + 1),
      });
      if (rows.length <= cap) return { rows, complete: true };
    } catch (err) {
      if (!(err instanceof QueryTooCostlyError)) throw err;
    }
    const refs = walked.map((r) => ({ id: r.edge.id, start: r.edge.start, end: r.edge.end }));
    return { rows: refs.length > 0 ? await this.db.read("relationships-by-ids", { refs }) : [], complete: false };
  }
}
