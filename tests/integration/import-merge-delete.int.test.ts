import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import { fromFtmId } from "../../dist/src/import/ftm-ids.js";

/**
 * Two import behaviours that lost data:
 * - an FtM entity stated again (later in the file, or in another file) replaced its `ftm_<prop>`
 *   lists, where FollowTheMoney merges the fragments of one entity by the union of each
 *   property's values (foldEntities, import-merge-entities(-packed).cypher);
 * - `import:delete` removed a publication :Source (shared: one per URL) that another
 *   namespace's claim still cited (import-delete-namespace-citations/-sources.cypher).
 */
describe("FtM restatements merge values; import:delete keeps shared publications", () => {
  const server = useTestServer();
  const run = Date.now().toString(36);
  const ns = (suffix: string) => `mrg-${run}-${suffix}`;
  const used: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), "actorgraph-import-merge-delete-test-"));

  const imports = () => server().app.imports;
  const cypher = async (statement: string, params: Record<string, unknown> = {}) =>
    (await server().app.driver.executeQuery(statement, params)).records.map((r) => r.toObject());
  /** Writes `lines` (FtM entities or claims) as a JSONL file and imports it under `namespace`. */
  const importLines = async (format: "ftm" | "claims", namespace: string, name: string, lines: readonly object[], extra: Record<string, unknown> = {}) => {
    if (!used.includes(namespace)) used.push(namespace);
    const path = join(tmp, `${namespace}-${name}.jsonl`);
    writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
    const summary = await imports().importFile({ format, path, namespace, rejectsFile: null, ...extra });
    expect(summary).toMatchObject({ read: lines.length, rejected: 0 });
    return summary;
  };
  /** What the graph holds for an FtM entity: its graph name and aliases, schema, and FtM name and alias lists. */
  const entity = async (id: string) =>
    (
      await cypher(
        "MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.ftmSchema AS schema, n.ftm_name AS ftmName, n.ftm_alias AS ftmAlias",
        { id },
      )
    )[0];

  const e1 = (schema: string, alias: string) => ({ id: "e1", schema, properties: { name: ["E One"], alias: [alias] } });
  const e2 = (name: string) => ({ id: "e2", schema: "Company", properties: { name: [name] } });

  afterAll(async () => {
    for (const n of used) await imports().deleteNamespace(n);
    expect(await cypher("MATCH (n) WHERE n.id STARTS WITH $p OR n.namespace STARTS WITH $p RETURN n.id AS id", { p: `mrg-${run}-` })).toEqual([]);
  });

  describe("an FtM link stated twice keeps every value of its ftm_ lists", () => {
    const own = (role: string) => ({ id: "own-1", schema: "Ownership", properties: { owner: ["e1"], asset: ["e2"], role: [role], percentage: ["50"] } });
    const roles = async (n: string) =>
      (
        await cypher("MATCH (:Entity {id: $a})-[r:OWNS {id: $id}]->(:Entity {id: $b}) RETURN r.ftm_role AS role, r.ftm_percentage AS percentage", {
          a: `${n}:e1`,
          b: `${n}:e2`,
          id: `${n}:own-1`,
        })
      )[0];

    it("within one file (one batch, groupRelationships) and across two files (import-merge-relationships.cypher)", async () => {
      const one = ns("link-one");
      await importLines("ftm", one, "both", [e1("Company", "A"), e2("E Two"), own("director"), own("shareholder")]);
      expect(await roles(one)).toEqual({ role: ["director", "shareholder"], percentage: ["50"] });
      const two = ns("link-two");
      await importLines("ftm", two, "first", [e1("Company", "A"), e2("E Two"), own("director")]);
      await importLines("ftm", two, "second", [own("shareholder")]);
      expect(await roles(two)).toEqual({ role: ["director", "shareholder"], percentage: ["50"] });
    });
  });

  describe("an FtM entity stated twice keeps every value of its ftm_ lists", () => {
    it("within one file (one batch, foldEntities): alias A and B, names 'E Two' and 'E Two renamed', the first name as the graph name", async () => {
      const n = ns("one");
      await importLines("ftm", n, "both", [e1("LegalEntity", "E1 alias A"), e2("E Two"), e1("Company", "E1 alias B"), e2("E Two renamed")]);
      expect(await entity(`${n}:e1`)).toEqual({
        name: "E One",
        aliases: ["E1 alias A", "E1 alias B"],
        schema: "Company",
        ftmName: ["E One"],
        ftmAlias: ["E1 alias A", "E1 alias B"],
      });
      expect(await entity(`${n}:e2`)).toEqual({
        name: "E Two",
        aliases: ["E Two renamed"],
        schema: "Company",
        ftmName: ["E Two", "E Two renamed"],
        ftmAlias: null,
      });
    });

    it("within one file in batches of one record (each restatement merged against the graph by the packed query)", async () => {
      const n = ns("batch1");
      await importLines("ftm", n, "both", [e1("LegalEntity", "E1 alias A"), e2("E Two"), e1("Company", "E1 alias B"), e2("E Two renamed")], { batchSize: 1 });
      expect(await entity(`${n}:e1`)).toMatchObject({ schema: "Company", ftmAlias: ["E1 alias A", "E1 alias B"] });
      expect(await entity(`${n}:e2`)).toMatchObject({ name: "E Two", ftmName: ["E Two", "E Two renamed"] });
    });

    it("across two files, through the packed query and the map query (a value with U+001F, which no packed row carries), stored values first, none twice", async () => {
      const n = ns("two");
      await importLines("ftm", n, "first", [
        e1("LegalEntity", "E1 alias A"),
        e2("E Two"),
        { id: "e3", schema: "Company", properties: { name: ["E Three"], alias: ["Old \u001f alias", "Kept"] } },
      ]);
      await importLines("ftm", n, "second", [
        e1("Company", "E1 alias B"),
        e2("E Two renamed"),
        { id: "e3", schema: "Company", properties: { name: ["E Three"], alias: ["Kept", "New \u001f alias"] } },
      ]);
      expect(await entity(`${n}:e1`)).toEqual({
        name: "E One",
        aliases: ["E1 alias A", "E1 alias B"],
        schema: "Company",
        ftmName: ["E One"],
        ftmAlias: ["E1 alias A", "E1 alias B"],
      });
      expect(await entity(`${n}:e2`)).toMatchObject({ name: "E Two", ftmName: ["E Two", "E Two renamed"] });
      expect(await entity(`${n}:e3`)).toMatchObject({ name: "E Three", ftmAlias: ["Old \u001f alias", "Kept", "New \u001f alias"] });
      // A third statement of what is already there adds nothing.
      await importLines("ftm", n, "third", [e1("Company", "E1 alias A")]);
      expect(await entity(`${n}:e1`)).toMatchObject({ ftmAlias: ["E1 alias A", "E1 alias B"] });
    });

    it("gives every value back in the FtM export (GET /export/ftm)", async () => {
      const n = ns("two");
      const res = await fetch(`${server().server.url}/export/ftm?scope=all`);
      expect(res.status).toBe(200);
      const exported = new Map(
        (await res.text())
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> })
          // Namespaced ids are no FtM ids: the export encodes them (src/import/ftm-ids.ts).
          .map((e) => ({ ...e, id: fromFtmId(e.id) }))
          .filter((e) => e.id.startsWith(`${n}:`))
          .map((e) => [e.id, e]),
      );
      expect(exported.get(`${n}:e1`)).toMatchObject({ schema: "Company" });
      expect(exported.get(`${n}:e1`)!.properties.alias!.sort()).toEqual(["E1 alias A", "E1 alias B"]);
      expect(exported.get(`${n}:e1`)!.properties.name).toEqual(["E One"]);
      expect(exported.get(`${n}:e2`)!.properties.name!.sort()).toEqual(["E Two", "E Two renamed"]);
    });
  });

  describe("import:delete and a publication that two namespaces cite", () => {
    const url = `https://example.org/shared-${run}`;
    const claim = (quote: string) => ({
      from: "dji",
      to: "country-kz",
      type: "COMMENTED_ON",
      status: "REPORTED",
      quote,
      source_url: url,
      source_title: "Shared note",
    });
    /** The publication's Source (id, namespace), or undefined once it is gone. */
    const publication = async () => (await cypher("MATCH (s:Source {url: $url}) RETURN s.id AS id, s.namespace AS namespace, s.kind AS kind", { url }))[0];
    /** The evidence source ids of namespace `n`'s claims, each with whether its Source exists. */
    const evidenceOf = async (n: string) =>
      cypher(
        "MATCH ()-[r:COMMENTED_ON]->() WHERE r.id STARTS WITH $p UNWIND r.evidenceSourceIds AS sid OPTIONAL MATCH (s:Source {id: sid}) RETURN sid, s IS NOT NULL AS exists ORDER BY sid",
        { p: `${n}:` },
      );

    it("keeps the publication while pb's claim cites it after pa is deleted, moves it to pb, and deletes it with pb", async () => {
      const pa = ns("pa");
      const pb = ns("pb");
      await importLines("claims", pa, "a", [claim("Claim A cites the shared note (fictional).")]);
      await importLines("claims", pb, "b", [claim("Claim B cites the shared note (fictional).")]);
      const shared = await publication();
      expect(shared).toEqual({ id: expect.stringMatching(/^url-/), namespace: pa, kind: "publication" });
      expect(await evidenceOf(pb)).toEqual([{ sid: shared!.id, exists: true }]);

      // pa's dataset Source only: the publication is still cited by pb's claim.
      expect(await imports().deleteNamespace(pa)).toMatchObject({ namespace: pa, sourcesDeleted: 1 });
      expect(await publication()).toEqual({ id: shared!.id, namespace: pb, kind: "publication" });
      expect(await evidenceOf(pb)).toEqual([{ sid: shared!.id, exists: true }]);
      expect(await evidenceOf(pa)).toEqual([]);

      // pb's dataset Source and the publication, which nothing cites any more.
      expect(await imports().deleteNamespace(pb)).toMatchObject({ namespace: pb, sourcesDeleted: 2 });
      expect(await publication()).toBeUndefined();
      expect(await imports().deleteNamespace(pb)).toMatchObject({ relationshipsDeleted: 0, nodesDeleted: 0, sourcesDeleted: 0 });
    });
  });
});
