import type { Driver } from "neo4j-driver";
import { AuthService } from "./auth/auth.service.js";
import type { Config } from "./config.js";
import { createDriver } from "./db/driver.js";
import { Database } from "./db/run.js";
import { Metrics } from "./metrics.js";
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
import { AnswerCache } from "./routes/answer-cache.js";
import { HopFetcher } from "./routes/fetch-hops.js";
import { GraphSnapshot } from "./routes/graph-snapshot.js";
import { ResolutionService } from "./services/resolution.service.js";
import { RevisionService } from "./services/revision.service.js";
import { RouteDescriber } from "./services/route-views.js";
import { RouteClusters } from "./services/route-crossings.js";
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
  /** Prometheus metrics of this app (`GET /metrics`). */
  readonly metrics: Metrics;
  /** Closes the driver. */
  close(): Promise<void>;
}

/** Wires the app. Does not connect: the server starts (and reports unready) while Neo4j is down. */
export function createApp(config: Config): App {
  const driver = createDriver(config);
  const db = new Database(driver, config.neo4jDatabase, config.queryTimeoutMs);
  const metrics = new Metrics(() => db.sessionsInUse);
  const entities = new EntityService(db);
  // Kept answers are dropped by this process's writes, by changed counts, and after a time to live (GraphSnapshot).
  const snapshot = new GraphSnapshot();
  db.onCommit(() => snapshot.invalidate());
  const fetcher = new HopFetcher(db, snapshot, config.routeHubDegree, config.routePathSplit);
  const answers = () => new AnswerCache<never>(snapshot, config.routeCacheAnswers, config.routeCacheTtlMs);
  const routes = observeRouteSearches(
    new RouteService(fetcher, new RouteDescriber(db), config, answers(), new RouteClusters(db, fetcher, snapshot, config.routeCacheTtlMs)),
    metrics,
  );
  const auth = new AuthService(config);
  const candidates = new CandidateService(db, entities);
  const resolution = new ResolutionService(db, auth, () => candidates.invalidate());
  const services: Services = {
    entities,
    search: new SearchService(db),
    routes,
    neighborhood: new NeighborhoodService(db, entities, fetcher, config.routeHubDegree, answers()),
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
  const imports = observeImports(new ImportService(db, resolution), metrics);
  return { config, driver, db, services, admin: new GraphAdminService(db), exports, imports, metrics, close: () => driver.close() };
}

/** `routes`, counting each search's outcome in `metrics` (connections' searches included, since they go through it). */
function observeRouteSearches(routes: RouteService, metrics: Metrics): RouteService {
  const find = routes.findRoutes.bind(routes);
  routes.findRoutes = async (...args) => {
    const search = await find(...args);
    metrics.routeSearchEnded(search.reason);
    return search;
  };
  return routes;
}

/** `imports`, reporting the imports in progress, their records read so far, and each finished import's records in `metrics`. */
function observeImports(imports: ImportService, metrics: Metrics): ImportService {
  const importFile = imports.importFile.bind(imports);
  imports.importFile = async (options, provenance) => {
    metrics.importsInProgress.inc();
    let read = 0;
    try {
      const summary = await importFile(
        {
          ...options,
          onProgress: (p) => {
            metrics.importRecordsRead.inc(p.read - read);
            read = p.read;
            options.onProgress?.(p);
          },
        },
        provenance,
      );
      metrics.importEnded(summary);
      return summary;
    } finally {
      metrics.importsInProgress.dec();
      metrics.importRecordsRead.dec(read);
    }
  };
  return imports;
}
