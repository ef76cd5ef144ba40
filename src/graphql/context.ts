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
}
