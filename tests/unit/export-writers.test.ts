import { parse as parseCsv } from "csv-parse/sync";
import cytoscape from "cytoscape";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { edgesCsvChunks, nodesCsvChunks } from "../../src/export/csv.js";
import { cytoscapeChunks } from "../../src/export/cytoscape.js";
import { edgeToFtm, ftmChunks, isFtmEntityEdge, nodeToFtm } from "../../src/export/ftm.js";
import { graphmlChunks } from "../../src/export/graphml.js";
import type { ExportEdge, ExportGraph, ExportNode } from "../../src/export/types.js";
import { fromFtmId } from "../../src/import/ftm-ids.js";
import { ftmProblems } from "../support/ftm-check.js";
import { asyncItems } from "../support/async-items.js";

const NASTY = `A & B <"Ltd"> 'x', y\nline\u0001`;
const node = (id: string, over: Partial<ExportNode> = {}): ExportNode => ({
  id,
  name: id,
  kind: "Company",
  aliases: [],
  description: null,
  unidentified: false,
  country: null,
  date: null,
  topics: [],
  identifiers: [],
  properties: [],
  stub: false,
  referents: [],
  datasets: [],
  firstSeen: null,
  lastSeen: null,
  target: null,
  version: 1,
  mergedIds: [],
  stored: {},
  ...over,
});
const NODES = [
  node("a&<b>", { name: NASTY, aliases: ["x|y", 'q"uote'], country: "CN" }),
  node("c d"),
  node("ftm-1", {
    name: "Acme Ltd",
    topics: ["sanction"],
    identifiers: [{ scheme: "registrationNumber", value: "123" }],
    stored: { ftmId: "ftm-1", ftmSchema: "Company", ftm_name: ["Acme Ltd"], ftm_registrationNumber: ["123"], topics: ["sanction"] },
  }),
];
const EDGE: ExportEdge = {
  id: "r1",
  type: "SUPPLIED",
  confidence: 0.8,
  status: "REPORTED",
  validFrom: "2022-09-14",
  validTo: null,
  amount: 1.5,
  currency: "USD",
  goods: ["HS 8806"],
  hedge: null,
  note: NASTY,
  amountEur: null,
  amountUsd: null,
  percentage: null,
  role: null,
  program: null,
  authority: null,
  purpose: null,
  properties: [],
  evidence: [
    {
      quote: NASTY,
      start: 3,
      end: 9,
      source: { id: "s1", title: "T", titleInferred: false, publisher: "P", url: null, publishedAt: "2023-03", cites: [], kind: null, version: 1 },
      role: "CORROBORATING",
      note: null,
    },
  ],
  statementCount: 1,
  from: NODES[0]!,
  to: NODES[1]!,
  stored: {},
  startRecord: "a&<b>",
  endRecord: "c d",
  version: 1,
  assertedStatus: "REPORTED",
  retracted: false,
  retraction: null,
  disputed: false,
  warnings: [],
};
const EDGES = [EDGE, { ...EDGE, id: "r1", type: "PAID", from: NODES[1]!, to: NODES[2]!, startRecord: "c d", endRecord: "ftm-1" }];

/** A graph served in pages of one, as the streamed export reads it. */
const graph: ExportGraph = {
  nodes: () => asyncItems(NODES.map((n) => [n])),
  edges: () => asyncItems(EDGES.map((e) => [e])),
};
const collect = async (chunks: AsyncIterable<string>) => {
  let s = "";
  for await (const c of chunks) s += c;
  return s;
};

