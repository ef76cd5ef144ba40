import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";
import type { OracleEdge } from "../support/route-oracle.js";
import type { RouteSearchShape } from "../support/route-shapes.js";

const P = `cache-${Date.now()}-`;
const rel = (id: string, start: string, end: string, confidence: number): OracleEdge => ({
  id,
  type: "SUPPLIED",
  start,
  end,
  status: "REPORTED",
  confidence,
  validFrom: null,
  validTo: null,
});
const ROUTES = `query($from: ID!, $to: ID!) { routes(from: $from, to: $to) { routes { confidence summary } } }`;
const summaries = (res: { data?: { routes: RouteSearchShape } }) => res.data!.routes.routes.map((r) => `${r.summary} ${r.confidence}`);

/** Kept answers (ROUTE_CACHE_ANSWERS) must never hide a write: from this server, from another process, or a property change after the time to live. */
describe("Query.routes answers kept in memory", () => {
  const server = useTestServer({ ROUTE_CACHE_TTL_MS: "400" });
  let other: Driver;

  beforeAll(async () => {
    await loadFixtureGraph(server().app.db, P, ["a", "x", "b"], [rel("ax", "a", "x", 0.5), rel("xb", "x", "b", 0.5)]);
    const neo = inject("neo4j");
    // Another process's connection: its writes do not go through the server's Database.
    other = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
  });
  afterAll(async () => {
    await other.close();
    await dropFixtureGraph(server().app.db, P);
  });

  it("sees a relationship another process adds at once (the relationship count changed)", async () => {
    const vars = { from: `${P}a`, to: `${P}b` };
    expect(summaries(await server().gql<{ routes: RouteSearchShape }>(ROUTES, vars))).toEqual([`${P}a → ${P}x → ${P}b 0.25`]);
    expect(summaries(await server().gql<{ routes: RouteSearchShape }>(ROUTES, vars))).toEqual([`${P}a → ${P}x → ${P}b 0.25`]);
    await other.executeQuery(
      "MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) CREATE (a)-[:SUPPLIED {id: $id, status: 'REPORTED', confidence: 0.8}]->(b)",
      { a: `${P}a`, b: `${P}b`, id: `${P}ab` },
      { database: inject("neo4j").database },
    );
    expect(summaries(await server().gql<{ routes: RouteSearchShape }>(ROUTES, vars))).toEqual([`${P}a → ${P}b 0.8`, `${P}a → ${P}x → ${P}b 0.25`]);
  });

  it("sees a property this server writes at once, and one another process writes after the time to live", async () => {
    const vars = { from: `${P}a`, to: `${P}b` };
    await server().app.db.writeTx("test-cache", (tx) => tx.run("MATCH ()-[r:SUPPLIED {id: $id}]->() SET r.confidence = 0.6", { id: `${P}ab` }));
    expect(summaries(await server().gql<{ routes: RouteSearchShape }>(ROUTES, vars))[0]).toBe(`${P}a → ${P}b 0.6`);
    await other.executeQuery("MATCH ()-[r:SUPPLIED {id: $id}]->() SET r.confidence = 0.7", { id: `${P}ab` }, { database: inject("neo4j").database });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(summaries(await server().gql<{ routes: RouteSearchShape }>(ROUTES, vars))[0]).toBe(`${P}a → ${P}b 0.7`);
  });
});
