import type { Driver } from "neo4j-driver";
import { AuthService } from "./auth/auth.service.js";
import type { Config } from "./config.js";
import { createDriver } from "./db/driver.js";
import { Database } from "./db/run.js";
import type { Services } from "./graphql/context.js";
import { CandidateService } from "./services/candidate.service.js";
import { ClaimService } from "./services/claim.service.js";
import { ConnectionsService } from "./services/connections.service.js";
import { EntityWriteService } from "./services/entity-write.service.js";
import { EntityService } from "./services/entity.service.js";
import { ExportService } from "./services/export.service.js";
import { GraphAdminService } from "./services/graph-admin.service.js";
import { ImportService } from "./services/import.service.js";
import { NeighborhoodService } from "./services/neighborhood.service.js";
import { ResolutionService } from "./services/resolution.service.js";
import { RevisionService } from "./services/revision.service.js";
import { RouteService } from "./services/route.service.js";
import { SearchService } from "./services/search.service.js";
import { SourceService } from "./services/source.service.js";

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
  const routes = new RouteService(db, entities, config);
  const auth = new AuthService(config);
  const candidates = new CandidateService(db, entities);
  const resolution = new ResolutionService(db, auth, () => candidates.invalidate());
  const services: Services = {
    entities,
    search: new SearchService(db),
    routes,
    neighborhood: new NeighborhoodService(db, entities),
    connections: new ConnectionsService(routes, entities, config.routeBudgetMs),
    auth,
    sources: new SourceService(db, auth),
    entityWrites: new EntityWriteService(db, auth, entities, resolution),
    claims: new ClaimService(db, auth),
    revisions: new RevisionService(db),
    resolution,
    candidates,
  };
  const exports = new ExportService(db, services.neighborhood, routes);
  return { config, driver, db, services, admin: new GraphAdminService(db), exports, imports: new ImportService(db, services.resolution), close: () => driver.close() };
}
