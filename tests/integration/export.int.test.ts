import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse as parseCsv } from "csv-parse/sync";
import cytoscape from "cytoscape";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wholeGraph } from "../../dist/src/export/graph-source.js";
import { findSchema } from "../../dist/src/import/ftm-model.js";
import { ftmProblems } from "../support/ftm-check.js";
import { testEnv, useTestServer } from "../helpers/test-app.js";

const ROUTES = "scope=routes&from=dji&to=russian-front-lines";
const ROUTE_NODES = ["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines", "country-by", "country-kz", "country-pk"];

describe("GET /export/:format", () => {
  const server = useTestServer();
  const get = (path: string) => fetch(`${server().server.url}${path}`);

  it("exports the DJI → front-lines routes as GraphML that an XML parser accepts, with declared keys and evidence", async () => {
    const res = await get(`/export/graphml?${ROUTES}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?actorgraph\.graphml"?$/);
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(name),
    }).parse(text);
    const keys = new Map<string, { for: string; "attr.name": string; "attr.type": string }>(doc.graphml.key.map((k: any) => [k.id, k]));
    for (const k of keys.values()) expect(["string", "double", "int", "boolean"]).toContain(k["attr.type"]);
    const g = doc.graphml.graph;
    expect(g.edgedefault).toBe("directed");
    expect(g.node.map((n: any) => n.id).sort()).toEqual([...ROUTE_NODES].sort());
    expect(g.edge).toHaveLength(9);
    const nodeIds = new Set(g.node.map((n: any) => n.id));
    for (const edge of g.edge) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      const data = Object.fromEntries(edge.data.map((d: any) => [keys.get(d.key)!["attr.name"], String(d["#text"])]));
      for (const d of edge.data) expect(keys.get(d.key)?.for).toBe("edge");
      expect(Number(data.confidence)).toBeGreaterThan(0);
      expect(data.status).toMatch(/^(REPORTED|POSSIBLE)$/);
      expect(JSON.parse(data.evidence).length).toBeGreaterThan(0);
    }
  });

  it("exports Cytoscape.js JSON that cytoscape loads headless, with the customs-data hop and its evidence", async () => {
    const res = await get(`/export/cytoscape?${ROUTES}&maxHops=6`);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const cy = cytoscape({ headless: true, elements: ((await res.json()) as any).elements });
    expect(cy.nodes()).toHaveLength(7);
    expect(cy.edges()).toHaveLength(9);
    const hop = cy.getElementById("dji").edgesTo(cy.getElementById("small-intermediaries-and-exporters"));
    expect(hop).toHaveLength(1);
    expect(hop.data()).toMatchObject({ type: "SUPPLIED", status: "REPORTED", confidence: 0.8 });
    expect(hop.data("evidence")[0]).toMatchObject({ sourceId: "insider-2023-03-china-drones-russia", quote: expect.stringContaining("DJI") });
  });

  it("exports the whole graph as nodes.csv and edges.csv that parse back to the Cytoscape.js export's values", async () => {
    const nodes = parseCsv<Record<string, string>>(await (await get("/export/csv/nodes.csv")).text(), { columns: true });
    const edgesRes = await get("/export/csv/edges.csv?scope=all");
    expect(edgesRes.headers.get("content-type")).toMatch(/^text\/csv/);
    const edges = parseCsv<Record<string, string>>(await edgesRes.text(), { columns: true });
    const cy = ((await (await get("/export/cytoscape")).json()) as any).elements;
    expect(nodes.map((n) => n.id)).toEqual(cy.nodes.map((n: any) => n.data.id));
    expect(nodes.find((n) => n.id === "dji")).toMatchObject({ label: "DJI", kind: "Company", country: "CN", unidentified: "false" });
    expect(edges).toHaveLength(cy.edges.length);
    expect(edges.length).toBeGreaterThanOrEqual(62);
    const byId = new Map(cy.edges.map((e: any) => [e.data.id, e.data]));
    for (const row of edges) {
      const data = byId.get(row.id) as any;
      expect({ source: row.source, target: row.target, confidence: Number(row.confidence), status: row.status, validFrom: row.validFrom || null }).toEqual({
        source: data.source,
        target: data.target,
        confidence: data.confidence,
        status: data.status,
        validFrom: data.validFrom,
      });
      expect(JSON.parse(row.evidence!)).toEqual(data.evidence);
    }
  });

  it("exports FtM JSONL whose every line is an entity of the FtM model, links pointing at exported entities", async () => {
    const res = await get("/export/ftm?scope=neighborhood&id=dji&depth=1");
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const entities = (await res.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
    for (const e of entities) expect(ftmProblems(e)).toEqual([]);
    const ids = new Set(entities.map((e) => e.id));
    const supplied = entities.find((e) => e.schema === "EconomicActivity" && e.properties.sender?.[0] === "dji");
    expect(supplied?.properties.receiver).toEqual(["small-intermediaries-and-exporters"]);
    for (const e of entities) {
      for (const [name, values] of Object.entries(e.properties)) {
        if (findSchema(e.schema)!.getProperty(name)!.type === "entity") for (const v of values) expect(ids.has(v)).toBe(true);
      }
    }
  });

  it.each([
    ["/export/pdf", 404, "NOT_FOUND"],
    ["/export/csv", 404, "NOT_FOUND"],
    ["/export/graphml?scope=everything", 400, "BAD_USER_INPUT"],
    ["/export/graphml?scope=neighborhood", 400, "BAD_USER_INPUT"],
    ["/export/graphml?scope=neighborhood&id=dji&depth=4", 400, "BAD_USER_INPUT"],
    ["/export/graphml?scope=neighborhood&id=dji&limit=abc", 400, "BAD_USER_INPUT"],
    [`/export/graphml?${ROUTES}&maxHops=12`, 400, "BAD_USER_INPUT"],
    ["/export/ftm?scope=routes&from=dji&to=nobody", 404, "NOT_FOUND"],
  ])("answers %s with %i %s as JSON", async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
  });
});

describe("export parameters", () => {
  const server = useTestServer();
  const request = (path: string, init: RequestInit = {}) => fetch(`${server().server.url}${path}`, init);
  const post = (path: string, body: string | undefined, contentType: string | null = "application/json") =>
    request(path, { method: "POST", headers: contentType ? { "content-type": contentType } : {}, body });

  it.each([
    ["a GET with elements parameters but no scope", () => request("/export/graphml?nodes=dji"), "nodes"],
    ["a GET whose scope is a bracketed key", () => request("/export/graphml?scope[x]=elements&nodes=dji"), "scope[x]"],
    ["a GET with a parameter of another scope", () => request("/export/cytoscape?scope=neighborhood&id=dji&nodes=dji"), "nodes"],
    ["a GET with an unknown parameter", () => request("/export/csv/nodes.csv?scope=all&format=xlsx"), "format"],
    ["a POST with elements parameters but no scope", () => post("/export/graphml", JSON.stringify({ nodes: ["dji"] })), "nodes"],
    ["a POST whose parameters are in the query string, body empty", () => post("/export/graphml?scope=elements&nodes=dji", ""), "scope"],
    ["a POST with a query string beside its body", () => post("/export/graphml?nodes=dji", JSON.stringify({ scope: "elements", nodes: ["dji"] })), "nodes"],
    ["a POST with no body at all", () => post("/export/graphml", undefined, null), "body"],
    ["a POST with an empty JSON object", () => post("/export/ftm", "{}"), "body"],
    ["a JSON body of null", () => post("/export/graphml", "null"), "body"],
    ["a JSON body that is a string", () => post("/export/graphml", '"x"'), "body"],
    ["nodes that are a number", () => post("/export/graphml", JSON.stringify({ scope: "elements", nodes: 5 })), "nodes"],
    ["nodes that are a boolean", () => post("/export/graphml", JSON.stringify({ scope: "elements", nodes: true })), "nodes"],
    ["an entity id that is a number", () => post("/export/graphml", JSON.stringify({ scope: "neighborhood", id: 5 })), "id"],
    [
      "a relationship key whose id is over 512 characters",
      () => post("/export/graphml", JSON.stringify({ scope: "elements", nodes: ["dji"], relationships: [`PRODUCES:${"x".repeat(513)}`] })),
      "relationships",
    ],
  ])("answers %s with 400 BAD_USER_INPUT naming it, never the whole graph", async (_what, send, argument) => {
    const res = await send();
    expect(res.status).toBe(400);
    const error = ((await res.json()) as any).errors[0];
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(error.message).toContain(argument === "body" ? "JSON" : argument);
  });

  it("says a null body must be a JSON object, not that it is invalid JSON", async () => {
    const res = await post("/export/graphml", "null");
    expect(((await res.json()) as any).errors[0].message).toMatch(/JSON object body.*got a JSON null/);
  });

  it("names a few unknown ids in a NOT_FOUND message and lists them all in extensions.ids", async () => {
    const ids = Array.from({ length: 4999 }, (_, i) => `missing-${i}-${"y".repeat(10)}`);
    const res = await post("/export/graphml", JSON.stringify({ scope: "elements", nodes: ["dji", ...ids] }));
    expect(res.status).toBe(404);
    const error = ((await res.json()) as any).errors[0];
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toContain("(and 4994 more)");
    expect(error.extensions.ids).toEqual(ids);
  });

  it("keeps the whole-graph default for a GET with no parameters", async () => {
    const res = await request("/export/cytoscape");
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).elements.nodes.length).toBeGreaterThan(10);
  });
});

describe("GET /export/csv/:file and spreadsheets", () => {
  const server = useTestServer();
  const id = `formula-${Date.now().toString(36)}`;
  beforeAll(async () => {
    await server().app.db.writeTx("test-formula", (tx) =>
      tx.run(
        "CREATE (a:Entity {id: $id, name: '=1+1', kind: 'Company', description: '@SUM(A1:A9)', country: '+CN', aliases: ['-2+3']})-[:PRODUCES {id: $id, status: 'REPORTED', confidence: 0.8, note: '=HYPERLINK(\"http://x\")', hedge: '\tcmd'}]->(:Entity {id: $id + '-b', name: 'plain name', kind: 'Product'})",
        { id },
      ),
    );
  });
  afterAll(async () => {
    await server().app.db.writeTx("test-formula-drop", (tx) => tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $id DETACH DELETE n", { id }));
  });

  it("prefixes cells a spreadsheet would run as a formula with a quote, and leaves other values as they are", async () => {
    const base = `${server().server.url}/export/csv`;
    const query = `scope=elements&nodes=${id},${id}-b&relationships=PRODUCES:${id}`;
    const nodes = parseCsv<Record<string, string>>(await (await fetch(`${base}/nodes.csv?${query}`)).text(), { columns: true });
    expect(nodes[0]).toMatchObject({ id, label: "'=1+1", description: "'@SUM(A1:A9)", country: "'+CN", aliases: '["-2+3"]' });
    expect(nodes[1]).toMatchObject({ id: `${id}-b`, label: "plain name", kind: "Product" });
    const [edge] = parseCsv<Record<string, string>>(await (await fetch(`${base}/edges.csv?${query}`)).text(), { columns: true });
    expect(edge).toMatchObject({ id: `PRODUCES:${id}`, note: `'=HYPERLINK("http://x")`, hedge: "'\tcmd", confidence: "0.8" });
  });
});

describe("wholeGraph", () => {
  const server = useTestServer();

  it("pages through every entity and relationship once, in id order, whatever the page size", async () => {
    const collect = async <T>(pages: AsyncIterable<readonly T[]>) => {
      const all: T[] = [];
      for await (const page of pages) all.push(...page);
      return all;
    };
    const one = wholeGraph(server().app.db, 100_000);
    const paged = wholeGraph(server().app.db, 5);
    const nodeIds = (await collect(one.nodes())).map((n: any) => n.id);
    expect((await collect(paged.nodes())).map((n: any) => n.id)).toEqual(nodeIds);
    expect([...nodeIds].sort()).toEqual(nodeIds);
    const edgeKeys = (await collect(paged.edges())).map((e: any) => `${e.type}:${e.id}`);
    expect(new Set(edgeKeys).size).toBe(edgeKeys.length);
    expect(edgeKeys).toEqual((await collect(one.edges())).map((e: any) => `${e.type}:${e.id}`));
  });
});

describe("actorgraph export", () => {
  it("writes nodes.csv and edges.csv of a neighbourhood into --out", async () => {
    const out = mkdtempSync(join(tmpdir(), "actorgraph-export-"));
    const cli = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");
    await promisify(execFile)("node", [cli, "export", "csv", "--out", out, "--scope", "neighborhood", "--id", "dji"], {
      env: { ...process.env, ...testEnv() },
    });
    const nodes = parseCsv<Record<string, string>>(readFileSync(join(out, "nodes.csv")), { columns: true });
    const edges = parseCsv<Record<string, string>>(readFileSync(join(out, "edges.csv")), { columns: true });
    expect(nodes[0]?.id).toBe("dji");
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) expect(JSON.parse(e.evidence!).length).toBeGreaterThan(0);
  });

  it("leaves no file behind, and keeps an earlier export, when the database cannot be reached", async () => {
    const out = mkdtempSync(join(tmpdir(), "actorgraph-export-"));
    const cli = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");
    writeFileSync(join(out, "graph.graphml"), "<earlier/>");
    for (const args of [
      ["csv", "--out", out],
      ["graphml", "--out", join(out, "graph.graphml")],
    ]) {
      const failed = promisify(execFile)("node", [cli, "export", ...args], {
        env: { ...process.env, ...testEnv({ NEO4J_URI: "bolt://127.0.0.1:1", QUERY_TIMEOUT_MS: "1000" }) },
      });
      await expect(failed).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("bolt://127.0.0.1:1") });
    }
    expect(readdirSync(out)).toEqual(["graph.graphml"]);
    expect(readFileSync(join(out, "graph.graphml"), "utf8")).toBe("<earlier/>");
  });
});
