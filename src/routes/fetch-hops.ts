import type { Database, Row } from "../db/run.js";
import { QueryTooCostlyError } from "../errors.js";
import neo4j from "neo4j-driver";
import { ballsParams, expandParams, nonEmpty, NONE, pathParams, text, toHopRow } from "./fetch-params.js";
import type { BallsRequest, EntityCheck, ExpandItem, FetchedBalls, FetchedHops, FetchedPaths, HopFilter, HopRow, PathsBudget } from "./fetch-types.js";
import type { GraphSnapshot } from "./graph-snapshot.js";
import type { Walk } from "./hop-store.js";
import { warmUpRouteQueries } from "./warm-up.js";

export type { BallsRequest, EntityCheck, ExpandItem, FetchedBalls, FetchedHops, FetchedPaths, HopFilter, HopRow, PathsBudget } from "./fetch-types.js";

export { cypherDate, typeSet } from "./fetch-params.js";

/**
 * Reads relationships around entities for the route engine, one auto-commit round trip per
 * call (expand-hops-directed or expand-hops-any; expand-balls-* for a search's first).
 */
/**
 * Most paths of one hop from an end of a FLOW search for which the path enumeration reads the
 * paths of two hops, to size its levels (expand-paths-flow.cypher); past it that end is not
 * split at (an entity with thousands of flow relationships would cost more to size than to pass).
 */
const SPLIT_LEVEL_BUDGET = 5000;
/**
 * Weight of a split enumeration's paths against the forward expansion's in the path
 * enumeration's choice: a split path is joined (grouped on its meeting entity, lists built) after
 * it is read. 1.5 measured on the route bench (2026-12-07): 1.0 and 2.0 gave the same p50 within
 * 0.1 ms; the weight keeps splits that save little from paying the join.
 */
const SPLIT_FACTOR = 1.5;

export class HopFetcher {
  private warm: Promise<void> | undefined;
  private warmed = false;

  constructor(
    private readonly db: Database,
    private readonly snapshot: GraphSnapshot,
    private readonly degreeCap: number,
    /** Backward hops of the FLOW path enumeration's split (0–3), or -1 to choose by level sizes (ROUTE_PATH_SPLIT). */
    private readonly pathSplit = -1,
  ) {}

