import { BadUserInputError } from "../errors.js";
import { LIMITS } from "../model/limits.js";
import type { RouteService } from "./route.service.js";
import { resolveFilters, type HopFilters, type RouteDirection } from "./route-query.js";
import { routesSubgraph, type RouteSearchReason, type RouteView, type SkippedHubView } from "./route-views.js";
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
  /** Hubs the pairwise searches met and did not walk through, most relationships first. */
  readonly skippedHubs: readonly SkippedHubView[];
}

/** The arguments of a `connections` call beyond the ids. */
export interface ConnectionsOptions extends HopFilters {
  /** Per pairwise route; default 4, cap 10. */
  readonly maxHops?: number;
  /** Default ANY. */
  readonly direction?: RouteDirection;
  /** Absolute `Date.now()` time in **milliseconds** after which no pair is searched. */
  readonly deadline?: number;
}

/**
 * Connects 2–10 entities with a small subgraph: the best route (highest confidence) between
 * every pair, then a maximum-confidence spanning tree over the entities (Kruskal on those
 * pairwise routes), and the union of the tree's routes. This is the classic minimum-spanning-
 * tree approximation of the Steiner tree over the metric closure (Kou, Markowsky & Berman,
 * 1981): its cost is within twice the optimum. Routes walk the flow and connection types in both
 * directions unless `direction` is FLOW, and take the per-hop filters of `routes` with the same
 * meaning (context relationships, such as registration in a country, join nobody unless
 * `relationshipTypes` names them). All pairwise searches share one ROUTE_BUDGET_MS.
 */
export class ConnectionsService {
  constructor(
    private readonly routes: RouteService,
    private readonly entities: EntityService,
    private readonly budgetMs: number,
  ) {}

  /**
   * @param ids 2 to 10 distinct entity ids.
   * @throws BadUserInputError for fewer than 2 or more than 10 ids or a bad filter; NotFoundError for unknown ids.
   */
  async connect(ids: readonly string[], options: ConnectionsOptions = {}): Promise<ConnectionsView> {
    const terminals = idList("ids", ids, LIMITS.connectionsMax);
    if (terminals.length < LIMITS.connectionsMin) {
      throw new BadUserInputError(`ids needs ${LIMITS.connectionsMin} to ${LIMITS.connectionsMax} distinct entities; got ${terminals.length}`, {
        argument: "ids",
      });
    }
    const maxHops = intInRange("maxHops", options.maxHops ?? 4, 1, LIMITS.maxHopsCap);
    const direction = options.direction ?? "ANY";
    const filters = resolveFilters(options, direction);
    const clash = terminals.filter((id) => filters.avoid.includes(id));
    if (clash.length > 0) throw new BadUserInputError(`avoid must not contain the ids to connect (${clash.join(", ")})`, { argument: "avoid" });
    await this.entities.assertExist([...terminals, ...filters.avoid]);
    await this.routes.ready();
    const until = Math.min(options.deadline ?? Number.POSITIVE_INFINITY, Date.now() + this.budgetMs);
    const pairs: { a: number; b: number; route: RouteView }[] = [];
    const hubs = new Map<string, SkippedHubView>();
    let stop: RouteSearchReason | null = null;
    const joined: { a: number; b: number }[] = [];
    for (let a = 0; a < terminals.length; a += 1) {
      for (let b = a + 1; b < terminals.length; b += 1) {
        if (Date.now() >= until) {
          stop = "TIMED_OUT";
          continue;
        }
        const found = await this.routes
          .findRoutes(
            {
              from: terminals[a]!,
              to: terminals[b]!,
              maxHops,
              limit: 1,
              direction,
              relationshipTypes: filters.types,
              statuses: options.statuses,
              includeRetracted: options.includeRetracted,
              minConfidence: filters.minConfidence,
              asOf: filters.asOf,
              avoid: filters.avoid,
            },
            { deadline: until },
          )
          .catch((err: unknown) => {
            // Two records of one entity (judged the same actor) are joined already, by no route.
            if (err instanceof BadUserInputError && err.extensions.reason === "SAME_ENTITY") return null;
            throw err;
          });
        if (found === null) {
          joined.push({ a, b });
          continue;
        }
        if (found.truncated) stop = found.reason;
        if (found.routes[0]) pairs.push({ a, b, route: found.routes[0] });
        for (const hub of found.skippedHubs) hubs.set(hub.entity.id, hub);
      }
    }
    pairs.sort((x, y) => y.route.confidence - x.route.confidence || x.route.length - y.route.length);
    const parent = terminals.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const kept: RouteView[] = [];
    for (const { a, b } of joined) parent[find(a)] = find(b);
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
      skippedHubs: [...hubs.values()].sort((x, y) => y.degree - x.degree),
    };
  }
}
