import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../../dist/src/db/queries.js";
import { dropFixtureGraph } from "../helpers/fixture-graph.js";
import { loadHubGraph } from "../helpers/hub-graph.js";
import { useTestServer } from "../helpers/test-app.js";

/** Route 1 of DJI → front lines (the customs-data route), as the explorer shows it. */
const ROUTE_1 = {
  nodes: ["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines"],
  relationships: ["SUPPLIED:dji-supplied-intermediaries-uavs", "SUPPLIED:intermediaries-supplied-russia-uavs", "DEPLOYED_TO:russia-deployed-uavs-to-front"],
};
const FRONT_QUOTE = "As a result, Russia is constantly receiving new drones that end up on the front lines in the war with Ukraine.";

/** A parsed GraphML document: nodes and edges with their `<data>` by attribute name. */
function parseGraphml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name, _p, _l, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(name),
  }).parse(text);
  const names = new Map<string, string>(doc.graphml.key.map((k: any) => [k.id, k["attr.name"]]));
  const data = (item: any): Record<string, string> => Object.fromEntries((item.data ?? []).map((d: any) => [names.get(d.key), String(d["#text"])]));
  const graph = doc.graphml.graph;
  return {
    nodes: (graph.node ?? []).map((n: any) => ({ id: n.id as string, ...data(n) })),
    edges: (graph.edge ?? []).map((e: any) => ({ id: e.id as string, source: e.source as string, target: e.target as string, ...data(e) })),
  };
}

