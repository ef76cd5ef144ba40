import type { Driver } from "neo4j-driver";
import type { Config } from "./config.js";
import { createDriver } from "./db/driver.js";
import { Database } from "./db/run.js";
import type { Services } from "./graphql/context.js";
import { ConnectionsService } from "./services/connections.service.js";
import { EntityService } from "./services/entity.service.js";
import { ExportService } from "./services/export.service.js";
import { GraphAdminService } from "./services/graph-admin.service.js";
import { ImportService } from "./services/import.service.js";
import { NeighborhoodService } from "./services/neighborhood.service.js";
import { AnswerCache } from "./routes/answer-cache.js";
import { HopFetcher } from "./routes/fetch-hops.js";
import { GraphSnapshot } from "./routes/graph-snapshot.js";
import { RouteDescriber } from "./services/route-views.js";
import { RouteService } from "./services/route.service.js";
import { SearchService } from "./services/search.service.js";

/** Everything one process needs: one driver, the database wrapper and the services. */
export interface App {
  readonly config: Config;
  readonly driver: Driver;
  readonly db: Database;
  readonly services: Services;
  readonly admin: GraphAdminService;
  /** Graph exports (GraphML, Cytoscape.js, CSV, FtM) for `GET /export/…` and `actorgraph export`. */
  readonly exports: ExportService;
  /** File imports (FtM, customs, claims) for `POST /import/:format` and `actorgraph import`. */
  readonly imports: ImportService;
  /** Closes the driver. */
  close(): Promise<void>;
}

/** Wires the app. Does not connect: the server starts (and reports unready) while Neo4j is down. */
export function createApp(config: Config): App {
  const driver = createDriver(config);
  const db = new Database(driver, config.neo4jDatabase, config.queryTimeoutMs);
  const entities = new EntityService(db);
  // Kept answers are dropped by this process's writes, by changed counts, and after a time to live (GraphSnapshot).
  const snapshot = new GraphSnapshot();
  db.onCommit(() => snapshot.invalidate());
  const fetcher = new HopFetcher(db, snapshot, config.routeHubDegree);
  const answers = () => new AnswerCache<never>(snapshot, config.routeCacheAnswers, config.routeCacheTtlMs);
  const routes = new RouteService(fetcher, new RouteDescriber(db), config, answers());
  const services: Services = {
    entities,
    search: new SearchService(db),
    routes,
    neighborhood: new NeighborhoodService(db, entities, fetcher, config.routeHubDegree, answers()),
    connections: new ConnectionsService(routes, entities, config.routeBudgetMs),
  };
  const exports = new ExportService(db, services.neighborhood, routes);
  return { config, driver, db, services, admin: new GraphAdminService(db), exports, imports: new ImportService(db), close: () => driver.close() };
}
