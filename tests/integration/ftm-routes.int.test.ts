import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";
import { nodeIds, type EntityRef, type RouteSearchShape } from "../support/route-shapes.js";

/**
 * A graph shaped like FollowTheMoney sanctions data (as `import ftm` writes it): companies with
 * `country` and `jurisdiction` (two parallel BASED_IN to the same Country node) and an
 * `addressEntity`, an ownership chain parent → holding → holding → drone maker, a sanctioned
 * person owning the last holding, and other companies registered in the same country.
 */
const P = `ftmroutes-${Date.now()}-`;
const ids = {
  ru: `${P}country-ru`,
  address: `${P}addr-moscow`,
  parent: `${P}rostec`,
  holding1: `${P}holding-1`,
  holding2: `${P}holding-2`,
  maker: `${P}drone-maker`,
  owner: `${P}oligarch`,
  other: `${P}unrelated-co`,
};

const ENTITIES = [
  { id: ids.ru, name: "Russia", kind: "Country", topics: [] },
  { id: ids.address, name: "Moscow, Tverskaya 1", kind: "Address", topics: [] },
  { id: ids.parent, name: "Rostec", kind: "Company", topics: [] },
  { id: ids.holding1, name: "Holding One", kind: "Company", topics: [] },
  { id: ids.holding2, name: "Holding Two", kind: "Company", topics: [] },
  { id: ids.maker, name: "Drone Maker", kind: "Company", topics: [] },
  { id: ids.owner, name: "Sanctioned Owner", kind: "Person", topics: ["sanction", "role.oligarch"] },
  { id: ids.other, name: "Unrelated Company", kind: "Company", topics: [] },
];

const REPORTED = {
  status: "REPORTED",
  confidence: 0.8,
  evidenceQuotes: ["a statement"],
  evidenceStarts: [0],
  evidenceEnds: [11],
  evidenceSourceIds: [`${P}source`],
};
const companies = [ids.parent, ids.holding1, ids.holding2, ids.maker, ids.other];
const BASED_IN = [
  ...companies.flatMap((c) => [
    { id: `${c}>country>${ids.ru}`, start: c, end: ids.ru, ftmProperty: "country" },
    { id: `${c}>jurisdiction>${ids.ru}`, start: c, end: ids.ru, ftmProperty: "jurisdiction" },
  ]),
  { id: `${ids.maker}>addressEntity>${ids.address}`, start: ids.maker, end: ids.address, ftmProperty: "addressEntity" },
];
const OWNS = [
  { id: `${P}own-1`, start: ids.parent, end: ids.holding1 },
  { id: `${P}own-2`, start: ids.holding1, end: ids.holding2 },
  { id: `${P}own-3`, start: ids.holding2, end: ids.maker },
  { id: `${P}own-4`, start: ids.owner, end: ids.holding2 },
];

const ROUTES = `query($from: ID!, $to: ID!, $via: [ID!]) {
  routes(from: $from, to: $to, direction: ANY, via: $via) {
    exhausted reason skippedHubs { entity { id } }
    routes { confidence summary hops { from { id } to { id } confidence relationship { id type } relationships { id type } } }
  }
}`;

type Routes = { routes: RouteSearchShape };
type Connections = { connections: { unconnected: string[]; reason: string | null; routes: { summary: string }[] } };
type Exposure = { exposure: RouteSearchShape };
type Subgraph = { neighborhood: { nodes: EntityRef[]; edges: { type: string }[] } };

