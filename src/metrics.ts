import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { currentRequest } from "./request-context.js";

/** What an import reports when it ends, for {@link Metrics.importEnded}. */
export interface ImportOutcome {
  readonly format: string;
  readonly read: number;
  readonly rejected: number;
}

/**
 * The server's Prometheus metrics (prom-client), one registry per app so that two servers in
 * one process (tests) keep their own counts. `GET /metrics` serves {@link Metrics.registry} as
 * Prometheus text. Names, labels and units:
 * - `actorgraph_requests_total{operation, outcome}`: requests answered. `operation` is the
 *   GraphQL root field (`routes`, `search`, …; `multiple` for several, `graphql` when none was
 *   resolved) or the HTTP area (`export`, `import`, `health`, `ready`, `metrics`, `web`,
 *   `other`); `outcome` is `ok` or the error code of the first error (`BAD_USER_INPUT`,
 *   `SERVER_BUSY`, `RATE_LIMITED`, …; `HTTP_<status>` for an error without a code);
 * - `actorgraph_request_duration_seconds{operation}`: latency histogram, in **seconds**;
 * - `actorgraph_route_searches_total{outcome}`: route searches by how they ended: `ROUTES_FOUND`,
 *   or the reason a search gave (`NO_PATH_WITHIN_HOPS`, `TIMED_OUT`, `LIMIT_REACHED`, …);
 * - `actorgraph_neo4j_sessions_in_use`: driver sessions (each holding at most one pooled Bolt
 *   connection) this process has open; the pool holds at most 50 (src/db/driver.ts);
 * - `actorgraph_exports_in_progress`: exports streaming now (at most EXPORT_SLOTS);
 * - `actorgraph_imports_in_progress`, `actorgraph_import_records_read` (records read by the
 *   imports running now, a gauge that climbs as they go), `actorgraph_import_records_total{format, outcome}`
 *   (`imported` or `rejected`, counted when an import ends);
 * - Node's default process metrics (`process_resident_memory_bytes`, event loop lag, …).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "actorgraph_requests_total",
    help: "Requests answered, by operation and outcome (ok or error code).",
    labelNames: ["operation", "outcome"],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "actorgraph_request_duration_seconds",
    help: "Request latency in seconds, by operation.",
    labelNames: ["operation"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly routeSearches = new Counter({
    name: "actorgraph_route_searches_total",
    help: "Route searches, by outcome (ROUTES_FOUND or the search's reason).",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  readonly exportsInProgress = new Gauge({ name: "actorgraph_exports_in_progress", help: "Exports streaming now.", registers: [this.registry] });
  readonly importsInProgress = new Gauge({ name: "actorgraph_imports_in_progress", help: "Imports running now.", registers: [this.registry] });
  readonly importRecordsRead = new Gauge({
    name: "actorgraph_import_records_read",
    help: "Records read so far by the imports running now.",
    registers: [this.registry],
  });
  readonly importRecords = new Counter({
    name: "actorgraph_import_records_total",
    help: "Records of finished imports, by format and outcome (imported, rejected).",
    labelNames: ["format", "outcome"],
    registers: [this.registry],
  });

  /** @param sessionsInUse reads the driver sessions open now (src/db/run.ts Database.sessionsInUse). */
  constructor(sessionsInUse: () => number) {
    new Gauge({
      name: "actorgraph_neo4j_sessions_in_use",
      help: "Neo4j driver sessions open now (each holds at most one pooled connection).",
      registers: [this.registry],
      collect() {
        this.set(sessionsInUse());
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one route search by how it ended: its reason, or ROUTES_FOUND when it has none. */
  routeSearchEnded(reason: string | null): void {
    this.routeSearches.inc({ outcome: reason ?? "ROUTES_FOUND" });
  }

  /** Counts the records of an import that ended (its summary). */
  importEnded(outcome: ImportOutcome): void {
    this.importRecords.inc({ format: outcome.format, outcome: "imported" }, outcome.read - outcome.rejected);
    this.importRecords.inc({ format: outcome.format, outcome: "rejected" }, outcome.rejected);
  }

  /**
   * Middleware, right after the request context: when the response is done, counts it under its
   * operation and outcome (set by the GraphQL plugin or the error bodies, see
   * src/request-context.ts) and observes its latency.
   */
  requestObserver(): RequestHandler {
    return (req, res, next) => {
      const started = performance.now();
      const ctx = currentRequest();
      res.once("close", () => {
        // originalUrl: inside a mounted router (`/graphql`) req.path has lost its mount point.
        const operation = ctx?.operation ?? httpArea(req.originalUrl);
        const outcome = ctx?.outcome ?? (res.statusCode < 400 && res.writableFinished ? "ok" : res.statusCode >= 400 ? `HTTP_${res.statusCode}` : "ABORTED");
        this.requests.inc({ operation, outcome });
        this.latency.observe({ operation }, (performance.now() - started) / 1000);
      });
      next();
    };
  }
}

/** The operation label of a request GraphQL did not name, from its URL's first path segment (bounded: a fixed set). */
function httpArea(url: string): string {
  const first = url.split(/[?#]/)[0]!.split("/")[1] ?? "";
  if (["export", "import", "health", "ready", "metrics", "graphql"].includes(first)) return first;
  if (first === "" || first === "explorer" || first === "graphiql" || first === "assets") return "web";
  return "other";
}
