import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../dist/src/import/importer.js";
import { ZENIT } from "../helpers/ftm-fixtures.js";
import { useTestServer } from "../helpers/test-app.js";

const RELS = `query Rels($id: ID!) { entity(id: $id) { id relationships(limit: 100) {
  id type amount currency amountEur amountUsd percentage role program authority purpose properties { name values } from { id } to { id } } } }`;
const ENTITY = `query E($id: ID!) { entity(id: $id) { id name kind stub topics identifiers { scheme value } referents datasets firstSeen lastSeen target properties { name values } } }`;

interface Property {
  name: string;
  values: string[];
}
interface Rel {
  id: string;
  type: string;
  amount: number | null;
  currency: string | null;
  amountEur: number | null;
  amountUsd: number | null;
  percentage: number | null;
  role: string | null;
  program: string | null;
  authority: string | null;
  purpose: string | null;
  properties: Property[];
  from: { id: string };
  to: { id: string };
}
interface EntityRes {
  id: string;
  name: string;
  kind: string;
  stub: boolean;
  topics: string[];
  identifiers: { scheme: string; value: string }[];
  referents: string[];
  datasets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  target: boolean | null;
  properties: Property[];
}
interface GraphmlData {
  key: string;
  "#text": string | number | boolean;
}
interface GraphmlElement {
  id: string;
  data: GraphmlData | GraphmlData[];
}
interface Graphml {
  graphml: { key: { id: string; "attr.name": string }[]; graph: { node: GraphmlElement[]; edge: GraphmlElement[] } };
}