describe("routes, connections and exposure on an FtM-shaped graph", () => {
  const server = useTestServer();

  beforeAll(async () => {
    await server().app.db.writeTx("test-ftm-shaped", async (tx) => {
      await tx.run("UNWIND $entities AS e CREATE (:Entity {id: e.id, name: e.name, kind: e.kind, topics: e.topics, aliases: []})", { entities: ENTITIES });
      await tx.run(
        "UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:BASED_IN]->(b) SET r = $props, r.id = x.id, r.ftmProperty = x.ftmProperty",
        { rels: BASED_IN, props: REPORTED },
      );
      await tx.run("UNWIND $rels AS x MATCH (a:Entity {id: x.start}), (b:Entity {id: x.end}) CREATE (a)-[r:OWNS]->(b) SET r = $props, r.id = x.id", {
        rels: OWNS,
        props: REPORTED,
      });
    });
  });

  afterAll(async () => {
    await dropFixtureGraph(server().app.db, P);
  });

  it("gives no country routes by default: the parent reaches the drone maker only through the ownership chain", async () => {
    const res = await server().gql<Routes>(ROUTES, { from: ids.parent, to: ids.maker });
    expect(res.errors).toBeUndefined();
    const search = res.data!.routes;
    expect(search).toMatchObject({ exhausted: true, reason: null, skippedHubs: [] });
    expect(search.routes.map(nodeIds)).toEqual([[ids.parent, ids.holding1, ids.holding2, ids.maker]]);
    expect(search.routes[0]!.confidence).toBe(0.512);
    for (const hop of search.routes[0]!.hops) expect(hop.relationships.map((r) => r.type)).toEqual(["OWNS"]);
  });

  it("goes through the country when via names it, as one route whose hops hold both country and jurisdiction", async () => {
    const res = await server().gql<Routes>(ROUTES, { from: ids.parent, to: ids.maker, via: [ids.ru] });
    expect(res.errors).toBeUndefined();
    const routes = res.data!.routes.routes;
    expect(nodeIds(routes[0]!)).toEqual([ids.parent, ids.ru, ids.maker]);
    // Before hops, the four combinations of country and jurisdiction were four routes.
    const sequences = routes.map((r) => nodeIds(r).join(">"));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const route of routes) expect(nodeIds(route)).toContain(ids.ru);
    expect(routes[0]!.confidence).toBe(0.64);
    expect(routes[0]!.summary).toBe("Rostec → Russia ← Drone Maker");
    for (const hop of routes[0]!.hops) {
      expect(hop.confidence).toBe(0.8);
      expect(hop.relationships.map((r) => r.id).sort()).toEqual([
        `${hop.from.id === ids.ru ? hop.to.id : hop.from.id}>country>${ids.ru}`,
        `${hop.from.id === ids.ru ? hop.to.id : hop.from.id}>jurisdiction>${ids.ru}`,
      ]);
      expect(hop.relationship.id).toBe(hop.relationships[0]!.id);
    }
  });

  it("does not join companies through the country they are registered in (connections)", async () => {
    const res = await server().gql<Connections>(`query($ids: [ID!]!) { connections(ids: $ids) { unconnected reason routes { summary } } }`, {
      ids: [ids.parent, ids.maker, ids.other],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.connections).toMatchObject({ unconnected: [ids.other], reason: "NO_PATH_WITHIN_HOPS" });
    expect(res.data!.connections.routes.map((r) => r.summary)).toEqual(["Rostec → Holding One → Holding Two → Drone Maker"]);
  });

  it("joins them through the country when relationshipTypes names BASED_IN", async () => {
    const res = await server().gql<Connections>(
      `query($ids: [ID!]!) { connections(ids: $ids, relationshipTypes: [BASED_IN, OWNS]) { unconnected routes { summary } } }`,
      {
        ids: [ids.parent, ids.other],
      },
    );
    expect(res.data!.connections).toMatchObject({ unconnected: [], routes: [{ summary: "Rostec → Russia ← Unrelated Company" }] });
  });

  it("finds the sanctioned owner two hops from the drone maker (exposure)", async () => {
    const res = await server().gql<Exposure>(
      `query($id: ID!) { exposure(id: $id, topics: ["sanction"]) { exhausted reason routes { rank confidence length summary hops { to { id topics } } } } }`,
      { id: ids.maker },
    );
    expect(res.errors).toBeUndefined();
    const exposure = res.data!.exposure;
    expect(exposure).toMatchObject({ exhausted: true, reason: null });
    expect(exposure.routes).toHaveLength(1);
    expect(exposure.routes[0]!).toMatchObject({ rank: 1, length: 2, confidence: 0.64, summary: "Drone Maker ← Holding Two ← Sanctioned Owner" });
    expect(exposure.routes[0]!.hops[1]!.to).toEqual({ id: ids.owner, topics: ["sanction", "role.oligarch"] });
  });

  it("says so when no party with the topic is within maxHops", async () => {
    const res = await server().gql<Exposure>(`query($id: ID!) { exposure(id: $id, topics: ["role.pep"], maxHops: 4) { reason hint routes { summary } } }`, {
      id: ids.maker,
    });
    expect(res.data!.exposure).toMatchObject({ reason: "NO_PATH_WITHIN_HOPS", routes: [] });
    expect(res.data!.exposure.hint).toContain("No entity with topic role.pep within 4 hops");
  });

  it("refuses a topic FollowTheMoney does not define", async () => {
    const res = await server().gql<Exposure>(`query($id: ID!) { exposure(id: $id, topics: ["sanctioned"]) { reason } }`, { id: ids.maker });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "topics" });
  });

  it("shows the context on the entity: its country and its address", async () => {
    const res = await server().gql<{ entity: unknown }>(`query($id: ID!) { entity(id: $id) { countries { id name } addresses { id } } }`, { id: ids.maker });
    expect(res.data!.entity).toEqual({ countries: [{ id: ids.ru, name: "Russia" }], addresses: [{ id: ids.address }] });
  });

  it("shows the context in the neighbourhood, and filters it like routes", async () => {
    const all = await server().gql<Subgraph>(`query($id: ID!) { neighborhood(id: $id) { nodes { id } edges { type } } }`, { id: ids.maker });
    expect(all.data!.neighborhood.nodes.map((n) => n.id).sort()).toEqual([ids.address, ids.maker, ids.holding2, ids.ru].sort());
    const owners = await server().gql<Subgraph>(
      `query($id: ID!) { neighborhood(id: $id, relationshipTypes: [OWNS], depth: 2) { nodes { id } edges { type } } }`,
      { id: ids.maker },
    );
    expect(owners.data!.neighborhood.nodes.map((n) => n.id).sort()).toEqual([ids.maker, ids.holding1, ids.holding2, ids.owner].sort());
    expect(new Set(owners.data!.neighborhood.edges.map((e) => e.type))).toEqual(new Set(["OWNS"]));
    const avoiding = await server().gql<Subgraph>(
      `query($id: ID!, $avoid: [ID!]) { neighborhood(id: $id, depth: 2, avoid: $avoid, relationshipTypes: [OWNS]) { nodes { id } } }`,
      {
        id: ids.maker,
        avoid: [ids.holding2],
      },
    );
    expect(avoiding.data!.neighborhood.nodes.map((n) => n.id)).toEqual([ids.maker]);
  });
});
