import { afterEach, describe, expect, it } from "vitest";
import { FLOW_RELATIONSHIP_TYPES } from "../../dist/src/model/vocabulary.js";
import { HopFetcher } from "../../dist/src/routes/fetch-hops.js";
import { GraphSnapshot } from "../../dist/src/routes/graph-snapshot.js";
import { dropFixtureGraph, loadFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";
import { bruteForceRoutes, flowQueryST, type OracleEdge } from "../support/route-oracle.js";

/**
 * The FLOW path enumeration's bound on length (expand-paths-flow.cypher): no route of L hops
 * beats strongest^L, so past six hops it enumerates only paths short enough to beat the
 * k-th best route of at most six hops. A ladder of 9 levels, two entities wide, gives routes of
 * 3 to 10 hops from s to t, every claim at 0.8: 4 routes of 3 hops (0.512) and 8 of 4 hops
 * (0.4096) fill the top 6, and with no claim above 0.8 nothing of 5 hops or more can rank.
 */
const LEVELS = 9;

function ladder(confidence: number): { nodes: string[]; edges: OracleEdge[] } {
  const nodes = ["s", "t"];
  const edges: OracleEdge[] = [];
  const rel = (start: string, end: string, type = "SUPPLIED", c = confidence) =>
    edges.push({ id: `e${String(edges.length).padStart(3, "0")}`, type, start, end, status: "REPORTED", confidence: c, validFrom: null, validTo: null });
  for (let l = 1; l <= LEVELS; l += 1) {
    for (const side of ["a", "b"]) {
      const node = `${side}${l}`;
      nodes.push(node);
      if (l === 1) rel("s", node);
      else for (const prev of ["a", "b"]) rel(`${prev}${l - 1}`, node);
      if (l >= 2) rel(node, "t");
    }
  }
  return { nodes, edges };
}

/** Paths of each length from s to t in the ladder: level l reached 2^(l-1) ways per entity, times two entities, then t. */
const pathsOfLength = (hops: number) => (hops >= 3 && hops <= LEVELS + 1 ? 2 ** (hops - 1) : 0);

describe("FLOW routes past six hops: the bound from the strongest flow relationship", () => {
  const server = useTestServer({ ROUTE_BUDGET_MS: "30000" });
  let prefix = "";
  afterEach(async () => {
    if (prefix !== "") await dropFixtureGraph(server().app.db, prefix);
    prefix = "";
  });

  const load = async (graph: { nodes: string[]; edges: OracleEdge[] }) => {
    prefix = `lenbound-${Date.now()}-${Math.random().toString(36).slice(2, 8)}-`;
    await loadFixtureGraph(server().app.db, prefix, graph.nodes, graph.edges);
  };
  const strongest = async () => {
    const rows = await server().app.db.driver.executeQuery(
      "MATCH ()-[r]->() WHERE type(r) IN $types AND r.confidence IS NOT NULL RETURN max(r.confidence) AS m",
      { types: [...FLOW_RELATIONSHIP_TYPES] },
    );
    return rows.records[0]!.get("m") as number;
  };
  const routes = (maxHops: number) => server().app.services.routes.findRoutes({ from: `${prefix}s`, to: `${prefix}t`, maxHops, limit: 5, direction: "FLOW" });

  it("reads no path longer than the bound allows, and answers as the oracle does", async () => {
    const graph = ladder(0.8);
    await load(graph);
    const fetcher = new HopFetcher(server().app.db, new GraphSnapshot(), 1000);
    const found = await fetcher.paths(
      `${prefix}s`,
      `${prefix}t`,
      10,
      {
        types: [...FLOW_RELATIONSHIP_TYPES],
        viaTypes: [],
        via: [],
        statuses: ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"],
        minConfidence: 0,
        asOf: null,
        avoid: [],
        topics: [],
      },
      { pathBudget: 50_000, keepRoutes: 6, evidenceRoutes: 10 },
      30_000,
    );
    expect(found).not.toBeNull();
    // The 6th best route of at most six hops is 0.8^4; with the strongest flow claim in the
    // whole database at m, routes of up to floor(log 0.8^4 / log m) hops can still rank.
    const m = await strongest();
    const reach = m >= 1 ? 10 : Math.min(10, Math.floor(Math.log(0.8 ** 4 * (1 - 1e-9)) / Math.log(m)));
    let expected = 0;
    for (let hops = 1; hops <= 6; hops += 1) expected += pathsOfLength(hops);
    for (let hops = 7; hops <= reach; hops += 1) expected += pathsOfLength(hops);
    expect(found!.paths).toBe(expected);
    if (m <= 0.8) expect(found!.paths).toBe(2 ** 2 + 2 ** 3 + 2 ** 4 + 2 ** 5);

    const answer = await routes(10);
    const oracle = bruteForceRoutes(graph.edges, new Map(), flowQueryST(FLOW_RELATIONSHIP_TYPES, 10, 5, Number.POSITIVE_INFINITY));
    expect(answer.routes.map((r) => [r.hops.map((h) => h.to.id.slice(prefix.length)).join(">"), r.confidence])).toEqual(
      oracle.map((r) => [r.nodes.slice(1).join(">"), Number(r.confidence.toFixed(9))]),
    );
    expect(answer.routes.map((r) => r.confidence)).toEqual([0.512, 0.512, 0.512, 0.512, 0.4096]);
    expect(answer.hasMore).toBe(true);
  });

  it("still finds a long route whose claims are stronger than the short ones' (PAID at 0.98 against SUPPLIED at 0.8)", async () => {
    const graph = ladder(0.8);
    // An 8-hop chain of PAID claims at 0.98: 0.98^8 ≈ 0.851 beats every short route. A bound
    // taken from SUPPLIED alone (0.8) would stop at 4 hops and miss it.
    const chain = ["s", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "t"];
    graph.nodes.push(...chain.slice(1, -1));
    for (let i = 0; i + 1 < chain.length; i += 1) {
      graph.edges.push({
        id: `p${i}`,
        type: "PAID",
        start: chain[i]!,
        end: chain[i + 1]!,
        status: "REPORTED",
        confidence: 0.98,
        validFrom: null,
        validTo: null,
      });
    }
    await load(graph);
    const answer = await routes(10);
    expect(answer.truncated).toBe(false);
    expect(answer.routes[0]!.length).toBe(8);
    expect(answer.routes[0]!.confidence).toBe(Number((0.98 ** 8).toFixed(9)));
    expect(answer.routes.slice(1).map((r) => r.confidence)).toEqual([0.512, 0.512, 0.512, 0.512]);
  });
});