describe("POST /export/:format with scope=elements", () => {
  const server = useTestServer();
  const post = (path: string, body: unknown, contentType = "application/json") =>
    fetch(`${server().server.url}${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("exports exactly the listed nodes and relationships as GraphML, each hop with its evidence", async () => {
    const res = await post("/export/graphml", { scope: "elements", ...ROUTE_1 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    const { nodes, edges } = parseGraphml(await res.text());
    expect(nodes.map((n: any) => n.id)).toEqual(ROUTE_1.nodes);
    expect(nodes.find((n: any) => n.id === "russian-front-lines")).toMatchObject({ label: "Front lines in the war with Ukraine", kind: "Place" });
    expect(edges.map((e: any) => e.id).sort()).toEqual([...ROUTE_1.relationships].sort());
    const deployed = edges.find((e: any) => e.id === "DEPLOYED_TO:russia-deployed-uavs-to-front");
    expect(deployed).toMatchObject({ source: "country-ru", target: "russian-front-lines", status: "REPORTED", confidence: "0.8", validFrom: "2022-02-24" });
    const evidence = JSON.parse(deployed.evidence);
    expect(evidence).toContainEqual(expect.objectContaining({ quote: FRONT_QUOTE, start: 1537, end: 1647, sourceId: "insider-2023-03-china-drones-russia" }));
  });

  it("leaves out relationships between listed nodes that the list does not name", async () => {
    // Belarus → Russia has both a POSSIBLE SUPPLIED hop and a REPORTED RELATED_TO claim.
    const res = await post("/export/cytoscape", {
      scope: "elements",
      nodes: ["country-by", "country-ru"],
      relationships: ["SUPPLIED:by-supplied-russia-uavs"],
    });
    const { elements } = (await res.json()) as any;
    expect(elements.nodes.map((n: any) => n.data.id)).toEqual(["country-by", "country-ru"]);
    expect(elements.edges.map((e: any) => e.data.id)).toEqual(["SUPPLIED:by-supplied-russia-uavs"]);
    expect(elements.edges[0].data).toMatchObject({ status: "POSSIBLE", confidence: 0.3 });
  });

  it("round-trips the edge ids of a routes export: the same elements come back", async () => {
    const routes = (await (await fetch(`${server().server.url}/export/cytoscape?scope=routes&from=dji&to=russian-front-lines`)).json()) as any;
    const nodes = routes.elements.nodes.map((n: any) => n.data.id);
    const relationships = routes.elements.edges.map((e: any) => e.data.id);
    const again = parseGraphml(await (await post("/export/graphml", { scope: "elements", nodes, relationships })).text());
    expect(again.nodes.map((n: any) => n.id)).toEqual(nodes);
    expect(again.edges.map((e: any) => e.id).sort()).toEqual([...relationships].sort());
    for (const e of again.edges) expect(JSON.parse(e.evidence).length).toBeGreaterThan(0);
  });

  it("exports nodes alone, and takes comma-separated lists in a GET query string", async () => {
    const alone = parseGraphml(await (await post("/export/graphml", { scope: "elements", nodes: ["dji", "uavs"] })).text());
    expect(alone.nodes.map((n: any) => n.id)).toEqual(["dji", "uavs"]);
    expect(alone.edges).toEqual([]);
    const res = await fetch(`${server().server.url}/export/csv/edges.csv?scope=elements&nodes=dji,uavs&relationships=PRODUCES:dji-produces-uavs`);
    const rows = parseCsv<Record<string, string>>(await res.text(), { columns: true });
    expect(rows.map((r) => [r.id, r.source, r.target])).toEqual([["PRODUCES:dji-produces-uavs", "dji", "uavs"]]);
  });

  const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
  it.each([
    { what: "no nodes", body: { scope: "elements", nodes: [] }, status: 400, code: "BAD_USER_INPUT", extensions: { argument: "nodes" } },
    {
      what: "5001 node ids",
      body: { scope: "elements", nodes: many(5001, (i) => `n${i}`) },
      status: 400,
      code: "BAD_USER_INPUT",
      extensions: { argument: "nodes", max: 5000 },
    },
    {
      what: "5001 relationship keys",
      body: { scope: "elements", nodes: ["dji"], relationships: many(5001, (i) => `SUPPLIED:r${i}`) },
      status: 400,
      code: "BAD_USER_INPUT",
      extensions: { argument: "relationships", max: 5000 },
    },
    {
      what: "a key without a type",
      body: { scope: "elements", nodes: ["dji"], relationships: ["dji-produces-uavs"] },
      status: 400,
      code: "BAD_USER_INPUT",
      extensions: { argument: "relationships" },
    },
    {
      what: "a type off the allow-list",
      body: { scope: "elements", nodes: ["dji"], relationships: ["SOLD:x"] },
      status: 400,
      code: "BAD_USER_INPUT",
      extensions: { argument: "relationships" },
    },
    { what: "ids that are not text", body: { scope: "elements", nodes: [1, 2] }, status: 400, code: "BAD_USER_INPUT", extensions: { argument: "nodes" } },
    { what: "an unknown entity id", body: { scope: "elements", nodes: ["dji", "nobody"] }, status: 404, code: "NOT_FOUND", extensions: { ids: ["nobody"] } },
    {
      what: "a relationship whose end is not listed",
      body: { scope: "elements", nodes: ["dji"], relationships: ["PRODUCES:dji-produces-uavs"] },
      status: 404,
      code: "NOT_FOUND",
      extensions: { relationships: ["PRODUCES:dji-produces-uavs"] },
    },
    {
      what: "an unknown relationship id",
      body: { scope: "elements", nodes: ["dji", "uavs"], relationships: ["PRODUCES:nothing"] },
      status: 404,
      code: "NOT_FOUND",
      extensions: { relationships: ["PRODUCES:nothing"] },
    },
    { what: "a JSON array body", body: [1], status: 400, code: "BAD_USER_INPUT", extensions: { argument: "body" } },
  ])("answers $what with $status $code as JSON", async ({ body, status, code, extensions }) => {
    const res = await post("/export/graphml", body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code, ...extensions });
  });

  it("answers a body that is not JSON with 400, and one over 1 MB with 413, as JSON", async () => {
    expect((await post("/export/graphml", "scope=elements", "application/x-www-form-urlencoded")).status).toBe(400);
    const malformed = await post("/export/graphml", "{scope:", "application/json");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
    const huge = await post("/export/graphml", { scope: "elements", nodes: many(3000, (i) => `${"x".repeat(400)}${i}`) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});

describe("POST /export/:format with scope=elements, at its caps on hub nodes", () => {
  // Each query gets 2 s: the key lookup takes about 0.2 s; a walk of the listed nodes' relationships took 4 to 8 s.
  const server = useTestServer({ QUERY_TIMEOUT_MS: "2000" });
  const prefix = `elcap-${Date.now().toString(36)}-`;
  // 5000 listed nodes: 10 hubs, each with a relationship to each of 4990 leaves (about 100 000
  // relationship ends on the listed nodes), and 500 keys. A lookup that walks the listed nodes'
  // relationships costs degree × keys; one through the relationship id indexes costs the keys.
  let nodes: string[] = [];
  let keys: string[] = [];
  beforeAll(async () => {
    const graph = await loadHubGraph(server().app.db, prefix, 10, 4990, ["SUPPLIED", "PAID", "PART_OF"]);
    nodes = graph.nodes;
    keys = graph.edges
      .filter((_, i) => i % 99 === 0)
      .slice(0, 500)
      .map((e) => `${e.type}:${e.id}`);
  });
  afterAll(async () => dropFixtureGraph(server().app.db, prefix));

  it("answers 5000 node ids and 500 keys within a 2 s query timeout", async () => {
    const res = await fetch(`${server().server.url}/export/cytoscape`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scope: "elements", nodes, relationships: keys }),
    });
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.elements.nodes).toHaveLength(5000);
    expect(body.elements.edges.map((e: any) => e.data.id).sort()).toEqual([...keys].sort());
  });

  it("looks each key up through its type's relationship id index, never expanding the listed nodes (PROFILE)", async () => {
    const byType: Record<string, string[]> = {};
    for (const k of keys) (byType[k.slice(0, k.indexOf(":"))] ??= []).push(k.slice(k.indexOf(":") + 1));
    const session = server().app.driver.session({ database: server().app.db.database });
    try {
      const result = await session.run(`PROFILE ${query("relationships-by-keys")}`, { ids: nodes, keys: byType });
      expect(result.records).toHaveLength(500);
      const operators: string[] = [];
      let dbHits = 0;
      const walk = (p: any): void => {
        operators.push(String(p.operatorType).replace(/@.*$/, ""));
        dbHits += Number(p.dbHits);
        p.children.forEach(walk);
      };
      walk(result.summary.profile);
      const plan = operators.join(" ");
      // The three types with keys seek their id index; a type with next to no relationships may be scanned instead, which costs nothing.
      expect(operators.filter((o) => /RelationshipUniqueIndexSeek$|RelationshipIndexSeek$/.test(o)).length, plan).toBeGreaterThanOrEqual(3);
      expect(
        operators.filter((o) => /^Expand|^Optional.*Expand|VarLengthExpand|NodeByLabelScan|AllNodesScan/.test(o)),
        plan,
      ).toEqual([]);
      // About 11 000 here (reading the 500 relationships, their ends and properties); the degree walk took 270 000.
      expect(dbHits).toBeLessThan(50 * keys.length);
    } finally {
      await session.close();
    }
  });
});
