import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../dist/src/import/importer.js";
import { ZENIT } from "../helpers/ftm-fixtures.js";
import { useTestServer } from "../helpers/test-app.js";

const SEARCH = `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { id name stub } }`;

describe("Query.search by the spellings investigators type, and by identifiers", () => {
  const server = useTestServer();
  const ns = `translit-${Date.now().toString(36)}`;
  const id = (raw: string) => `${ns}:${raw}`;
  const tmp = mkdtempSync(join(tmpdir(), "translit-"));

  beforeAll(async () => {
    await runImport(server().app.db, { format: "ftm", path: ZENIT, namespace: ns, rejectsFile: null });
    // A stub and a described entity that match the same words: the stub is named by its id.
    const file = join(tmp, "stub.jsonl");
    writeFileSync(
      file,
      [
        { id: "quartz-falcon-ltd", schema: "Company", properties: { name: ["Quartz Falcon Ltd"] } },
        { id: "own-quartz", schema: "Ownership", properties: { owner: ["quartz-falcon-ltd"], asset: ["quartz-falcon"] } },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n") + "\n",
    );
    await runImport(server().app.db, { format: "ftm", path: file, namespace: ns, rejectsFile: null });
  });
  afterAll(async () => {
    await server().app.imports.deleteNamespace(ns);
    rmSync(tmp, { recursive: true, force: true });
  });

  const search = async (text: string, limit = 10): Promise<{ id: string; name: string; stub: boolean }[]> => {
    const res = await server().gql<{ search: { id: string; name: string; stub: boolean }[] }>(SEARCH, { text, limit });
    expect(res.errors).toBeUndefined();
    return res.data!.search;
  };
  const ids = async (text: string) => (await search(text)).map((e) => e.id);

  it.each([
    ["Wuerth", "Q-hans-wuerth"],
    ["Wurth", "Q-hans-wuerth"],
    ["Hans Wuerth", "Q-hans-wuerth"],
    ["Würth Beteiligungen", "de-hrb-74653-wuerth"],
    ["Giessner", "Q-anna-giessner"],
    ["Anna Giessner", "Q-anna-giessner"],
    ["Strasse", "addr-giessen-frankfurter"],
    ["Frankfurter Strasse 112", "addr-giessen-frankfurter"],
    // Калашников Иван Петрович, whose record holds no Latin spelling at all.
    ["Kalashnikov", "Q-kalashnikov-ip"],
    ["Ivan Kalashnikov", "Q-kalashnikov-ip"],
    // 李伟, by its pinyin.
    ["Li Wei", "Q-li-wei"],
  ])("finds %s", async (text, raw) => {
    expect(await ids(text)).toContain(id(raw));
  });

  it("ranks the entity whose name is the typed spelling first (ü = ue = u, ß = ss)", async () => {
    expect((await ids("Hans Wuerth"))[0]).toBe(id("Q-hans-wuerth"));
    expect((await ids("Hans Würth"))[0]).toBe(id("Q-hans-wuerth"));
    expect((await ids("Anna Giessner"))[0]).toBe(id("Q-anna-giessner"));
  });

  it.each([
    ["7701234560", "NK-zenitUAV7Rq2"],
    ["7701 234560", "NK-zenitUAV7Rq2"],
    ["1027700123450", "NK-zenitUAV7Rq2"],
    ["253400zenit0uav00092", "NK-zenitUAV7Rq2"],
    ["HRB 74653", "de-hrb-74653-wuerth"],
    ["75 1234567", "Q-kalashnikov-ip"],
  ])("finds the identifier %s exactly, first", async (text, raw) => {
    expect((await ids(text))[0]).toBe(id(raw));
  });

  it("does not find an identifier by a part of it", async () => {
    expect(await ids("770123456")).not.toContain(id("NK-zenitUAV7Rq2"));
  });

  it("ranks a stub after the entity it resembles", async () => {
    const found = await search("Quartz Falcon");
    expect(found.map((e) => e.id)).toEqual(expect.arrayContaining([id("quartz-falcon-ltd"), id("quartz-falcon")]));
    expect(found[found.length - 1]).toMatchObject({ id: id("quartz-falcon"), stub: true });
    expect(found[0]).toMatchObject({ id: id("quartz-falcon-ltd"), stub: false });
  });
});
