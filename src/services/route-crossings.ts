import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { plainText } from "../db/values.js";
import { BadUserInputError } from "../errors.js";
import { crossingPoints, describeCrossing, type IdentityCrossing } from "../resolution/identity-crossings.js";
import { toJudgementRecord } from "../resolution/judgement-store.js";
import { ClusterFetcher } from "../routes/cluster-fetcher.js";
import type { HopFetcher, HopFilter } from "../routes/fetch-hops.js";
import type { GraphSnapshot } from "../routes/graph-snapshot.js";
import type { ResolvedSearch } from "./route-query.js";
import type { RouteView } from "./route-views.js";

/** Most judgements read for the crossings of one answer (those of the clusters crossed, oldest first; the same cap as the candidates panel's). */
const JUDGEMENTS_READ_CAP = 10_000;

/** A search's ids as the engine sees them: each record id replaced by its cluster's canonical id. */
export interface ClusterSearch {
  readonly layer: ClusterFetcher;
  readonly from: string;
  readonly to: string | null;
  readonly via: readonly string[];
  /** Every record of the `avoid` and `via` entities, for the fetch filter (the Cypher filters records). */
  readonly filter: HopFilter;
  /** Canonical ids to check. */
  readonly check: readonly string[];
}

/**
 * Routes through clusters (docs/resolution.md): opens the cluster layer of a search
 * (routes/cluster-fetcher.ts), so `from`, `to`, `via` and `avoid` given as any record of a
 * cluster mean the cluster, and adds to each found route the points where it passes from one
 * record of an entity to another, with the POSITIVE judgements that join them.
 */
export class RouteClusters {
  /** Whether the graph holds some cluster, and when that was read (`Date.now()` ms); null when unknown. */
  private clustered: { value: boolean; at: number } | null = null;
  /** Changes the snapshot reported: an answer read across one is not kept. */
  private changes = 0;

  /**
   * @param snapshot empties the kept "some cluster exists" answer when this process commits a
   *   write (a judgement) or a round trip sees other counts, like the route answer caches.
   * @param ttlMs that answer is read again after this many **milliseconds** (ROUTE_CACHE_TTL_MS;
   *   0 reads it for every search), which bounds how long a judgement by another process goes unseen.
   */
  constructor(
    private readonly db: Database,
    private readonly fetcher: HopFetcher,
    snapshot: GraphSnapshot,
    private readonly ttlMs: number,
  ) {
    snapshot.onChange(() => {
      this.clustered = null;
      this.changes += 1;
    });
  }

  /**
   * The layer and canonical ids of a search, in one or two small queries.
   * @throws BadUserInputError (reason SAME_ENTITY) when `from` and `to` are records of one
   *   entity, or `avoid` names a record of the entity of `from` or `to`; DatabaseUnavailableError.
   */
  async open(q: ResolvedSearch, filter: HopFilter): Promise<ClusterSearch> {
    const asked = [q.from, ...(q.to === null ? [] : [q.to]), ...q.via, ...q.avoid];
    const layer = await ClusterFetcher.open(this.fetcher, this.db, asked, await this.anyCluster());
    const c = (id: string) => layer.canonicalOf(id);
    const from = c(q.from);
    const to = q.to === null ? null : c(q.to);
    if (to !== null && from === to) {
      throw new BadUserInputError(`${q.from} and ${q.to} are records of one entity (judged the same actor); a route needs two different entities`, {
        argument: "to",
        reason: "SAME_ENTITY",
      });
    }
    const avoid = [...new Set(q.avoid.map(c))];
    if (avoid.includes(from) || (to !== null && avoid.includes(to))) {
      throw new BadUserInputError("avoid names a record of the entity of from or to (judged the same actor)", { argument: "avoid", reason: "SAME_ENTITY" });
    }
    const via = [...new Set(q.via.map(c))];
    const records = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => layer.membersOf(id)))];
    return {
      layer,
      from,
      to,
      via,
      filter: { ...filter, avoid: records(avoid), via: records(via) },
      check: [...new Set([from, ...(to === null ? [] : [to]), ...via, ...avoid])],
    };
  }

  /** Whether some cluster exists: the kept answer while fresh, else one small query. */
  private async anyCluster(): Promise<boolean> {
    const kept = this.clustered;
    if (kept !== null && Date.now() - kept.at <= this.ttlMs) return kept.value;
    const [at, changes] = [Date.now(), this.changes];
    const value = await ClusterFetcher.hasClusters(this.db);
    if (changes === this.changes) this.clustered = { value, at };
    return value;
  }

  /**
   * Each route's identity crossings (identity-crossings.ts), in route order; `askedFrom` and
   * `askedTo` are the ids the search was asked for (a route may start or end at another record
   * of their entity). One query for the judgements and one for missing names, only when some
   * route crosses.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async crossings(routes: readonly RouteView[], askedFrom: string, askedTo: string | null): Promise<IdentityCrossing[][]> {
    const points = routes.map((r) =>
      crossingPoints(
        askedFrom,
        askedTo,
        r.hops.map((h) => ({ fromRecord: h.from.id, toRecord: h.to.id })),
      ),
    );
    const ids = [...new Set(points.flat().flatMap((p) => [p.from, p.to]))];
    if (ids.length === 0) return points.map(() => []);
    const names = new Map<string, string>();
    for (const r of routes) for (const h of r.hops) for (const e of [h.from, h.to]) names.set(e.id, e.name);
    const unnamed = ids.filter((id) => !names.has(id));
    const [judged, named] = await Promise.all([
      this.db.read("judgements-of-clusters", { ids, limit: neo4j.int(JUDGEMENTS_READ_CAP) }),
      unnamed.length === 0 ? Promise.resolve([]) : this.db.read("entities-by-ids", { ids: unnamed }),
    ]);
    for (const row of named) {
      const e = row.entity as Record<string, unknown>;
      names.set(plainText(e.id as string), plainText(e.name as string));
    }
    const judgements = judged.map((row) => toJudgementRecord(row.judgement));
    return points.map((list) => list.flatMap((p) => describeCrossing(p, judgements, (id) => names.get(id) ?? id) ?? []));
  }
}