  /**
   * Checks `check` and expands `items` (all with the same walk family: out/in, or both) in one
   * round trip.
   * @param limit most relationship rows to read; past it the answer says LIMIT_REACHED.
   * @param timeoutMs transaction timeout in **milliseconds**; past it the answer says TIMED_OUT.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async fetch(check: readonly string[], items: readonly ExpandItem[], filter: HopFilter, limit: number, timeoutMs: number): Promise<FetchedHops> {
    if (check.length === 0 && items.length === 0) return { checks: new Map(), rows: [], expanded: [], read: 0 };
    const any = items.some((i) => i.walk === "both");
    const pick = (walk: Walk) => items.filter((i) => i.walk === walk).map(({ id, force }) => ({ id, force }));
    const params = expandParams(check, pick("out"), pick("in"), pick("both"), filter, this.degreeCap, limit + 1 + check.length);
    let rows: Row[];
    try {
      rows = await this.db.readAutoCommit(any ? "expand-hops-any" : "expand-hops-directed", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return { checks: new Map(), rows: [], expanded: [], read: 0, stop: "TIMED_OUT" };
      throw err;
    }
    const checks = new Map<string, EntityCheck>();
    const hopRows: HopRow[] = [];
    const expandedIds = new Set<string>();
    for (const row of rows) {
      if (row.node === NONE) continue;
      if (row.id === null) {
        checks.set(text(row.node), {
          exists: row.exists === true,
          degree: Number(row.degree ?? 0),
          inDegree: Number(row.inDegree ?? 0),
          total: Number(row.total ?? 0),
          target: row.target === true,
        });
        continue;
      }
      const hopRow = toHopRow(row);
      hopRows.push(hopRow);
      expandedIds.add(hopRow.node);
    }
    if (hopRows.length > limit) return { checks, rows: hopRows, expanded: [], read: hopRows.length, stop: "LIMIT_REACHED" };
    // Without force, the query skips an entity with more than the cap of relationships in all
    // (its check row says so): it is not expanded.
    const expanded = items.filter((item) => item.force || (checks.get(item.id)?.total ?? 0) <= this.degreeCap);
    return { checks, rows: hopRows, expanded, read: hopRows.length };
  }

  /**
   * The fast first round trip of a route search (expand-balls-*.cypher): two breadth-first levels
   * from each end and the paths joining them, when neither end is a hub.
   * @returns null when either end is missing or a hub (the caller then checks and expands in the
   *   general way), else the levels' rows and what ran.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async balls(request: BallsRequest, filter: HopFilter, timeoutMs: number): Promise<FetchedBalls | null> {
    const params = ballsParams(request, filter, this.degreeCap);
    let found: Row[];
    try {
      found = await this.db.readAutoCommit(request.walk === "out" ? "expand-balls-flow" : "expand-balls-route", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return null;
      throw err;
    }
    const row = found[0];
    if (!row) return null;
    const rows = (key: string) => ((row[key] ?? []) as Row[]).map((r) => toHopRow({ ...r, node: null }));
    const done = row.done as { f2: boolean; b2: boolean; skipped: number; complete: boolean };
    return {
      missing: ((row.missing ?? []) as string[]).map(String),
      fromDegree: Number(row.fromDegree),
      toDegree: Number(row.toDegree),
      toInDegree: Number(row.toInDegree),
      f1: rows("f1"),
      f2: rows("f2"),
      b1: rows("b1"),
      b2: rows("b2"),
      middle: rows("mid"),
      done: { f2: done.f2, b2: done.b2, skipped: Number(done.skipped), complete: done.complete },
    };
  }
  /**
   * Every path of at most `maxHops` hops from `from` to `to` over the flow types that passes the
   * filter, enters no hub and can rank (expand-paths-flow.cypher), the first round trip of a FLOW
   * search between two entities. Up to six hops the paths are joined from a forward and a backward
   * expansion where the level sizes say that reads fewer paths; past six hops only paths short
   * enough to beat the `keepRoutes`-th best route of at most six hops are enumerated (no route of
   * L hops beats strongest^L, strongest being the highest confidence of any flow relationship).
   * The evidence of the relationships of the `evidenceRoutes` best entity sequences (by their best
   * path's confidence product) comes along, so that an answer usually needs no other round trip.
   * With `budget.keepRoutes`, only the relationships of the entity sequences that can rank among
   * the first `keepRoutes` routes come back (see the query).
   * @returns the relationships of those paths and the hubs that blocked one, or null when either
   *   end is missing, it reads `pathBudget` paths or more, or the query outlasts `timeoutMs`
   *   **milliseconds** (the caller then runs the general engine).
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async paths(from: string, to: string, maxHops: number, filter: HopFilter, budget: PathsBudget, timeoutMs: number): Promise<FetchedPaths | null> {
    const { pathBudget, keepRoutes, evidenceRoutes } = budget;
    const params = {
      ...pathParams(filter, this.degreeCap),
      from,
      to,
      named: [from, to],
      maxHops: neo4j.int(maxHops),
      pathBudget: neo4j.int(pathBudget),
      keepRoutes: neo4j.int(keepRoutes ?? 1),
      trim: keepRoutes !== null,
      evidenceRoutes: neo4j.int(evidenceRoutes),
      split: neo4j.int(budget.split ?? this.pathSplit),
      splitBudget: neo4j.int(SPLIT_LEVEL_BUDGET),
      splitFactor: SPLIT_FACTOR,
    };
    let found: Row[];
    try {
      found = await this.db.readAutoCommit("expand-paths-flow", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return null;
      throw err;
    }
    const row = found[0];
    if (!row || Number(row.paths) >= pathBudget) return null;
    return {
      paths: Number(row.paths),
      rows: ((row.rows ?? []) as Row[]).map((r) => toHopRow({ ...r, node: null })),
      hubs: ((row.hubs ?? []) as Row[]).map((h) => ({ id: text(h.id), degree: Number(h.degree) })),
      evidence: (row.evidence ?? []) as Row[],
    };
  }

  /**
   * Exposure within 4 hops over the flow and connection types (expand-exposure-route.cypher): the
   * relationships of every path from `from` to an entity with one of the filter's topics.
   * @returns those relationships and the targets reached, or null past `pathBudget` paths or
   *   `timeoutMs` **milliseconds** (the caller then runs the general engine).
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async exposurePaths(
    from: string,
    maxHops: number,
    filter: HopFilter,
    pathBudget: number,
    timeoutMs: number,
  ): Promise<{ rows: HopRow[]; targets: string[] } | null> {
    const params = {
      ...pathParams(filter, this.degreeCap),
      from,
      named: [from],
      topics: nonEmpty(filter.topics, NONE),
      maxHops: neo4j.int(maxHops),
      pathBudget: neo4j.int(pathBudget),
    };
    let found: Row[];
    try {
      found = await this.db.readAutoCommit("expand-exposure-route", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return null;
      throw err;
    }
    const row = found[0];
    if (!row || Number(row.paths) >= pathBudget) return null;
    return { rows: ((row.rows ?? []) as Row[]).map((r) => toHopRow({ ...r, node: null })), targets: ((row.targets ?? []) as string[]).map(String) };
  }

  /**
   * The relationships of the 5 shortest routes (fewest hops) of an ANY search over the flow and
   * connection types (find-shortest-any.cypher; Cypher takes no parameter for SHORTEST's k):
   * seeds for a search too long to finish exactly.
   * @returns them, or [] when none is found within `timeoutMs` **milliseconds**.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async shortest(from: string, to: string, maxHops: number, filter: HopFilter, timeoutMs: number): Promise<HopRow[]> {
    const params = { ...pathParams(filter, this.degreeCap), from, to, maxHops: neo4j.int(maxHops) };
    try {
      return (await this.db.readAutoCommit("find-shortest-any", params, { timeoutMs: Math.max(timeoutMs, 50) })).map((r) => toHopRow({ ...r, node: null }));
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return [];
      throw err;
    }
  }

  /**
   * Confirms the database state in one small round trip (the node and relationship counts, from
   * Neo4j's count store: a change empties every answer cache) and checks that `ids` name entities.
   * @returns the ids that name no entity.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async confirm(ids: readonly string[]): Promise<string[]> {
    const [row] = await this.db.readAutoCommit("graph-fingerprint", { ids: nonEmpty(ids, NONE) });
    this.snapshot.observe(`${Number(row?.nodes)}:${Number(row?.relationships)}`);
    return ((row?.missing ?? []) as string[]).filter((id) => id !== NONE);
  }

  /** Whether {@link ready} has finished: Neo4j has planned the route queries in this process. */
  isWarm(): boolean {
    return this.warmed;
  }

  /** Forgets the warm-up (Neo4j was seen down: a restarted Neo4j has lost its plans); the next {@link ready} runs it again. */
  forgetWarmUp(): void {
    if (!this.warmed) return;
    this.warmed = false;
    this.warm = undefined;
  }

  /**
   * Runs every route query once on real entities (warm-up.ts), so that Neo4j has planned them
   * and compiled their branches before the first search starts its clock (seconds on a busy
   * machine); later calls return at once, until {@link forgetWarmUp}.
   * @throws DatabaseUnavailableError when Neo4j is down (a later call tries again).
   */
  async ready(): Promise<void> {
    this.warm ??= (async () => {
      await warmUpRouteQueries(this.db, this);
      this.warmed = true;
    })().catch((err: unknown) => {
      this.warm = undefined;
      throw err;
    });
    return this.warm;
  }
}
