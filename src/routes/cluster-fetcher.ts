import type { Database } from "../db/run.js";
import { clustersOf } from "../resolution/cluster-reader.js";
import type {
  BallsRequest,
  EntityCheck,
  ExpandItem,
  FetchedBalls,
  FetchedHops,
  FetchedPaths,
  HopFetcher,
  HopFilter,
  HopRow,
  PathsBudget,
} from "./fetch-hops.js";
import { edgeKey } from "./hops.js";
import type { FoundRoute, GraphEdge, RouteHop, RouteStep } from "./types.js";

/** What the route engine (route-search.ts) asks of a fetcher: {@link HopFetcher}, or a {@link ClusterFetcher} over one. */
export type RouteFetcher = Pick<HopFetcher, "fetch" | "balls" | "paths" | "exposurePaths" | "shortest" | "confirm">;

/**
 * The route engine's view of entity resolution (docs/resolution.md, "Routes through clusters"):
 * the records of one cluster (POSITIVE judgements, :Identity canonicalId) are ONE node, named by
 * the cluster's canonical id. Expanding it expands every member (at most MAX_CLUSTER_SIZE = 500,
 * src/resolution/clusters.ts); each relationship row is lifted to canonical ends, so a route
 * never visits two records of one cluster as two entities, and may arrive at one record and
 * leave from another. The stored relationships are kept ({@link lower}) so the answer shows the
 * real records. One instance per search: it learns the clusters of the records it meets, one
 * `identities-by-ids` query per round trip that meets unknown records (and one check of the new
 * clusters' other members, for their degrees, when it meets a cluster).
 *
 * The first-round-trip shortcuts of the engine (expand-balls-*, expand-paths-flow,
 * expand-exposure-route, find-shortest-any) walk stored records in Cypher and cannot see
 * clusters. When the graph holds no cluster of two or more records, everything goes to the
 * plain fetcher unchanged. Otherwise the path enumerations are refused (the engine then runs its
 * per-level search, which goes through {@link fetch}), and the two-level balls are used only when
 * they prove no cluster matters: maxHops ≤ 5, every level they plan ran in full, and no record
 * they read is clustered. Then a route that crosses a cluster would arrive at its first crossing
 * within two hops of `from` or leave its last within two hops of `to` (the hops on either side
 * add up to at most five), so its crossing record would be among those read: none is, so the
 * record graph and the cluster graph have the same routes there.
 */
export class ClusterFetcher implements RouteFetcher {
  /** Record id → canonical id, for the records whose cluster is known (absent: not looked up yet). */
  private readonly canonical = new Map<string, string>();
  /** Canonical id → members, for clusters of two or more records. */
  private readonly members = new Map<string, readonly string[]>();
  /** Per cluster: its members' checks merged (degrees summed; a target when a member is). */
  private readonly stats = new Map<string, EntityCheck>();
  /** Stored relationship of each lifted one, by edge key. */
  private readonly stored = new Map<string, GraphEdge>();

  private constructor(
    private readonly inner: HopFetcher,
    private readonly db: Database,
    /** True when the graph holds some cluster of two or more records. */
    readonly clustered: boolean,
  ) {}

  /**
   * Opens the layer for one search: the clusters of `ids` (the ids the search names), in one
   * small query when the graph holds some cluster (`clustered`, see {@link hasClusters}).
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  static async open(inner: HopFetcher, db: Database, ids: readonly string[], clustered: boolean): Promise<ClusterFetcher> {
    const layer = new ClusterFetcher(inner, db, clustered);
    if (clustered) await layer.learn(ids);
    return layer;
  }

  /**
   * True when the graph holds some cluster of two or more records (identities-clustered-any.cypher).
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  static async hasClusters(db: Database): Promise<boolean> {
    const [row] = await db.readAutoCommit("identities-clustered-any", {});
    return row?.clustered === true;
  }

  /** The canonical id of a record (itself when it is in no cluster of two or more, or was never looked up). */
  canonicalOf(id: string): string {
    return this.canonical.get(id) ?? id;
  }

  /** The records of the entity `id` names (a canonical or a member id): all its cluster's members, or `id` alone. */
  membersOf(id: string): readonly string[] {
    return this.members.get(this.canonicalOf(id)) ?? [id];
  }

  async fetch(check: readonly string[], items: readonly ExpandItem[], filter: HopFilter, limit: number, timeoutMs: number): Promise<FetchedHops> {
    if (!this.clustered) return this.inner.fetch(check, items, filter, limit, timeoutMs);
    const started = Date.now();
    const memberChecks = [...new Set(check.flatMap((id) => this.membersOf(id)))];
    const memberItems = items.flatMap((item) => this.membersOf(item.id).map((id) => ({ id, walk: item.walk, force: item.force })));
    const got = await this.inner.fetch(memberChecks, memberItems, filter, limit, timeoutMs);
    const checks = new Map<string, EntityCheck>();
    for (const id of check) {
      const merged = mergeChecks(this.membersOf(id), got.checks);
      checks.set(id, merged);
      if (this.members.has(id)) this.stats.set(id, merged);
    }
    await this.learn(got.rows.map((r) => r.other));
    const unmeasured = [...new Set(got.rows.map((r) => this.canonicalOf(r.other)))].filter((c) => this.members.has(c) && !this.stats.has(c));
    if (unmeasured.length > 0) await this.measure(unmeasured, filter, timeoutMs - (Date.now() - started));
    const done = new Set(got.expanded.map((i) => `${i.walk}\u0000${i.id}`));
    const expanded = items.filter((item) => this.membersOf(item.id).every((id) => done.has(`${item.walk}\u0000${id}`)));
    return { checks, rows: got.rows.map((r) => this.liftRow(r)), expanded, read: got.read };
  }

