import { testToken } from "../helpers/auth.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-app.js";

// Issue 20: GET /metrics in Prometheus text: requests by operation and outcome, latency
// histograms, route-search outcomes by reason, Neo4j sessions in use, import progress.

/** The value of one sample line `name{labels} value` of a Prometheus text page, or undefined. */
function sample(page: string, name: string, labels = ""): number | undefined {
  const line = page.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

describe("GET /metrics", () => {
  let t: TestServer;
  let token: string;
  const namespace = `metrics${Date.now().toString(36)}`;
  let dir: string;
  beforeAll(async () => {
    t = await startTestServer();
    token = await testToken("metrics-importer", "editor");
    dir = mkdtempSync(join(tmpdir(), "metrics-"));
  });
  afterAll(async () => {
    await t.app.imports.deleteNamespace(namespace);
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it("counts requests by operation and outcome, times them, and counts route searches by outcome", async () => {
    expect((await t.gql('{ routes(from: "dji", to: "russian-front-lines") { routes { rank } } }')).data.routes.routes).toHaveLength(4);
    expect((await t.gql('{ routes(from: "dji", to: "russian-front-lines", avoid: ["country-ru"]) { reason } }')).data.routes.reason).toBe(
      "NO_PATH_WITHIN_HOPS",
    );
    expect((await t.gql('{ entity(id: "nobody-here") { id } }')).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await fetch(`${t.server.url}/export/graphml?scope=nope`)).status).toBe(400);
    const res = await fetch(`${t.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const page = await res.text();
    expect(sample(page, "actorgraph_requests_total", 'operation="routes",outcome="ok"')).toBe(2);
    expect(sample(page, "actorgraph_requests_total", 'operation="entity",outcome="NOT_FOUND"')).toBe(1);
    expect(sample(page, "actorgraph_requests_total", 'operation="export",outcome="BAD_USER_INPUT"')).toBe(1);
    expect(sample(page, "actorgraph_request_duration_seconds_count", 'operation="routes"')).toBe(2);
    expect(sample(page, "actorgraph_request_duration_seconds_bucket", 'le="30",operation="routes"')).toBe(2);
    expect(sample(page, "actorgraph_route_searches_total", 'outcome="ROUTES_FOUND"')).toBe(1);
    expect(sample(page, "actorgraph_route_searches_total", 'outcome="NO_PATH_WITHIN_HOPS"')).toBe(1);
    expect(sample(page, "actorgraph_neo4j_sessions_in_use")).toBe(0);
    expect(sample(page, "actorgraph_exports_in_progress")).toBe(0);
    expect(sample(page, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
  });

  it("reports an HTTP import's records by outcome once it ends", async () => {
    const file = join(dir, "two.ftm.json");
    writeFileSync(
      file,
      ['{"id": "m1", "schema": "Company", "properties": {"name": ["Metrics One"]}}', '{"id": "m2", "schema": "NoSuchSchema"}'].join("\n") + "\n",
    );
    const res = await fetch(`${t.server.url}/import/ftm?namespace=${namespace}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: new Blob([await import("node:fs/promises").then((fs) => fs.readFile(file))]),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).rejected).toBe(1);
    const page = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(sample(page, "actorgraph_import_records_total", 'format="ftm",outcome="imported"')).toBe(1);
    expect(sample(page, "actorgraph_import_records_total", 'format="ftm",outcome="rejected"')).toBe(1);
    expect(sample(page, "actorgraph_imports_in_progress")).toBe(0);
    expect(sample(page, "actorgraph_import_records_read")).toBe(0);
  });
});
