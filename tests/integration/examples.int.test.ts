import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { dropWrites } from "../helpers/writes.js";
import { useTestServer, type GqlResponse } from "../helpers/test-app.js";

/** examples.graphql, as GraphiQL and the README show it. */
const EXAMPLES = readFileSync(join(import.meta.dirname, "..", "..", "examples.graphql"), "utf8");
const OPERATIONS = parse(EXAMPLES).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
const OPERATION_NAMES = OPERATIONS.flatMap((d) => (d.name ? [d.name.value] : []));

const DJI_ROUTE = "DJI → Small intermediaries and exporters → Russia → Front lines in the war with Ukraine";
const VIA = (country: string) => `DJI → Small intermediaries and exporters → ${country} → Russia → Front lines in the war with Ukraine`;

/**
 * What each example must answer on the seed graph. Every operation of examples.graphql needs an
 * entry (and every entry an operation), so an example cannot be added without its assertions.
 * Lists that other tests' imports could extend with entities linked to the seed are checked
 * with `arrayContaining`; routes, which imports do not reach, exactly.
 */
const EXPECTED: Record<string, (data: any) => void> = {
  SearchEntities(data) {
    expect(data.search[0]).toMatchObject({ id: "dji", name: "DJI", kind: "Company", country: "CN" });
    expect(data.search[0].aliases).toContain("大疆创新");
  },
  EntityWithEvidence(data) {
    expect(data.entity).toMatchObject({ id: "dji", name: "DJI", kind: "Company" });
    const supplied = data.entity.relationships.find((r: any) => r.type === "SUPPLIED" && r.to.id === "small-intermediaries-and-exporters");
    expect(supplied).toMatchObject({ status: "REPORTED", confidence: 0.8, validFrom: "2022-02-24", goods: ["UAVs", "UAV spare parts"] });
    expect(supplied.hedge).toBe("were often carried out through small intermediaries and exporters");
    for (const ev of supplied.evidence) {
      expect(ev.end - ev.start).toBe(ev.quote.length);
      expect(ev.source).toMatchObject({ publisher: "The Insider", publishedAt: "2023-03" });
    }
    expect(supplied.evidence.length).toBeGreaterThan(0);
  },
  RoutesFromDJIToTheFront(data) {
    const search = data.routes;
    expect(search).toMatchObject({ exhausted: true, truncated: false, reason: null, hasMore: false });
    expect(search.routes.map((r: any) => [r.rank, r.confidence, r.summary])).toEqual([
      [1, 0.512, DJI_ROUTE],
      [2, 0.0576, VIA("Belarus")],
      [3, 0.0576, VIA("Kazakhstan")],
      [4, 0.0576, VIA("Pakistan")],
    ]);
    const last = search.routes[0].hops[2];
    expect(last).toMatchObject({ from: { id: "country-ru" }, to: { id: "russian-front-lines" } });
    expect(last.relationship).toMatchObject({ type: "DEPLOYED_TO", status: "REPORTED", confidence: 0.8, validFrom: "2022-02-24" });
    expect(last.relationship.evidence[0].quote).toContain("end up on the front lines");
  },
  ReportedRoutesOnly(data) {
    expect(data.routes).toMatchObject({ exhausted: true, reason: null });
    expect(data.routes.routes).toHaveLength(1);
    expect(data.routes.routes[0]).toMatchObject({ rank: 1, confidence: 0.512, summary: DJI_ROUTE });
    expect(data.routes.routes[0].hops.map((h: any) => h.relationship.status)).toEqual(["REPORTED", "REPORTED", "REPORTED"]);
  },
  RoutesViaKazakhstanOnADate(data) {
    expect(data.routes).toMatchObject({ exhausted: true, reason: null });
    expect(data.routes.routes.map((r: any) => [r.confidence, r.summary])).toEqual([[0.0576, VIA("Kazakhstan")]]);
    expect(data.routes.routes[0].hops.map((h: any) => h.relationship.status)).toEqual(["REPORTED", "POSSIBLE", "POSSIBLE", "REPORTED"]);
    expect(data.routes.routes[0].hops[1].relationship).toMatchObject({ hedge: "there is a possibility", validFrom: "2022-02-24" });
  },
  RoutesAvoidingRussia(data) {
    expect(data.routes).toMatchObject({ routes: [], exhausted: true, truncated: false, reason: "NO_PATH_WITHIN_HOPS" });
    expect(data.routes.hint).toContain("direction: ANY");
  },
  NeighborhoodOfDJI(data) {
    const { nodes, edges } = data.neighborhood;
    expect(nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(["dji", "country-cn", "uavs", "small-intermediaries-and-exporters", "nyt"]));
    expect(edges).toEqual(
      expect.arrayContaining([
        { type: "SUPPLIED", status: "REPORTED", confidence: 0.8, from: { id: "dji" }, to: { id: "small-intermediaries-and-exporters" } },
        { type: "BASED_IN", status: "REPORTED", confidence: 0.8, from: { id: "dji" }, to: { id: "country-cn" } },
        { type: "PRODUCES", status: "REPORTED", confidence: 0.8, from: { id: "dji" }, to: { id: "uavs" } },
      ]),
    );
  },
  HowAreTheyConnected(data) {
    const c = data.connections;
    expect(c).toMatchObject({ truncated: false, reason: null, unconnected: [] });
    expect(c.routes).toHaveLength(2);
    // DJI is registered in China, but registration is context, not a connection (docs/routes.md).
    expect(c.routes[0]).toEqual({ confidence: 0.64, summary: "DJI → Small intermediaries and exporters → Russia" });
    expect(c.routes[1].summary).toMatch(/^Russia ← .+ ← Xi Jinping$/);
    expect(c.subgraph.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(["dji", "small-intermediaries-and-exporters", "country-ru", "xi-jinping"]));
    expect(c.subgraph.nodes.map((n: any) => n.id)).not.toContain("country-cn");
  },
  AddASource(data) {
    const text = "A fictional note for the examples: Example Freight LLP shipped drones to Russia in 2023.";
    expect(data.addSource).toMatchObject({ title: "Example note (fictional)", publisher: "actorgraph examples", kind: "ARTICLE", textLength: text.length });
    expect(data.addSource.textSha256).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    written.push(data.addSource.id);
  },
};

/** Sources the mutation examples stored, deleted after the tests (with their revisions). */
const written: string[] = [];

describe("examples.graphql", () => {
  const server = useTestServer();
  let token = "";
  beforeAll(async () => {
    token = await testToken(`examples-${Date.now().toString(36)}`, "editor");
  });
  afterAll(async () => {
    await dropWrites(server().app.db, { sources: written });
  });

  /** POSTs the whole file with an operation name, as a client holding examples.graphql would. */
  async function run(operationName: string): Promise<GqlResponse> {
    const res = await fetch(`${server().server.url}/graphql`, {
      method: "POST",
      // An editor token, as the mutation examples need (queries ignore it).
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: EXAMPLES, operationName }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  }

  it("names every operation, each name once (GraphiQL titles its tabs with them)", () => {
    expect(OPERATIONS.length).toBeGreaterThan(0);
    expect(OPERATION_NAMES).toHaveLength(OPERATIONS.length);
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length);
  });

  it("has an assertion for every operation and an operation for every assertion", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each(OPERATION_NAMES)("runs %s as-is, with its variables' defaults, and gets the seed graph's answer", async (name) => {
    const res = await run(name);
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    const check = EXPECTED[name];
    if (!check) throw new Error(`examples.graphql: add the expected answer of ${name} to EXPECTED`);
    check(res.data);
  });
});
