import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runImport } from "../../dist/src/import/importer.js";
import { useTestServer } from "../helpers/test-app.js";

const HEADER = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,quantity,value,currency,record_id,source";

describe("customs imports: repeated declarations and party names in other spellings", () => {
  const server = useTestServer();
  const ns = `ckeys-${Date.now().toString(36)}`;
  const tmp = mkdtempSync(join(tmpdir(), "ckeys-"));
  const file = (name: string, rows: string[]) => {
    const path = join(tmp, name);
    writeFileSync(path, `${[HEADER, ...rows].join("\n")}\n`);
    return path;
  };
  const cypher = async (statement: string, params: Record<string, unknown> = {}) =>
    (await server().app.driver.executeQuery(statement, params)).records.map((r) => r.toObject());
  afterAll(async () => {
    for (const suffix of ["-agg", "-decl", "-keys"]) await server().app.imports.deleteNamespace(`${ns}${suffix}`);
    rmSync(tmp, { recursive: true, force: true });
  });

  const row = "2023-05-02,Repeat Exporter Ltd,hk,Repeat Importer OOO,ru,8806.22,Quadcopters,5,30000,usd,REP-1,Customs extract (fictional)";
  const other = "2023-05-09,Repeat Exporter Ltd,hk,Repeat Importer OOO,ru,8806.22,Quadcopters,2,1000,usd,REP-2,Customs extract (fictional)";

  it("--aggregate counts a declaration stated twice (same record id and source) once, as per-declaration mode does", async () => {
    // The repeat comes after another declaration and in another batch, as in a real extract.
    const path = file("repeated.csv", [row, other, row]);
    const agg = `${ns}-agg`;
    expect(await runImport(server().app.db, { format: "customs", path, namespace: agg, aggregate: true, batchSize: 2, rejectsFile: null })).toMatchObject({
      rejected: 0,
      aggregated: 1,
    });
    const [sum] = await cypher(
      "MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $p RETURN r.amount AS amount, r.quantity AS quantity, toFloat(r.declarationCount) AS declarations, r.recordIds AS recordIds",
      { p: `${agg}:` },
    );
    expect(sum).toEqual({ amount: 31000, quantity: 7, declarations: 2, recordIds: ["REP-1", "REP-2"] });
    // Imported again: nothing counted twice.
    await runImport(server().app.db, { format: "customs", path, namespace: agg, aggregate: true, batchSize: 1, rejectsFile: null });
    const [again] = await cypher("MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $p RETURN r.amount AS amount, toFloat(r.declarationCount) AS declarations", {
      p: `${agg}:`,
    });
    expect(again).toEqual({ amount: 31000, declarations: 2 });

    const decl = `${ns}-decl`;
    await runImport(server().app.db, { format: "customs", path, namespace: decl, rejectsFile: null });
    const perDeclaration = await cypher(
      "MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $p RETURN r.amount AS amount, r.quantity AS quantity ORDER BY r.recordId",
      { p: `${decl}:` },
    );
    expect(perDeclaration).toEqual([
      { amount: 30000, quantity: 5 },
      { amount: 1000, quantity: 2 },
    ]);
  });

  it("links a customs party to an entity whose name it spells otherwise (ü as ue, Cyrillic in Latin letters)", async () => {
    const keys = `${ns}-keys`;
    const ftm = join(tmp, "entities.jsonl");
    writeFileSync(
      ftm,
      [
        { id: "wuerth-drohnen", schema: "Company", properties: { name: ["Würth Drohnentechnik GmbH"], country: ["de"] } },
        { id: "vektor-import", schema: "Company", properties: { name: ["ООО «Вектор Импорт»"], country: ["ru"] } },
      ]
        .map((e) => JSON.stringify(e))
        .join("\n") + "\n",
    );
    await runImport(server().app.db, { format: "ftm", path: ftm, namespace: keys, rejectsFile: null });
    const path = file("spellings.csv", [
      "2023-06-01,WUERTH DROHNENTECHNIK GMBH,de,OOO Vektor Import,ru,8806.22,Quadcopters,1,500,eur,SP-1,Customs extract (fictional)",
    ]);
    expect(await runImport(server().app.db, { format: "customs", path, namespace: keys, rejectsFile: null })).toMatchObject({ rejected: 0 });
    const [shipment] = await cypher("MATCH (a:Entity)-[r:SUPPLIED]->(b:Entity) WHERE r.id STARTS WITH $p RETURN a.id AS from, b.id AS to", {
      p: `${keys}:customs-`,
    });
    expect(shipment).toEqual({ from: `${keys}:wuerth-drohnen`, to: `${keys}:vektor-import` });
  });
});