describe("export writers", () => {
  it("write GraphML that an XML parser accepts, ids and text escaped, control characters dropped", async () => {
    const xml = await collect(graphmlChunks(graph));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    expect(doc.graphml.graph.node.map((n: any) => n.id)).toEqual(["a&<b>", "c d", "ftm-1"]);
    expect(doc.graphml.graph.edge.map((e: any) => e.id)).toEqual(["SUPPLIED:r1", "PAID:r1"]);
    expect(xml).not.toContain("\u0001");
  });

  it("write Cytoscape.js JSON that cytoscape loads headless, edge ids unique across types", async () => {
    const cy = cytoscape({ headless: true, elements: JSON.parse(await collect(cytoscapeChunks(graph))).elements });
    expect([cy.nodes().length, cy.edges().length]).toEqual([3, 2]);
    expect(cy.getElementById("SUPPLIED:r1").data("evidence")[0].quote).toBe(NASTY);
  });

  it("write CSV that parses back to the same values", async () => {
    const nodes = parseCsv<Record<string, string>>(await collect(nodesCsvChunks(graph)), { columns: true });
    const edges = parseCsv<Record<string, string>>(await collect(edgesCsvChunks(graph)), { columns: true });
    expect(nodes[0]).toMatchObject({ id: "a&<b>", label: NASTY, country: "CN", unidentified: "false", description: "", stub: "false" });
    expect(JSON.parse(nodes[0]!.aliases!)).toEqual(["x|y", 'q"uote']);
    // Topics (Gephi partitions on them) and identifiers, JSON-encoded.
    expect(JSON.parse(nodes[2]!.topics!)).toEqual(["sanction"]);
    expect(JSON.parse(nodes[2]!.identifiers!)).toEqual([{ scheme: "registrationNumber", value: "123" }]);
    expect(edges[0]).toMatchObject({ id: "SUPPLIED:r1", source: "a&<b>", target: "c d", confidence: "0.8", note: NASTY });
    expect(JSON.parse(edges[0]!.evidence!)[0]).toEqual({
      quote: NASTY,
      start: 3,
      end: 9,
      sourceId: "s1",
      sourceTitle: "T",
      publisher: "P",
      url: null,
      publishedAt: "2023-03",
    });
  });

  it("write CSV cells that start a spreadsheet formula with a leading quote, numbers and other text as they are", async () => {
    const formulas: ExportGraph = {
      nodes: () =>
        asyncItems([
          [node("=1+1", { name: "+SUM(A1)", description: "@cmd", country: "-CN", aliases: ["=x"] }), node("tab", { name: "\tx", description: "\rx" })],
        ]),
      edges: () => asyncItems([[{ ...EDGE, amount: -1.5, note: "=HYPERLINK(1)", hedge: "\uFF1Dwide" }]]),
    };
    const nodes = parseCsv<Record<string, string>>(await collect(nodesCsvChunks(formulas)), { columns: true });
    expect(nodes[0]).toMatchObject({ id: "'=1+1", label: "'+SUM(A1)", description: "'@cmd", country: "'-CN", aliases: '["=x"]' });
    expect(nodes[1]).toMatchObject({ id: "tab", label: "'\tx", description: "'\rx" });
    const [edge] = parseCsv<Record<string, string>>(await collect(edgesCsvChunks(formulas)), { columns: true });
    expect(edge).toMatchObject({ amount: "-1.5", note: "'=HYPERLINK(1)", hedge: "'\uFF1Dwide", confidence: "0.8" });
  });

  it("write FtM 4 entities with valid ids, stored FtM properties restored, native nodes and links marked for our import", async () => {
    const lines = (await collect(ftmChunks(graph)))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const l of lines) expect(ftmProblems(l), JSON.stringify(l)).toEqual([]);
    // "a&<b>" and "c d" are no FtM ids: encoded, reversibly.
    expect(lines.map((l) => l.id)).toEqual(["ag.a.26.3cb.3e", "ag.c.20d", "ftm-1", "r1", "r1"]);
    expect(lines.slice(0, 2).map((l) => fromFtmId(l.id))).toEqual(["a&<b>", "c d"]);
    expect(lines[0]).toMatchObject({
      schema: "Company",
      properties: { name: [NASTY], alias: ["x|y", 'q"uote'], country: ["cn"] },
      actorgraph: { native: true, kind: "Company" },
    });
    expect(lines[2]).toEqual({ id: "ftm-1", schema: "Company", properties: { name: ["Acme Ltd"], registrationNumber: ["123"], topics: ["sanction"] } });
    expect(lines[3]).toMatchObject({
      schema: "EconomicActivity",
      properties: { sender: ["ag.a.26.3cb.3e"], receiver: ["ag.c.20d"], customsAmount: ["1.5"], goodsDescription: ["HS 8806"] },
      actorgraph: { native: true, type: "SUPPLIED", confidence: 0.8 },
    });
    expect(lines[4]).toMatchObject({
      schema: "Payment",
      properties: { payer: ["ag.c.20d"], beneficiary: ["ftm-1"], amount: ["1.5"], currency: ["USD"] },
      actorgraph: { native: true, type: "PAID" },
    });
  });

  it("give back an entity an FtM import stored whole, references folded in, property relationships and extra link ends skipped", () => {
    const stored = node("ns:ea", {
      name: "ns:ea",
      kind: "EconomicActivity",
      date: "2022-09-14",
      stored: { ftmId: "ns:ea", ftmSchema: "EconomicActivity", ftm_vedCode: ["8806"], ftm_newProperty: ["kept"] },
      ftmReferences: [
        { property: "sender", value: "ns:a" },
        { property: "originCountry", value: "country-cn" },
        { property: "sender", value: "ns:a" },
      ],
    });
    // The property FtM 4.11 lacks rides in `actorgraph.properties`, for our import to read back.
    expect(nodeToFtm(stored)).toEqual({
      id: "ag.ns.3aea",
      schema: "EconomicActivity",
      properties: { vedCode: ["8806"], sender: ["ag.ns.3aa"], originCountry: ["cn"] },
      actorgraph: { properties: { newProperty: ["kept"] } },
    });
    const link: ExportEdge = {
      ...EDGE,
      id: "ns:own",
      type: "OWNS",
      validFrom: "2022-06-20",
      stored: { ftmId: "ns:own", ftmSchema: "Ownership", ftm_owner: ["ns:p"], ftm_asset: ["ns:c"], ftm_percentage: ["100"] },
    };
    expect(edgeToFtm(link).properties).toEqual({ owner: ["ag.ns.3ap"], asset: ["ag.ns.3ac"], percentage: ["100"] });
    expect([link, { ...link, id: "ns:own#1" }, { ...EDGE, stored: { ftmProperty: "jurisdiction", ftmEntityId: "ns:c" } }, EDGE].map(isFtmEntityEdge)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});
