import { BadUserInputError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import type { RouteDirection, RouteSearchReason, RouteService, RouteView } from "./route.service.js";
import { routesSubgraph } from "./route.service.js";
import type { EntityService } from "./entity.service.js";
import { idList, intInRange } from "./validate.js";
import type { SubgraphView } from "./views.js";

/** How a set of entities is connected. */
export interface ConnectionsView {
  /** The routes kept: one per edge of the spanning tree over the entities. */
  readonly routes: readonly RouteView[];
  /** Union of the kept routes' nodes and relationships, plus every requested entity (so unconnected ones still show). */
  readonly subgraph: SubgraphView;
  /** Entity ids that no route within maxHops joins to the others. */
  readonly unconnected: readonly string[];
  /** True when some pairwise search was cut short (see reason). */
  readonly truncated: boolean;
  /** TIMED_OUT / LIMIT_REACHED when a search was cut short; NO_PATH_WITHIN_HOPS when some entity stays unconnected after complete searches. */
  readonly reason: RouteSearchReason | null;
}

/**
 * Connects 2–10 entities with a small subgraph: the best route (highest confidence) between
 * every pair, then a maximum-confidence spanning tree over the entities (Kruskal on those
 * pairwise routes), and the union of the tree's routes. This is the classic minimum-spanning-
 * tree approximation of the Steiner tree over the metric closure (Kou, Markowsky & Berman,
 * 1981): its cost is within twice the optimum. Routes walk every relationship type in both
 * directions unless `direction` is FLOW. All pairwise searches share one ROUTE_BUDGET_MS.
 */
export class ConnectionsService {
  constructor(
    private readonly routes: RouteService,
    private readonly entities: EntityService,
    private readonly budgetMs: number,
  ) {}

  /**
   * @param ids 2 to 10 distinct entity ids.
   * @param maxHops per pairwise route, default 4, cap 10.
   * @param deadline absolute `Date.now()` time in **milliseconds** after which no pair is searched.
   * @param includeRetracted follow retracted claims too (default false).
   * @throws BadUserInputError for fewer than 2 or more than 10 ids; NotFoundError for unknown ids.
   */
  async connect(ids: readonly string[], maxHops = 4, direction: RouteDirection = "ANY", deadline = Number.POSITIVE_INFINITY, includeRetracted = false): Promise<ConnectionsView> {
    const terminals = idList("ids", ids, LIMITS.connectionsMax);
    if (terminals.length < LIMITS.connectionsMin) {
      throw new BadUserInputError(`ids needs ${LIMITS.connectionsMin} to ${LIMITS.connectionsMax} distinct entities; got ${terminals.length}`, {
        argument: "ids",
      });
    }
    intInRange("maxHops", maxHops, 1, LIMITS.maxHopsCap);
    await this.entities.assertExist(terminals);
    const until = Math.min(deadline, Date.now() + this.budgetMs);
    const pairs: { a: number; b: number; route: RouteView }[] = [];
    let stop: RouteSearchReason | null = null;
    for (let a = 0; a < terminals.length; a += 1) {
      for (let b = a + 1; b < terminals.length; b += 1) {
        if (Date.now() >= until) {
          stop = "TIMED_OUT";
          continue;
        }
        const found = await this.routes.findRoutes({ from: terminals[a]!, to: terminals[b]!, maxHops, limit: 1, direction, includeRetracted }, { deadline: until, checkedIds: true });
        if (found.truncated) stop = found.reason;
        if (found.routes[0]) pairs.push({ a, b, route: found.routes[0] });
      }
    }
    pairs.sort((x, y) => y.route.confidence - x.route.confidence || x.route.length - y.route.length);
    const parent = terminals.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const kept: RouteView[] = [];
    for (const { a, b, route } of pairs) {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) continue;
      parent[ra] = rb;
      kept.push({ ...route, rank: kept.length + 1 });
    }
    const groups = new Map<number, number>();
    terminals.forEach((_, i) => groups.set(find(i), (groups.get(find(i)) ?? 0) + 1));
    const largest = [...groups.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    const unconnected = groups.size === 1 ? [] : terminals.filter((_, i) => find(i) !== largest);
    const subgraph = routesSubgraph(kept);
    const present = new Set(subgraph.nodes.map((n) => n.id));
    const isolated = await this.entities.getEntities(terminals.filter((id) => !present.has(id)));
    return {
      routes: kept,
      subgraph: { ...subgraph, nodes: [...subgraph.nodes, ...isolated] },
      unconnected,
      truncated: stop !== null,
      reason: stop ?? (unconnected.length > 0 ? "NO_PATH_WITHIN_HOPS" : null),
    };
  }
}
