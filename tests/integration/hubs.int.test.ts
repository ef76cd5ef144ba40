import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";
import type { OracleEdge } from "../support/route-oracle.js";
import type { RouteSearchShape } from "../support/route-shapes.js";

const P = `hubs-${Date.now()}-`;
const rel = (id: string, start: string, end: string, confidence = 0.8): OracleEdge => ({
  id,
  type: "SUPPLIED",
  start,
  end,
  status: "REPORTED",
  confidence,
  validFrom: null,
  validTo: null,
});

/**
 * A supplier `a` reaches a buyer `b` only through `hub`, a trader with 12 other customers, and
 * through a weak side road a → x → y → b. With ROUTE_HUB_DEGREE 10 the hub (13 relationships
 * leaving it) is a hub.
 */
const leaves = Array.from({ length: 12 }, (_, i) => `leaf${i}`);
const NODES = ["a", "b", "hub", "x", "y", ...leaves];
const EDGES: OracleEdge[] = [
  rel("a-hub", "a", "hub"),
  rel("hub-b", "hub", "b"),
  ...leaves.map((l) => rel(`hub-${l}`, "hub", l)),
  rel("a-x", "a", "x", 0.3),
  rel("x-y", "x", "y", 0.3),
  rel("y-b", "y", "b", 0.3),
];

const ROUTES = `query($from: ID!, $to: ID!, $via: [ID!]) {
  routes(from: $from, to: $to, via: $via) { exhausted reason hint skippedHubs { entity { id } degree } routes { confidence summary } }
}`;

describe("Query.routes with hubs (ROUTE_HUB_DEGREE 10)", () => {
  const server = useTestServer({ ROUTE_HUB_DEGREE: "10" });

  beforeAll(async () => {
    await loadFixtureGraph(
      server().app.db,
      P,
      NODES,
      EDGES.map((e) => ({ ...e, id: e.id })),
    );
  });
  afterAll(async () => {
    await dropFixtureGraph(server().app.db, P);
  });

  it("does not walk through an unnamed hub, names it in skippedHubs with its degree, and hints at via", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(ROUTES, { from: `${P}a`, to: `${P}b` });
    expect(res.errors).toBeUndefined();
    const search = res.data!.routes;
    expect(search.routes.map((r) => r.summary)).toEqual([`${P}a → ${P}x → ${P}y → ${P}b`]);
    // FLOW: the 13 relationships leaving the hub are what walking through it would read.
    expect(search.skippedHubs).toEqual([{ entity: { id: `${P}hub` }, degree: 13 }]);
    expect(search.hint).toBe(`Routes through hubs were not searched: ${P}hub (${P}hub, 13 relationships); name one in via to go through it.`);
    expect(search.exhausted).toBe(true);
  });

  it("walks through the hub when via names it", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(ROUTES, { from: `${P}a`, to: `${P}b`, via: [`${P}hub`] });
    expect(res.data!.routes).toMatchObject({ skippedHubs: [], hint: null, routes: [{ confidence: 0.64, summary: `${P}a → ${P}hub → ${P}b` }] });
  });

  it("ends a route at a hub named as the destination without reading the hub's neighbourhood", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(ROUTES, { from: `${P}a`, to: `${P}hub` });
    expect(res.data!.routes).toMatchObject({ exhausted: true, skippedHubs: [], routes: [{ confidence: 0.8, summary: `${P}a → ${P}hub` }] });
  });

  it("walks out of a hub named as the start", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(ROUTES, { from: `${P}hub`, to: `${P}b` });
    expect(res.data!.routes).toMatchObject({ exhausted: true, routes: [{ confidence: 0.8, summary: `${P}hub → ${P}b` }] });
  });
});
