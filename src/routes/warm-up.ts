import type { Database } from "../db/run.js";
import { CLAIM_STATUSES, FLOW_RELATIONSHIP_TYPES, ROUTE_RELATIONSHIP_TYPES } from "../model/vocabulary.js";
import type { HopFetcher } from "./fetch-hops.js";
import { NONE } from "./fetch-params.js";
import type { HopFilter } from "./fetch-types.js";

/**
 * Time limit of each warm-up query, in **milliseconds**. Warming up is Neo4j planning the large
 * expansion queries: 0.3–0.4 s each on a quiet 2-core machine, but 4–10 s each when the machine
 * is busy (measured 2026-12-07 with EXPLAIN at load 8–10), more than QUERY_TIMEOUT_MS. The work
 * itself is bounded: two entities, budgets of 10–100 rows.
 */
const WARM_UP_TIMEOUT_MS = 120_000;

/** Type lists whose query branches differ (typeSet in fetch-params.ts): flow, flow and connection, all. */
const TYPE_KINDS: readonly (readonly string[])[] = [FLOW_RELATIONSHIP_TYPES, ROUTE_RELATIONSHIP_TYPES, [...FLOW_RELATIONSHIP_TYPES, "BASED_IN"]];

/**
 * Runs every route query once on real entities, so that Neo4j has planned them, and compiled
 * the expressions of each branch, before the first search starts its clock. Neo4j compiles an
 * expression the first time rows flow through it: the warm-up takes two entities joined by two
 * flow relationships (warm-up-flow-pair.cypher; else one), so that joins and a route's inner
 * entities see rows, and runs each kind of type list, dated and undated, and every branch of
 * the FLOW path query (each split, 3, 6 and 10 hops, the filters checked while expanding). With
 * one branch only, the first search on a restarted Neo4j still took 1.6 s of a 2 s budget in it
 * (measured at load 4, 2026-12-07); with all, 140 ms.
 * @throws DatabaseUnavailableError when Neo4j is down.
 */
export async function warmUpRouteQueries(db: Database, fetcher: HopFetcher): Promise<void> {
  const timeout = { timeoutMs: WARM_UP_TIMEOUT_MS };
  const [found] = await db.readAutoCommit("warm-up-entity", {}, timeout);
  const id = typeof found?.id === "string" ? found.id : NONE;
  const [pair] = await db.readAutoCommit("warm-up-flow-pair", { types: [...FLOW_RELATIONSHIP_TYPES] }, timeout);
  const [from, to] = typeof pair?.from === "string" && typeof pair.to === "string" ? [pair.from, pair.to] : [id, id];
  const base: HopFilter = {
    types: FLOW_RELATIONSHIP_TYPES,
    viaTypes: [],
    via: [],
    statuses: CLAIM_STATUSES,
    minConfidence: 0,
    asOf: null,
    avoid: [],
    topics: [],
  };
  for (const asOf of [null, "2000-01-01"]) {
    for (const types of TYPE_KINDS) {
      const filter = { ...base, types, asOf };
      for (const walk of ["out", "in", "both"] as const) {
        await fetcher.fetch([from], [{ id: from, walk, force: true }], filter, 100, WARM_UP_TIMEOUT_MS);
      }
      for (const walk of ["out", "both"] as const) {
        await fetcher.balls({ from, to, walk, fLevels: 2, bLevels: 2, maxHops: 6, levelBudget: 100, pathBudget: 10 }, filter, WARM_UP_TIMEOUT_MS);
      }
    }
    const filter = { ...base, asOf };
    const runs = [
      ...[0, 1, 2, 3].flatMap((split) => [3, 6, 10].map((hops) => ({ statuses: CLAIM_STATUSES, hops, split }))),
      { statuses: ["REPORTED"], hops: 6, split: 0 },
    ];
    for (const { statuses, hops, split } of runs) {
      await fetcher.paths(from, to, hops, { ...filter, statuses }, { pathBudget: 10, keepRoutes: 2, evidenceRoutes: 1, split }, WARM_UP_TIMEOUT_MS);
    }
    const route = { ...filter, types: ROUTE_RELATIONSHIP_TYPES };
    await fetcher.exposurePaths(from, 2, { ...route, topics: ["sanction"] }, 10, WARM_UP_TIMEOUT_MS);
    await fetcher.shortest(from, to, 8, route, WARM_UP_TIMEOUT_MS);
  }
  await fetcher.confirm([id]);
}
