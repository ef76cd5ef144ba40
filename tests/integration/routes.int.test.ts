import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import type { RouteSearchShape } from "../support/route-shapes.js";

const ROUTES = `query Routes($from: ID!, $to: ID!, $maxHops: Int, $limit: Int, $minConfidence: Float, $statuses: [ClaimStatus!],
  $via: [ID!], $avoid: [ID!], $asOf: String, $direction: RouteDirection, $timeRespecting: Boolean) {
  routes(from: $from, to: $to, maxHops: $maxHops, limit: $limit, minConfidence: $minConfidence, statuses: $statuses,
    via: $via, avoid: $avoid, asOf: $asOf, direction: $direction, timeRespecting: $timeRespecting) {
    truncated exhausted hasMore reason hint
    routes {
      rank confidence length summary
      hops {
        from { id name } to { id name } reversed
        relationship { id type status confidence validFrom amount currency evidence { quote start end source { id publisher } } }
      }
    }
    subgraph { nodes { id } edges { id } }
  }
}`;

const DJI_TO_FRONT = { from: "dji", to: "russian-front-lines" };
const nodeIds = (route: any): string[] => [route.hops[0].from.id, ...route.hops.map((h: any) => h.to.id)];

describe("Query.routes", () => {
  const server = useTestServer();

  it("ranks the customs-data route first, then the routes through Belarus, Kazakhstan and Pakistan", async () => {
    const res = await server().gql(ROUTES, DJI_TO_FRONT);
    expect(res.errors).toBeUndefined();
    const search = res.data.routes;
    expect(search).toMatchObject({ truncated: false, exhausted: true, reason: null, hasMore: false });
    expect(search.routes.map(nodeIds)).toEqual([
      ["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines"],
      ["dji", "small-intermediaries-and-exporters", "country-by", "country-ru", "russian-front-lines"],
      ["dji", "small-intermediaries-and-exporters", "country-kz", "country-ru", "russian-front-lines"],
      ["dji", "small-intermediaries-and-exporters", "country-pk", "country-ru", "russian-front-lines"],
    ]);
    expect(search.routes.map((r: any) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(search.routes[0].confidence).toBe(0.512);
    expect(search.routes[1].confidence).toBe(0.0576);
    expect(search.routes[0].summary).toBe("DJI → Small intermediaries and exporters → Russia → Front lines in the war with Ukraine");
    expect(search.routes[2].hops[2].relationship.status).toBe("POSSIBLE");
  });

  it("backs every hop with evidence quoted from The Insider's article", async () => {
    const res = await server().gql(ROUTES, DJI_TO_FRONT);
    for (const route of res.data.routes.routes) {
      for (const hop of route.hops) {
        expect(hop.relationship.evidence.length).toBeGreaterThan(0);
        for (const ev of hop.relationship.evidence) {
          expect(ev.end - ev.start).toBe(ev.quote.length);
          expect(ev.source.publisher).toBe("The Insider");
        }
      }
    }
    const first = res.data.routes.routes[0];
    expect(first.hops[2].relationship).toMatchObject({ type: "DEPLOYED_TO", status: "REPORTED", validFrom: "2022-02-24" });
    expect(first.hops[2].relationship.evidence[0].quote).toContain("end up on the front lines");
  });

  it("returns the union of the routes as a subgraph", async () => {
    const res = await server().gql(ROUTES, DJI_TO_FRONT);
    const ids = res.data.routes.subgraph.nodes.map((n: any) => n.id).sort();
    expect(ids).toEqual(["country-by", "country-kz", "country-pk", "country-ru", "dji", "russian-front-lines", "small-intermediaries-and-exporters"]);
    expect(res.data.routes.subgraph.edges).toHaveLength(9);
  });

  it("drops routes below minConfidence", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, minConfidence: 0.1 });
    expect(res.data.routes.routes.map(nodeIds)).toEqual([["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines"]]);
  });

  it("keeps only the customs-data route with statuses [REPORTED]", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, statuses: ["REPORTED"] });
    expect(res.data.routes.routes).toHaveLength(1);
    expect(nodeIds(res.data.routes.routes[0])).not.toContain("country-by");
  });

  it("returns only the Kazakhstan route with via [country-kz]", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, via: ["country-kz"] });
    expect(res.data.routes.routes.map(nodeIds)).toEqual([["dji", "small-intermediaries-and-exporters", "country-kz", "country-ru", "russian-front-lines"]]);
  });

  it("finds no route that avoids Russia and says so", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, avoid: ["country-ru"] });
    expect(res.data.routes).toMatchObject({ routes: [], reason: "NO_PATH_WITHIN_HOPS", exhausted: true, truncated: false });
    expect(res.data.routes.hint).toContain("direction: ANY");
  });

  it("words the hint with the hop count as written: 1 hop, 6 hops", async () => {
    const one = await server().gql(ROUTES, { ...DJI_TO_FRONT, maxHops: 1 });
    expect(one.data.routes.hint).toBe(
      "No flow of goods or money leads from dji to russian-front-lines within 1 hop under these filters; direction: ANY asks how they are connected at all.",
    );
    const six = await server().gql(ROUTES, { ...DJI_TO_FRONT, avoid: ["country-ru"] });
    expect(six.data.routes.hint).toContain("within 6 hops");
  });

  it("drops the supply routes asOf a date before the war", async () => {
    const before = await server().gql(ROUTES, { ...DJI_TO_FRONT, asOf: "2021-06-01" });
    expect(before.data.routes).toMatchObject({ routes: [], reason: "NO_PATH_WITHIN_HOPS" });
    const during = await server().gql(ROUTES, { ...DJI_TO_FRONT, asOf: "2023-01-15" });
    expect(during.data.routes.routes).toHaveLength(4);
  });

  it("accepts dates in the first century as written", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, asOf: "0099-12-31" });
    expect(res.data.routes).toMatchObject({ routes: [], reason: "NO_PATH_WITHIN_HOPS" });
  });

  it("answers NO_PATH_WITHIN_HOPS when maxHops is too small", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, maxHops: 2 });
    expect(res.data.routes).toMatchObject({ routes: [], reason: "NO_PATH_WITHIN_HOPS", exhausted: true });
  });

  it("reports hasMore when limit cuts the ranking", async () => {
    const res = await server().gql(ROUTES, { ...DJI_TO_FRONT, limit: 2 });
    expect(res.data.routes.routes).toHaveLength(2);
    expect(res.data.routes.hasMore).toBe(true);
  });

  it("connects entities through any relationship with direction ANY", async () => {
    const res = await server().gql(ROUTES, { from: "xi-jinping", to: "vladimir-putin", direction: "ANY", maxHops: 2 });
    expect(res.errors).toBeUndefined();
    const routes = res.data.routes.routes;
    expect(routes.length).toBeGreaterThan(0);
    expect(routes[0].length).toBe(2);
    expect(routes[0].hops[1].reversed).toBe(true);
    expect(routes[0].summary).toMatch(/^Xi Jinping → .+ ← Vladimir Putin$/);
  });

  it("makes the parallel claims between two entities one hop worth its strongest, listed strongest first", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(
      `{ routes(from: "country-by", to: "country-ru", direction: ANY, maxHops: 1) { routes { confidence hops { confidence relationship { id } relationships { id type status confidence } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [route, ...others] = res.data!.routes.routes;
    expect(others).toEqual([]);
    expect(route!.confidence).toBe(0.8);
    expect(route!.hops[0]!.relationships).toEqual([
      { id: "by-russian-friendly", type: "RELATED_TO", status: "REPORTED", confidence: 0.8 },
      { id: "by-supplied-russia-uavs", type: "SUPPLIED", status: "POSSIBLE", confidence: 0.3 },
    ]);
    expect(route!.hops[0]).toMatchObject({ confidence: 0.8, relationship: { id: "by-russian-friendly" } });
  });

  it("lists no skipped hubs on the seed", async () => {
    const res = await server().gql<{ routes: RouteSearchShape }>(`{ routes(from: "dji", to: "russian-front-lines") { skippedHubs { entity { id } } hint } }`);
    expect(res.data!.routes).toEqual({ skippedHubs: [], hint: null });
  });

  it.each([
    [{ ...DJI_TO_FRONT, maxHops: 11 }, "maxHops"],
    [{ ...DJI_TO_FRONT, maxHops: 0 }, "maxHops"],
    [{ ...DJI_TO_FRONT, limit: 0 }, "limit"],
    [{ ...DJI_TO_FRONT, limit: 51 }, "limit"],
    [{ ...DJI_TO_FRONT, minConfidence: 1.5 }, "minConfidence"],
    [{ ...DJI_TO_FRONT, asOf: "2023-02-30" }, "asOf"],
    [{ ...DJI_TO_FRONT, asOf: "yesterday" }, "asOf"],
    [{ ...DJI_TO_FRONT, asOf: "" }, "asOf"],
    [{ ...DJI_TO_FRONT, asOf: "0000-01-01" }, "asOf"],
    [{ from: "dji", to: "dji" }, "to"],
    [{ ...DJI_TO_FRONT, avoid: ["dji"] }, "avoid"],
  ])("rejects %j with BAD_USER_INPUT", async (variables, argument) => {
    const res = await server().gql(ROUTES, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it("rejects unknown ids with NOT_FOUND, naming them", async () => {
    const res = await server().gql(ROUTES, { from: "dji", to: "no-such-entity", via: ["nor-this"] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", ids: ["no-such-entity", "nor-this"] });
  });
});