  async balls(request: BallsRequest, filter: HopFilter, timeoutMs: number): Promise<FetchedBalls | null> {
    if (!this.clustered) return this.inner.balls(request, filter, timeoutMs);
    if (request.maxHops > 5 || this.members.has(this.canonicalOf(request.from)) || this.members.has(this.canonicalOf(request.to))) return null;
    const balls = await this.inner.balls(request, filter, timeoutMs);
    if (balls === null || balls.missing.length > 0) return null;
    const ranInFull = (request.fLevels < 2 || balls.done.f2) && (request.bLevels < 2 || balls.done.b2) && balls.done.skipped === 0;
    if (!ranInFull) return null;
    const rows = [...balls.f1, ...balls.f2, ...balls.b1, ...balls.b2, ...balls.middle];
    await this.learn(rows.flatMap((r) => [r.edge.start, r.edge.end]));
    return rows.some((r) => this.members.has(this.canonicalOf(r.edge.start)) || this.members.has(this.canonicalOf(r.edge.end))) ? null : balls;
  }

  async paths(from: string, to: string, maxHops: number, filter: HopFilter, budget: PathsBudget, timeoutMs: number): Promise<FetchedPaths | null> {
    return this.clustered ? null : this.inner.paths(from, to, maxHops, filter, budget, timeoutMs);
  }

  async exposurePaths(
    from: string,
    maxHops: number,
    filter: HopFilter,
    pathBudget: number,
    timeoutMs: number,
  ): Promise<{ rows: HopRow[]; targets: string[] } | null> {
    return this.clustered ? null : this.inner.exposurePaths(from, maxHops, filter, pathBudget, timeoutMs);
  }

  async shortest(from: string, to: string, maxHops: number, filter: HopFilter, timeoutMs: number): Promise<HopRow[]> {
    return this.clustered ? [] : this.inner.shortest(from, to, maxHops, filter, timeoutMs);
  }

  /** Checks entities (canonical ids): one is missing when none of its records exists. */
  async confirm(ids: readonly string[]): Promise<string[]> {
    if (!this.clustered) return this.inner.confirm(ids);
    const missing = new Set(await this.inner.confirm([...new Set(ids.flatMap((id) => this.membersOf(id)))]));
    return ids.filter((id) => this.membersOf(id).every((m) => missing.has(m)));
  }

  /**
   * A found route over stored records: each step's relationship as stored (its records as ends,
   * `from`/`to` the records it leaves and reaches); the route's nodes stay canonical ids.
   */
  lower(route: FoundRoute): FoundRoute {
    if (!this.clustered) return route;
    const step = (s: RouteStep): RouteStep => {
      const edge = this.stored.get(edgeKey(s.edge)) ?? s.edge;
      return { edge, from: s.reversed ? edge.end : edge.start, to: s.reversed ? edge.start : edge.end, reversed: s.reversed };
    };
    const hops = route.hops.map((h): RouteHop => {
      const chosen = step(h.chosen);
      return { from: chosen.from, to: chosen.to, steps: h.steps.map(step), chosen };
    });
    return { ...route, hops };
  }

  /** Looks up the clusters of the records not yet known, in one query. */
  private async learn(ids: readonly string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => id !== "" && !this.canonical.has(id));
    if (unknown.length === 0) return;
    const found = await clustersOf(this.db, unknown);
    for (const id of unknown) {
      const cluster = found.get(id);
      if (!cluster) {
        this.canonical.set(id, id);
        continue;
      }
      this.members.set(cluster.canonicalId, cluster.members);
      for (const m of cluster.members) this.canonical.set(m, cluster.canonicalId);
    }
  }

  /** Reads the degrees of new clusters' members (one check round trip) and keeps their sums. */
  private async measure(clusters: readonly string[], filter: HopFilter, timeoutMs: number): Promise<void> {
    const got = await this.inner.fetch([...new Set(clusters.flatMap((c) => this.membersOf(c)))], [], filter, 0, timeoutMs);
    for (const c of clusters) this.stats.set(c, mergeChecks(this.membersOf(c), got.checks));
  }

  private liftRow(row: HopRow): HopRow {
    const start = this.canonicalOf(row.edge.start);
    const end = this.canonicalOf(row.edge.end);
    let edge = row.edge;
    if (start !== edge.start || end !== edge.end) {
      edge = { ...edge, start, end };
      this.stored.set(edgeKey(edge), row.edge);
    }
    const other = this.canonicalOf(row.other);
    const stats = this.stats.get(other);
    const node = this.canonicalOf(row.node);
    return stats ? { edge, node, other, degree: stats.degree, inDegree: stats.inDegree, target: stats.target } : { ...row, edge, node, other };
  }
}

/** One entity's check from its records' checks: it exists when one does, its degrees are their sums, a target when one is. */
function mergeChecks(records: readonly string[], checks: ReadonlyMap<string, EntityCheck>): EntityCheck {
  const parts = records.flatMap((m) => {
    const c = checks.get(m);
    return c ? [c] : [];
  });
  return {
    exists: parts.some((c) => c.exists),
    degree: sum(parts.map((c) => c.degree)),
    inDegree: sum(parts.map((c) => c.inDegree)),
    total: sum(parts.map((c) => c.total)),
    target: parts.some((c) => c.target),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
