import type { ConnectionsService } from "../services/connections.service.js";
import type { EntityService } from "../services/entity.service.js";
import type { NeighborhoodService } from "../services/neighborhood.service.js";
import type { RouteService } from "../services/route.service.js";
import type { SearchService } from "../services/search.service.js";

/** The services every resolver reaches through the GraphQL context. */
export interface Services {
  readonly entities: EntityService;
  readonly search: SearchService;
  readonly routes: RouteService;
  readonly neighborhood: NeighborhoodService;
  readonly connections: ConnectionsService;
}

/** Per-request GraphQL context. */
export interface GraphQLContext {
  readonly services: Services;
  /**
   * Absolute `Date.now()` deadline, in **milliseconds**, shared by every route search of the
   * request (ROUTE_BUDGET_MS after it arrived), so aliases cannot multiply the budget.
   */
  readonly deadline: number;
  /** Runs a service call once fewer than 4 of this request's calls are in flight (p-limit). */
  readonly gate: <T>(work: () => Promise<T>) => Promise<T>;
}