describe("FollowTheMoney 4 data in and out (tests/fixtures/ftm/zenit-uav.ftm.jsonl)", () => {
  const server = useTestServer();
  const ns = `ftm4-${Date.now().toString(36)}`;
  const rev = `${ns}-rev`;
  const id = (raw: string, space = ns) => `${space}:${raw}`;
  const tmp = mkdtempSync(join(tmpdir(), "ftm4-"));
  let summary: Awaited<ReturnType<typeof runImport>>;

  beforeAll(async () => {
    // Small batches: referents, stubs and restatements meet across batches, as in a large file.
    summary = await runImport(server().app.db, { format: "ftm", path: ZENIT, namespace: ns, batchSize: 5, rejectsFile: null });
  });
  afterAll(async () => {
    await server().app.imports.deleteNamespace(ns);
    await server().app.imports.deleteNamespace(rev);
    rmSync(tmp, { recursive: true, force: true });
  });

  const rels = async (entity: string): Promise<Rel[]> => {
    const res = await server().gql<{ entity: { relationships: Rel[] } }>(RELS, { id: entity });
    expect(res.errors).toBeUndefined();
    return res.data!.entity.relationships;
  };
  const entity = async (entityId: string): Promise<EntityRes | null> =>
    (await server().gql<{ entity: EntityRes | null }>(ENTITY, { id: entityId })).data?.entity ?? null;

  it("imports every valid FtM 4 entity (abbreviation, Risk, Control, Succession, Employment, Debt, Passport …) and warns about the one unknown property", () => {
    expect(summary).toMatchObject({ read: 39, rejected: 0, rejects: [] });
    expect(summary.warnings).toEqual([{ code: "UNKNOWN_PROPERTY", detail: "Company.riskClassification", count: 1, firstLine: 8 }]);
  });

  it("keeps an unknown property as ftm_<name>, and FtM 4's abbreviation as an alias", async () => {
    const bright = await entity(id("hk-cr-3141592"));
    expect(bright!.properties).toContainEqual({ name: "riskClassification", values: ["high"] });
    const rows = await server().app.db.read("entities-by-ids", { ids: [id("NK-zenitUAV7Rq2")] });
    expect((rows[0]!.entity as { aliases: string[] }).aliases).toEqual(
      expect.arrayContaining(["ZUAV", "Zenit", "ООО «Зенит-Аэро»", "泽尼特无人机股份公司", "Zenith UAV Joint Stock Company"]),
    );
  });

  it("fills amount and currency on every Payment by the money rule: amountEur alone is EUR, the original currency first", async () => {
    const paid = (await rels(id("de-hrb-74653-wuerth"))).filter((r) => r.type === "PAID");
    expect(paid.map((r) => [r.id, r.amount, r.currency, r.amountEur]).sort()).toEqual([
      [id("don-wuerth-ptf-1"), 9500000, "EUR", 9500000],
      [id("don-wuerth-ptf-2"), 5250000.5, "EUR", 5250000.5],
      [id("don-wuerth-ptf-3"), 2250000, "EUR", 2250000],
    ]);
    expect(paid.reduce((sum, r) => sum + r.amount!, 0)).toBe(17000000.5);
    const zenit = await rels(id("NK-zenitUAV7Rq2"));
    expect(zenit.find((r) => r.type === "PAID")).toMatchObject({
      amount: 145000000,
      currency: "RUB",
      amountEur: 1600000,
      amountUsd: 1750000,
      purpose: "Prepayment for flight controllers, contract 7/22",
    });
    expect(zenit.find((r) => r.type === "OWES")).toMatchObject({ amount: 300000, currency: "USD", amountUsd: 300000 });
  });

  it("maps every FtM 4 link schema to its relationship type, with percentages, roles, programs and authorities typed", async () => {
    const zenit = await rels(id("NK-zenitUAV7Rq2"));
    const kalashnikov = await rels(id("Q-kalashnikov-ip"));
    const bright = await rels(id("hk-cr-3141592"));
    const wuerth = await rels(id("Q-hans-wuerth"));
    const types = new Set([...zenit, ...kalashnikov, ...bright, ...wuerth].map((r) => r.type));
    for (const t of [
      "OWNS",
      "DIRECTS",
      "CONTROLS",
      "SUCCEEDED_BY",
      "REPRESENTS",
      "EMPLOYED_BY",
      "MEMBER_OF",
      "FAMILY_OF",
      "ASSOCIATE_OF",
      "RELATED_TO",
      "PAID",
      "OWES",
      "SUBJECT_TO",
      "SUPPLIED",
    ])
      expect(types).toContain(t);
    expect(
      zenit
        .filter((r) => r.type === "OWNS")
        .map((r) => [r.from.id, r.percentage, r.role])
        .sort(),
    ).toEqual([
      [id("Q-kalashnikov-ip"), 75.1, "beneficial owner"],
      [id("hk-cr-3141592"), 24.9, "shareholder"],
    ]);
    expect(kalashnikov.find((r) => r.type === "DIRECTS")).toMatchObject({ role: "General Director", to: { id: id("NK-zenitUAV7Rq2") } });
    const sanctions = zenit.filter((r) => r.type === "SUBJECT_TO");
    expect(sanctions.map((r) => [r.program, r.authority]).sort()).toEqual([
      ["Council Regulation (EU) No 269/2014", "Council of the European Union"],
      ["RUSSIA-EO14024", "Office of Foreign Assets Control"],
    ]);
    // A percentage that is no number stays in properties.
    const li = await rels(id("Q-li-wei"));
    const liOwns = li.find((r) => r.type === "OWNS")!;
    expect(liOwns.percentage).toBeNull();
    expect(liOwns.properties).toContainEqual({ name: "percentage", values: ["25-50%"] });
  });

  it("exposes identifiers, topics and the OpenSanctions fields, a passport's number on its holder", async () => {
    const zenit = (await entity(id("NK-zenitUAV7Rq2")))!;
    expect(zenit.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: "innCode", value: "7701234560" },
        { scheme: "ogrnCode", value: "1027700123450" },
        { scheme: "leiCode", value: "253400ZENIT0UAV00092" },
        { scheme: "taxNumber", value: "7701 234560" },
      ]),
    );
    expect(zenit).toMatchObject({
      topics: ["sanction", "export.control"],
      target: true,
      firstSeen: "2022-03-15T10:12:00",
      lastSeen: "2025-11-30T08:00:00",
      stub: false,
    });
    expect(zenit.datasets.sort()).toEqual(["eu_fsf", "gb_hmt_sanctions", "ua_nsdc_sanctions", "us_ofac_sdn"]);
    expect(zenit.referents.sort()).toEqual([id("eu-fsf-zenit-uav"), id("gb-hmt-17890"), id("ofac-44321")]);
    expect((await entity(id("Q-kalashnikov-ip")))!.identifiers).toEqual(expect.arrayContaining([{ scheme: "passportNumber", value: "75 1234567" }]));
    expect((await entity(id("Q-hans-wuerth")))!.identifiers).toEqual([{ scheme: "idNumber", value: "L01X00T47" }]);
  });

  it("types stubs by the referencing property's range and names unnamed entities by FtM's caption rule", async () => {
    expect(await entity(id("addr-izhevsk-missing"))).toMatchObject({ kind: "Address", stub: true, name: id("addr-izhevsk-missing") });
    expect(await entity(id("imo-9876543-missing"))).toMatchObject({ kind: "Asset", stub: true });
    expect(await entity(id("ofac-sanction-zenit"))).toMatchObject({ kind: "Sanction", name: "RUSSIA-EO14024", stub: false });
    expect(await entity(id("addr-giessen-frankfurter"))).toMatchObject({ kind: "Address", name: "Frankfurter Straße 112, 35392 Gießen" });
  });

  it("resolves references to referent ids to the canonical entity in either import order, merging stubs made before", async () => {
    const lines = readFileSync(ZENIT, "utf8").trim().split("\n").reverse();
    const reversed = join(tmp, "reversed.jsonl");
    writeFileSync(reversed, `${lines.join("\n")}\n`);
    expect(await runImport(server().app.db, { format: "ftm", path: reversed, namespace: rev, batchSize: 5, rejectsFile: null })).toMatchObject({ rejected: 0 });
    const shape = async (space: string) => {
      const out = await rels(`${space}:NK-zenitUAV7Rq2`);
      const strip = (v: string) => v.replaceAll(`${space}:`, "");
      return out
        .map((r) => [r.type, strip(r.id), strip(r.from.id), strip(r.to.id), JSON.stringify(r.properties.map((p) => [p.name, p.values.map(strip)]))])
        .sort();
    };
    const forward = await shape(ns);
    expect(forward).toEqual(await shape(rev));
    // No stub is left for an older id, in either order; the canonical entity has every link that named one.
    for (const space of [ns, rev]) {
      for (const old of ["ofac-44321", "eu-fsf-zenit-uav", "gb-hmt-17890"]) expect(await entity(`${space}:${old}`)).toBeNull();
    }
    expect(forward.filter(([type]) => type === "DIRECTS" || type === "SUBJECT_TO" || type === "OWNS").length).toBe(5);
  });

  it("writes identifiers, percentages, roles and topics to CSV and GraphML", async () => {
    const get = async (path: string) => (await fetch(`${server().server.url}${path}`)).text();
    const nodes = parseCsv<Record<string, string>>(await get("/export/csv/nodes.csv"), { columns: true }).filter((n) => n.id!.startsWith(`${ns}:`));
    const edges = parseCsv<Record<string, string>>(await get("/export/csv/edges.csv"), { columns: true }).filter((e) => e.relationshipId!.startsWith(`${ns}:`));
    const zenit = nodes.find((n) => n.id === id("NK-zenitUAV7Rq2"))!;
    expect(JSON.parse(zenit.topics!)).toEqual(["sanction", "export.control"]);
    expect(JSON.parse(zenit.identifiers!)).toEqual(expect.arrayContaining([{ scheme: "innCode", value: "7701234560" }]));
    expect(nodes.find((n) => n.id === id("addr-izhevsk-missing"))).toMatchObject({ stub: "true" });
    expect(edges.find((e) => e.relationshipId === id("own-kalashnikov-zenit"))).toMatchObject({ type: "OWNS", percentage: "75.1", role: "beneficial owner" });
    expect(edges.find((e) => e.relationshipId === id("don-wuerth-ptf-1"))).toMatchObject({
      amount: "9500000",
      currency: "EUR",
      amountEur: "9500000",
      purpose: "Parteispende 2021",
    });
    expect(edges.find((e) => e.type === "SUBJECT_TO" && e.relationshipId!.startsWith(id("ofac-sanction-zenit")))).toMatchObject({
      program: "RUSSIA-EO14024",
      authority: "Office of Foreign Assets Control",
    });

    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(await get("/export/graphml")) as Graphml;
    const keys = new Map(doc.graphml.key.map((k) => [k.id, k["attr.name"]]));
    const data = (el: GraphmlElement | undefined): Record<string, string> =>
      Object.fromEntries((Array.isArray(el!.data) ? el!.data : [el!.data]).map((d) => [keys.get(d.key)!, String(d["#text"])]));
    const gNode = data(doc.graphml.graph.node.find((n) => n.id === id("NK-zenitUAV7Rq2")));
    expect(JSON.parse(gNode.topics!)).toEqual(["sanction", "export.control"]);
    expect(JSON.parse(gNode.identifiers!)).toEqual(expect.arrayContaining([{ scheme: "leiCode", value: "253400ZENIT0UAV00092" }]));
    const gEdge = data(doc.graphml.graph.edge.find((e) => e.id === `OWNS:${id("own-holding-brightsky")}`));
    expect(gEdge).toMatchObject({ type: "OWNS", percentage: "51" });
    expect(gEdge.amount).toBeUndefined();
    const gPaid = data(doc.graphml.graph.edge.find((e) => e.id === `PAID:${id("don-wuerth-ptf-2")}`));
    expect(gPaid).toMatchObject({ amount: "5250000.5", currency: "EUR" });
  });
});
