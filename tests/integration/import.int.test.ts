import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "../../dist/src/db/run.js";
import { QueryTooCostlyError } from "../../dist/src/errors.js";
import { runImport } from "../../dist/src/import/importer.js";
import { signToken } from "../../dist/src/auth/auth.service.js";
import { testToken } from "../helpers/auth.js";
import { useTestServer } from "../helpers/test-app.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "import");
const FTM_SAMPLE = join(import.meta.dirname, "..", "..", "..", "shared", "data", "ftm-sample.jsonl");
const CLI = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");
const fixture = (name: string) => join(FIXTURES, name);
const byLine = (summary: { rejects: readonly { line: number; code: string }[] }) =>
  [...summary.rejects].sort((a, b) => a.line - b.line).map((r) => [r.line, r.code]);

describe("actorgraph import", () => {
  const server = useTestServer();
  const ns = `it-${Date.now().toString(36)}`;
  const tmp = mkdtempSync(join(tmpdir(), "actorgraph-import-test-"));
  let seedCounts: { nodes: number; relationships: number };

  const imports = () => server().app.imports;
  const cypher = async (statement: string, params: Record<string, unknown> = {}) =>
    (await server().app.driver.executeQuery(statement, params)).records.map((r) => r.toObject());
  const run = (format: "ftm" | "customs" | "claims", path: string, extra: Record<string, unknown> = {}) =>
    imports().importFile({ format, path, namespace: ns, rejectsFile: join(tmp, `${format}.rejects.jsonl`), ...extra });

  beforeAll(async () => {
    seedCounts = await server().app.admin.counts();
  });
  afterAll(async () => {
    // Every namespace a test below imports into: the seed's counts must be back after.
    const suffixes = [
      "",
      "-x",
      "-agg",
      "-cap",
      "-pk",
      "-pk-re",
      "-eq-packed",
      "-eq-general",
      "-ent",
      "-split",
      "-whole",
      "-refused",
      "-idem",
      "-idem2",
      "-idem3",
      "-dup",
      "-dup2",
      "-ftmid",
      "-idemagg",
      "-adv",
      "-loop",
      "-rj",
      "-keep",
      "-rl",
      "-asof",
      "-fresh",
      "-nocon",
      "-rev",
    ];
    for (const suffix of suffixes) await imports().deleteNamespace(`${ns}${suffix}`);
    expect(await server().app.admin.counts()).toEqual(seedCounts);
  });

  describe("FollowTheMoney", () => {
    it("maps things to nodes, links to relationships and countries to the seed's Country nodes", async () => {
      const summary = await run("ftm", FTM_SAMPLE);
      expect(summary).toMatchObject({ read: 16, rejected: 0, dryRun: false });
      expect(summary.created).toBeGreaterThan(30);
      const [vector] = await cypher("MATCH (n:Entity {id: $id}) RETURN n.kind AS kind, n.topics AS topics, n.aliases AS aliases", {
        id: `${ns}:syn-co-vector`,
      });
      expect(vector).toMatchObject({ kind: "Company", topics: ["sanction"] });
      const rels = await cypher(
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH $p OR b.id STARTS WITH $p RETURN DISTINCT type(r) AS type ORDER BY type",
        { p: `${ns}:` },
      );
      expect(rels.map((r) => r.type)).toEqual(
        expect.arrayContaining(["OWNS", "DIRECTS", "REPRESENTS", "PAID", "RELATED_TO", "SUBJECT_TO", "SUPPLIED", "PARTICIPATED_IN", "BASED_IN"]),
      );
      const [ru] = await cypher("MATCH (c:Entity {id: 'country-ru'}) RETURN c.name AS name, c.description AS description");
      expect(ru?.name).toBe("Russia");
      expect(ru?.description).toMatch(/Russian Federation/);
      const sanctioned = await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $p AND 'sanction' IN n.topics RETURN n.id AS id ORDER BY id", { p: `${ns}:` });
      expect(sanctioned.map((r) => r.id)).toEqual([`${ns}:NK-2GdmHtZTeNXjNVrBGEXZNj`, `${ns}:syn-co-vector`]);
    });

    it("puts every multilingual name and alias into the full-text index", async () => {
      for (const text of ["深圳天际无人机配件有限公司", "Интер Тобако", "Вектор Импорт"]) {
        const res = await server().gql(`query($text: String!) { search(text: $text, limit: 50) { id } }`, { text });
        expect(res.data.search.map((e: { id: string }) => e.id).some((id: string) => id.startsWith(`${ns}:`))).toBe(true);
      }
    });

    it("records a dataset Source linked to what it provided, and cites it as evidence", async () => {
      const [source] = await cypher(
        "MATCH (s:Source {namespace: $ns, format: 'ftm'}) RETURN s.fileHash AS hash, s.kind AS kind, s.importedAt IS NOT NULL AS dated, COUNT { (s)-[:PROVIDED]->() } AS provided",
        { ns },
      );
      expect(source).toMatchObject({ kind: "dataset", dated: true });
      expect(String(source?.hash)).toMatch(/^[0-9a-f]{64}$/);
      expect(Number(source?.provided)).toBeGreaterThan(10);
      const res = await server().gql(`query($id: ID!) { entity(id: $id) { relationships(limit: 50) { type evidence { quote start end source { id } } } } }`, {
        id: `${ns}:syn-co-vector`,
      });
      const paid = res.data.entity.relationships.find((r: { type: string }) => r.type === "PAID");
      expect(paid.evidence[0]).toMatchObject({ start: 14, end: 14, source: { id: expect.stringContaining(`${ns}:dataset-ftm-`) } });
      expect(paid.evidence[0].quote).toContain("syn-pay-1");
    });

    it("changes no count when the same file is imported again", async () => {
      const before = await server().app.admin.counts();
      const summary = await run("ftm", FTM_SAMPLE);
      expect(summary.created).toBe(0);
      expect(summary.merged).toBeGreaterThan(0);
      expect(await server().app.admin.counts()).toEqual(before);
    });

    it("skips bad records with their line numbers and reasons, and writes the good ones", async () => {
      const summary = await run("ftm", fixture("ftm-bad.jsonl"), { batchSize: 2 });
      expect(byLine(summary)).toEqual([
        [2, "MALFORMED_JSON"],
        [3, "UNKNOWN_SCHEMA"],
        [4, "CONFLICTING_SCHEMA"],
        [5, "INVALID_VALUE"],
        [7, "TRUNCATED_LINE"],
      ]);
      expect(summary).toMatchObject({ read: 7, rejected: 5 });
      const report = readFileSync(summary.rejectsFile!, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(report).toHaveLength(5);
      const names = await cypher("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.name AS name, n.kind AS kind ORDER BY name", {
        ids: [`${ns}:bad-ok-1`, `${ns}:bad-ok-2`],
      });
      expect(names).toEqual([
        { name: "Fine Company", kind: "Company" },
        { name: "Fine Person", kind: "Person" },
      ]);
    });

    it("rejects invalid UTF-8 and a 10 MB line by line number without buffering it", async () => {
      const file = join(tmp, "bytes.jsonl");
      const ok = (id: string) => Buffer.from(`{"id": "${id}", "schema": "Person", "properties": {"name": ["${id}"]}}\n`);
      writeFileSync(
        file,
        Buffer.concat([
          ok("bytes-1"),
          Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
          Buffer.from(`{"id": "big", "x": "${"x".repeat(10 * 1024 * 1024)}"}\n`),
          ok("bytes-2"),
        ]),
      );
      const summary = await run("ftm", file);
      expect(byLine(summary)).toEqual([
        [2, "INVALID_UTF8"],
        [3, "LINE_TOO_LONG"],
      ]);
      expect(summary.read).toBe(4);
    });

    it("stops at the first bad record under --strict and writes nothing of its batch", async () => {
      await expect(
        imports().importFile({ format: "ftm", path: fixture("ftm-bad.jsonl"), namespace: `${ns}-x`, strict: true, rejectsFile: null }),
      ).rejects.toThrow(/line 2/);
      expect(await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id", { p: `${ns}-x:` })).toEqual([]);
    });

    it("validates and reports without writing under --dry-run", async () => {
      const before = await server().app.admin.counts();
      const summary = await imports().importFile({ format: "ftm", path: FTM_SAMPLE, namespace: `${ns}-x`, dryRun: true, rejectsFile: null });
      expect(summary).toMatchObject({ dryRun: true, read: 16, rejected: 0, created: 0 });
      expect(await server().app.admin.counts()).toEqual(before);
    });
  });

  describe("customs declarations", () => {
    it("builds shipment chains that reach a sanctioned FtM entity, with transit countries off the route", async () => {
      const summary = await run("customs", fixture("customs-good.csv"));
      expect(summary).toMatchObject({ read: 2, rejected: 0 });
      const res = await server().gql(
        `query($from: ID!, $to: ID!) { routes(from: $from, to: $to) { routes { summary hops { to { id topics } relationship { type goods } } } } }`,
        {
          from: `${ns}:party-cn-hangzhou-example-drone-works`,
          to: `${ns}:syn-co-vector`,
        },
      );
      expect(res.errors).toBeUndefined();
      const [best] = res.data.routes.routes;
      expect(best.hops.map((h: { to: { id: string } }) => h.to.id)).toEqual([`${ns}:syn-co-goldenbridge`, `${ns}:syn-co-vector`]);
      expect(best.hops[1].relationship.goods).toContain("HS 880622");
      expect(best.hops[1].to.topics).toEqual(["sanction"]);
      const [shipment] = await cypher(
        "MATCH ()-[r:SUPPLIED]->(:Entity {id: $to}) WHERE r.hsCode = '880622' RETURN r.via AS via, r.amount AS amount, r.currency AS currency",
        { to: `${ns}:syn-co-vector` },
      );
      expect(shipment).toEqual({ via: ["KZ"], amount: 96000, currency: "USD" });
      // The batch was first written speculatively, then rolled back when resolution linked the
      // parties, and written again: no trace of the parties' own nodes is left.
      expect(
        await cypher("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id", {
          ids: [`${ns}:party-hk-golden-bridge-trading-limited`, `${ns}:party-ru-ooo-vector-import`],
        }),
      ).toEqual([]);
      expect(summary.created).toBe(5);
    });

    it("reads differently named headers through a column mapping", async () => {
      const summary = await run("customs", fixture("customs-renamed.csv"), { columnsFile: fixture("customs-columns.json") });
      expect(summary).toMatchObject({ read: 1, rejected: 0 });
      expect(await cypher("MATCH (a:Entity {id: $a})-[r:SUPPLIED]->(b:Entity) RETURN b.name AS name", { a: `${ns}:syn-co-goldenbridge` })).toContainEqual({
        name: "Example Air Parts Ltd",
      });
    });

    it("refuses a file that lacks required columns and writes nothing", async () => {
      await expect(run("customs", fixture("customs-missing-columns.csv"))).rejects.toMatchObject({
        code: "MISSING_COLUMNS",
        message: expect.stringContaining("exporter_country"),
      });
    });

    it("rejects bad rows by line, including a file that ends mid-row", async () => {
      const summary = await run("customs", fixture("customs-bad-rows.csv"));
      // Line 3's date (2023-02-30) does not exist: rejected with its line, not left to fail the batch in Cypher's date().
      expect(byLine(summary)).toEqual([
        [3, "INVALID_VALUE"],
        [4, "INVALID_VALUE"],
        [5, "INVALID_VALUE"],
        [6, "MALFORMED_CSV"],
        [7, "TRUNCATED_LINE"],
      ]);
      expect(summary.rejects.find((r) => r.line === 3)!.reason).toContain("2023-02-30");
      expect(summary.read).toBe(6);
    });

    it("changes no count when imported again", async () => {
      const before = await server().app.admin.counts();
      expect((await run("customs", fixture("customs-good.csv"))).created).toBe(0);
      expect(await server().app.admin.counts()).toEqual(before);
    });
  });

  describe("new relationships written whole (import-create-relationships.cypher)", () => {
    const pk = `${ns}-pk`;
    const header =
      "date,exporter_name,exporter_country,importer_name,importer_country,manufacturer_name,manufacturer_country,transit_countries,hs_code,goods_description,quantity,value,currency,record_id,source\n";
    // The same declaration twice but for its record id and description; the second description
    // holds U+001F, which a packed row cannot carry, so that row goes through the general query.
    const row = (id: string, goods: string) =>
      `2023-04-05,Packtest Export Ltd,hk,Packtest Buyer OOO,ru,Packtest Maker Co,cn,kz;am,880622,${goods},12,3456.5,usd,${id},packtest\n`;
    const file = join(tmp, "packed.csv");
    writeFileSync(file, header + row("PK-1", "Quadcopters") + row("PK-2", "Quadcopters \u001f spare"));
    const supplied = async (recordId: string) =>
      (
        await cypher(
          `MATCH ()-[r:SUPPLIED {recordId: $recordId, leg: 'exporter-importer'}]->() WHERE r.note CONTAINS 'packtest'
         WITH r, [k IN keys(r) WHERE NOT k IN ['id', 'recordId', 'goods', 'note', 'evidenceQuotes', 'evidenceStarts', 'evidenceEnds', 'statementLastLines']] AS ks
         RETURN [k IN ks | [k, valueType(r[k]), CASE WHEN valueType(r[k]) STARTS WITH 'LIST' THEN reduce(t = '', v IN r[k] | t + '[' + toString(v) + ']') ELSE toString(r[k]) END]] AS props, r.statementSourceIds AS datasets, [v IN r.statementCounts | toFloat(v)] AS counts`,
          { recordId },
        )
      )[0] as { props: string[][]; datasets: string[]; counts: number[] } | undefined;

    it("writes the same properties, with the same types, as the general query", async () => {
      const bets: string[] = [];
      const summary = await run("customs", file, { namespace: pk, onProgress: (p: { batch: { freshSupplied: string } }) => bets.push(p.batch.freshSupplied) });
      expect(summary).toMatchObject({ read: 2, rejected: 0 });
      // PK-1 went through the CREATE-only fast path (import-create-new-supplied.cypher).
      expect(bets).toEqual(["won"]);
      const packed = await supplied("PK-1");
      const general = await supplied("PK-2");
      expect(packed!.props.length).toBeGreaterThan(15);
      expect(packed!.props.map(([k, t]) => [k, t]).sort()).toEqual(general!.props.map(([k, t]) => [k, t]).sort());
      expect(Object.fromEntries(packed!.props.map(([k, t, v]) => [k, `${t} ${v}`]))).toMatchObject({
        quantity: "FLOAT NOT NULL 12.0",
        amount: "FLOAT NOT NULL 3456.5",
        currency: "STRING NOT NULL USD",
        validFrom: "DATE NOT NULL 2023-04-05",
        firstSeen: "DATE NOT NULL 2023-04-05",
        statementCount: "INTEGER NOT NULL 1",
        via: "LIST<STRING NOT NULL> NOT NULL [KZ][AM]",
        confidence: "FLOAT NOT NULL 0.8",
      });
    });

    it("writes a first import's new SUPPLIED by CREATE, and a batch again without that bet when one of its ids is stored", async () => {
      // Batches of one row: the second repeats the first's declaration (same record id and
      // parties), so its CREATE meets the stored id; the rest of the file goes without the bet.
      // The repeat is counted, as the general query counts it, and its quote, the same text from
      // the same dataset, is not cited twice.
      const fresh = join(tmp, "fresh.csv");
      writeFileSync(fresh, header + row("FR-1", "Quadcopters") + row("FR-1", "Quadcopters") + row("FR-2", "Quadcopters"));
      const bets: string[] = [];
      const summary = await run("customs", fresh, {
        namespace: `${ns}-fresh`,
        batchSize: 1,
        onProgress: (p: { batch: { freshSupplied: string } }) => bets.push(p.batch.freshSupplied),
      });
      expect(summary).toMatchObject({ read: 3, rejected: 0 });
      expect(bets).toEqual(["won", "lost", "none"]);
      const stored = await cypher(
        `MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $prefix
         RETURN r.recordId AS record, r.leg AS leg, toFloat(r.statementCount) AS count, [v IN r.statementCounts | toFloat(v)] AS counts,
                [v IN r.evidenceStarts | toFloat(v)] AS evidenceLines, [v IN r.statementLastLines | toFloat(v)] AS lastLines ORDER BY record, leg`,
        { prefix: `${ns}-fresh:` },
      );
      expect(stored).toEqual([
        { record: "FR-1", leg: "exporter-importer", count: 2, counts: [2], evidenceLines: [2], lastLines: [3] },
        { record: "FR-1", leg: "manufacturer-exporter", count: 2, counts: [2], evidenceLines: [2], lastLines: [3] },
        { record: "FR-2", leg: "exporter-importer", count: 1, counts: [1], evidenceLines: [4], lastLines: [4] },
        { record: "FR-2", leg: "manufacturer-exporter", count: 1, counts: [1], evidenceLines: [4], lastLines: [4] },
      ]);
      // A re-import of the file makes no bet and changes nothing.
      const again: string[] = [];
      const second = await run("customs", fresh, {
        namespace: `${ns}-fresh`,
        batchSize: 1,
        onProgress: (p: { batch: { freshSupplied: string } }) => again.push(p.batch.freshSupplied),
      });
      expect(second.created).toBe(0);
      expect(again).toEqual(["none", "none", "none"]);
      expect(
        await cypher("MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $prefix RETURN toFloat(sum(r.statementCount)) AS n", { prefix: `${ns}-fresh:` }),
      ).toEqual([{ n: 6 }]);
    });

    it("makes no such bet on a graph without the SUPPLIED id constraint, which alone would refuse a stored id", async () => {
      const unconstrained = join(tmp, "no-constraint.csv");
      writeFileSync(unconstrained, header + row("NC-1", "Quadcopters") + row("NC-1", "Quadcopters") + row("NC-2", "Quadcopters"));
      const bets: string[] = [];
      await cypher("DROP CONSTRAINT rel_supplied_id");
      try {
        const summary = await run("customs", unconstrained, {
          namespace: `${ns}-nocon`,
          batchSize: 1,
          onProgress: (p: { batch: { freshSupplied: string } }) => bets.push(p.batch.freshSupplied),
        });
        expect(summary).toMatchObject({ read: 3, rejected: 0 });
      } finally {
        await cypher("CREATE CONSTRAINT rel_supplied_id IF NOT EXISTS FOR ()-[r:SUPPLIED]-() REQUIRE r.id IS UNIQUE");
      }
      expect(bets).toEqual(["none", "none", "none"]);
      // The repeat restated its declaration's two SUPPLIED instead of creating them again.
      const stored = await cypher(
        "MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $prefix RETURN r.recordId AS record, toFloat(r.statementCount) AS count ORDER BY record, r.leg",
        { prefix: `${ns}-nocon:` },
      );
      expect(stored).toEqual([
        { record: "NC-1", count: 2 },
        { record: "NC-1", count: 2 },
        { record: "NC-2", count: 1 },
        { record: "NC-2", count: 1 },
      ]);
    });

    it("counts a declaration that a second file restates for both datasets", async () => {
      const copy = join(tmp, "packed-copy.csv");
      writeFileSync(copy, header + row("PK-1", "Quadcopters"));
      const bets: string[] = [];
      expect(
        (await run("customs", copy, { namespace: pk, onProgress: (p: { batch: { freshSupplied: string } }) => bets.push(p.batch.freshSupplied) })).created,
      ).toBe(0);
      // The bet on a new file lost on PK-1, stored by the first file; written again without it.
      expect(bets).toEqual(["lost"]);
      const restated = await supplied("PK-1");
      expect(restated!.datasets).toHaveLength(2);
      expect(restated!.counts).toEqual([1, 1]);
    });

    it("merges a relationship it finds stored as the general query would: a re-import with another column mapping, or one without statement bookkeeping", async () => {
      const ns2 = `${pk}-re`;
      const file2 = join(tmp, "remap.csv");
      writeFileSync(
        file2,
        "date,date2,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,cur2,record_id,source\n2022-01-01,2023-06-30,Remap Exp,hk,Remap Imp,ru,8806,desc,10,usd,,RM-1,remap\n",
      );
      const mapping = join(tmp, "remap-columns.json");
      writeFileSync(mapping, JSON.stringify({ date: "date2", currency: "cur2" }));
      const shipment = async () =>
        (
          await cypher(
            "MATCH ()-[r:SUPPLIED {recordId: 'RM-1'}]->() WHERE r.id STARTS WITH $prefix RETURN toString(r.validFrom) AS validFrom, r.currency AS currency, toFloat(r.statementCount) AS count, toFloat(size(r.statementSourceIds)) AS datasets",
            { prefix: `${ns2}:` },
          )
        )[0];
      await run("customs", file2, { namespace: ns2 });
      expect(await shipment()).toEqual({ validFrom: "2022-01-01", currency: "USD", count: 1, datasets: 1 });
      // Same file (same dataset), other mapping: the general query sets the new values and counts nothing twice.
      await run("customs", file2, { namespace: ns2, columnsFile: mapping });
      expect(await shipment()).toEqual({ validFrom: "2023-06-30", currency: null, count: 1, datasets: 1 });
      // Stored without statement bookkeeping and with FLOAT offsets (as an older version wrote it): counted again, not skipped, and the offsets made INTEGERs as the general query makes them.
      await cypher(
        "MATCH ()-[r:SUPPLIED {recordId: 'RM-1'}]->() WHERE r.id STARTS WITH $prefix REMOVE r.statementSourceIds, r.statementCounts, r.statementLastLines, r.statementCount SET r.evidenceStarts = [v IN r.evidenceStarts | toFloat(v)], r.evidenceEnds = [v IN r.evidenceEnds | toFloat(v)]",
        { prefix: `${ns2}:` },
      );
      await run("customs", file2, { namespace: ns2 });
      expect(await shipment()).toMatchObject({ validFrom: "2022-01-01", count: 1, datasets: 1 });
      const [offsets] = await cypher(
        "MATCH ()-[r:SUPPLIED {recordId: 'RM-1'}]->() WHERE r.id STARTS WITH $prefix RETURN valueType(r.evidenceStarts) AS starts, valueType(r.evidenceEnds) AS ends",
        { prefix: `${ns2}:` },
      );
      expect(offsets).toEqual({ starts: "LIST<INTEGER NOT NULL> NOT NULL", ends: "LIST<INTEGER NOT NULL> NOT NULL" });
    });
  });

  describe("entities written from packed rows (import-merge-entities-packed.cypher)", () => {
    it("stores the same properties, with the same types, as the map query, and merges a second file's aliases and topics", async () => {
      const eq = `${ns}-ent`;
      const entity = (id: string, alias: string, extra: Record<string, string[]> = {}) =>
        JSON.stringify({
          id,
          schema: "Company",
          properties: {
            name: [`Pack ${id}`, `Пак ${id}`],
            alias: [alias],
            country: ["ru"],
            topics: ["sanction"],
            registrationNumber: ["77-1"],
            notes: ["first"],
            ...extra,
          },
        });
      // The second alias holds U+001F, which no packed row carries: that entity goes through the map query.
      const file = join(tmp, "entities-packed.jsonl");
      writeFileSync(file, `${entity("ent-a", "Alias A")}\n${entity("ent-b", "Alias \u001f B")}\n`);
      expect(await run("ftm", file, { namespace: eq })).toMatchObject({ read: 2, rejected: 0 });
      const props = async (id: string) =>
        (
          await cypher(
            `MATCH (n:Entity {id: $id}) RETURN [k IN keys(n) WHERE NOT k IN ['id', 'name', 'aliases', 'names'] | [k, valueType(n[k]), CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN reduce(t = '', v IN n[k] | t + '[' + toString(v) + ']') ELSE toString(n[k]) END]] AS props, n.name AS name, n.aliases AS aliases, n.topics AS topics`,
            { id: `${eq}:${id}` },
          )
        )[0] as { props: string[][]; name: string; aliases: string[]; topics: string[] };
      const a = await props("ent-a");
      const b = await props("ent-b");
      expect(a.props.length).toBeGreaterThan(6);
      expect(a.props.map(([k, t]) => [k, t]).sort()).toEqual(b.props.map(([k, t]) => [k, t]).sort());
      // Values too, but for those naming the entity itself.
      const own = ["ftmId", "ftm_alias", "ftm_name", "latinNames", "nameKey", "aliasKeys"];
      expect(a.props.filter(([k]) => !own.includes(k!)).sort()).toEqual(b.props.filter(([k]) => !own.includes(k!)).sort());
      expect(a).toMatchObject({ name: "Pack ent-a", aliases: ["Пак ent-a", "Alias A"], topics: ["sanction"] });
      // A second file restating ent-a (packed) with another alias, topic and notes: the ftm_ lists are unioned (FtM merges fragments so), the description takes the newer notes.
      const again = join(tmp, "entities-packed-2.jsonl");
      writeFileSync(again, `${entity("ent-a", "Alias A2", { topics: ["sanction", "debarment"], notes: ["second"] })}\n`);
      await run("ftm", again, { namespace: eq });
      const restated = await props("ent-a");
      expect(restated).toMatchObject({ name: "Pack ent-a", aliases: ["Пак ent-a", "Alias A", "Alias A2"], topics: ["sanction", "debarment"] });
      expect(Object.fromEntries(restated.props.map(([k, , v]) => [k, v]))).toMatchObject({
        description: "second",
        ftm_notes: "[first][second]",
        ftm_alias: "[Alias A][Alias A2]",
      });
    });
  });

  describe("customs parties resolved to one entity", () => {
    it("rejects a declaration whose exporter and importer resolve to one entity, instead of writing a SUPPLIED from it to itself", async () => {
      const rl = `${ns}-rl`;
      const ftm = join(tmp, "rl.jsonl");
      writeFileSync(ftm, `${JSON.stringify({ id: "alpha", schema: "Company", properties: { name: ["Alpha Loop Co"], country: ["cn"] } })}\n`);
      const csv = join(tmp, "rl.csv");
      // Line 2: the importer has no country, so the two are two parties until both resolve to alpha.
      writeFileSync(
        csv,
        "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,record_id,source\n2023-01-01,Alpha Loop Co,cn,Alpha Loop Co,,880622,RL-1,rl\n2023-01-02,Alpha Loop Co,cn,Beta Loop LLC,ru,880622,RL-2,rl\n",
      );
      await run("ftm", ftm, { namespace: rl });
      const summary = await run("customs", csv, { namespace: rl });
      expect(summary).toMatchObject({ read: 2, rejected: 1 });
      expect(summary.rejects[0]).toMatchObject({ line: 2, code: "INVALID_VALUE", reason: expect.stringContaining(`both resolve to the entity "${rl}:alpha"`) });
      const rows = await cypher("MATCH (a:Entity)-[r:SUPPLIED]->(b:Entity) WHERE r.id STARTS WITH $p RETURN a.id AS from, b.id AS to, r.recordId AS record", {
        p: `${rl}:`,
      });
      expect(rows).toEqual([{ from: `${rl}:alpha`, to: `${rl}:party-ru-beta-loop-llc`, record: "RL-2" }]);
    });
  });

  describe("FtM entities restated by a later file", () => {
    it("keep what the later file does not state, and a more specific schema, as FtM's merge does", async () => {
      const keep = `${ns}-keep`;
      const first = join(tmp, "keep-1.jsonl");
      const second = join(tmp, "keep-2.jsonl");
      const third = join(tmp, "keep-3.jsonl");
      writeFileSync(
        first,
        `${JSON.stringify({ id: "keep-co", schema: "Company", properties: { name: ["Keep Co"], notes: ["Makes flight controllers"], jurisdiction: ["cn"], incorporationDate: ["2015-04-01"] } })}\n`,
      );
      // Fewer properties and the parent schema: once erased the description, country and date, and made the Company a LegalEntity.
      writeFileSync(second, `${JSON.stringify({ id: "keep-co", schema: "LegalEntity", properties: { name: ["Keep Co"], alias: ["KC"] } })}\n`);
      // Both versions in one batch, the Company first.
      writeFileSync(
        third,
        `${JSON.stringify({ id: "keep-co2", schema: "Company", properties: { name: ["Keep Two"] } })}\n${JSON.stringify({ id: "keep-co2", schema: "LegalEntity", properties: { name: ["Keep Two"] } })}\n`,
      );
      for (const file of [first, second, third]) expect(await run("ftm", file, { namespace: keep })).toMatchObject({ rejected: 0 });
      const rows = await cypher(
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.ftmSchema AS schema, n.kind AS kind, n.description AS description, n.country AS country, toString(n.date) AS date, n.aliases AS aliases ORDER BY id",
        { ids: [`${keep}:keep-co`, `${keep}:keep-co2`] },
      );
      expect(rows).toEqual([
        {
          id: `${keep}:keep-co`,
          schema: "Company",
          kind: "Company",
          description: "Makes flight controllers",
          country: "CN",
          date: "2015-04-01",
          aliases: ["KC"],
        },
        { id: `${keep}:keep-co2`, schema: "Company", kind: "Company", description: null, country: null, date: null, aliases: [] },
      ]);
    });
  });

  describe("stored relationships restated from packed rows (import-create-relationships.cypher)", () => {
    const header = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,record_id,source\n";
    // A hub exporter restated by every row, importers restated by a few, across batches of 3 (so the evidence cap falls inside one);
    // the same rows with U+001F in the description, which no packed row can carry, go through
    // the general query instead. Dates out of order, so firstSeen/lastSeen move both ways.
    const rows = (from: number, count: number, source: string, mark: string) =>
      Array.from({ length: count }, (_, i) => {
        const n = from + i;
        return `2023-${String(((n * 7) % 12) + 1).padStart(2, "0")}-${String(((n * 11) % 28) + 1).padStart(2, "0")},Eqtest Hub Ltd,hk,Eqtest Buyer ${n % 5} OOO,ru,880622,Quad${mark}copters ${n},${100 + n},usd,EQ-${n},${source}\n`;
      }).join("");
    const state = async (namespace: string) =>
      await cypher(
        `MATCH ()-[r:BASED_IN]->() WHERE r.id STARTS WITH $prefix
         RETURN substring(r.id, size($prefix)) AS id, r.status AS status, r.confidence AS confidence, toFloat(r.statementCount) AS count,
                [c IN r.statementCounts | toFloat(c)] AS perDataset, [l IN r.statementLastLines | toFloat(l)] AS lastLines,
                toString(r.firstSeen) AS firstSeen, toString(r.lastSeen) AS lastSeen, valueType(r.evidenceStarts) AS startsType,
                [i IN range(0, size(r.evidenceQuotes) - 1) | [replace(r.evidenceQuotes[i], $mark, ''), toString(r.evidenceStarts[i]), toString(r.evidenceEnds[i]),
                  toString([j IN range(0, size(r.statementSourceIds) - 1) WHERE r.statementSourceIds[j] = r.evidenceSourceIds[i]][0])]] AS evidence
         ORDER BY id`,
        { prefix: `${namespace}:`, mark: "\u001f" },
      );

    it("ends in the same state as the general query: counts, watermarks, dates and capped evidence, for one dataset and a second", async () => {
      const packed = `${ns}-eq-packed`;
      const general = `${ns}-eq-general`;
      for (const [namespace, mark] of [
        [packed, ""],
        [general, "\u001f"],
      ] as const) {
        const first = join(tmp, `eq-1${mark ? "-general" : ""}.csv`);
        const second = join(tmp, `eq-2${mark ? "-general" : ""}.csv`);
        writeFileSync(first, header + rows(0, 26, "first", mark));
        writeFileSync(second, header + rows(50, 6, "second", mark));
        expect(await run("customs", first, { namespace, batchSize: 3 })).toMatchObject({ read: 26, rejected: 0 });
        expect(await run("customs", second, { namespace, batchSize: 3 })).toMatchObject({ read: 6, rejected: 0 });
      }
      const a = await state(packed);
      const b = await state(general);
      expect(a.map((r) => r.id)).toEqual([
        "party-hk-eqtest-hub-ltd>BASED_IN>country-hk",
        ...[0, 1, 2, 3, 4].map((i) => `party-ru-eqtest-buyer-${i}-ooo>BASED_IN>country-ru`),
      ]);
      expect(a).toEqual(b);
      const hub = a[0]!;
      expect(hub).toMatchObject({ count: 32, perDataset: [26, 6], lastLines: [27, 7], startsType: "LIST<INTEGER NOT NULL> NOT NULL" });
      // 20 from the first dataset, then the first of the second one past the cap.
      expect((hub.evidence as string[][]).map((e) => e[3])).toEqual([...Array(20).fill("0"), "1"]);
      expect(a[1]).toMatchObject({ count: 8, perDataset: [6, 2] });
    });
  });

  describe("a re-import whose party resolution differs from the first import's", () => {
    it("keeps a stored SUPPLIED between its stored endpoints and changes nothing", async () => {
      // One batch: when the first import resolves parties, the countried "Idemtest Acme" is not
      // in the graph yet, so the country-less one keeps its own node (party-xx-…). The second
      // import resolves it to the countried one, which would move the stored SUPPLIED IDEM-2 to
      // other endpoints: its id constraint failed the batch, and the import, before.
      const file = join(tmp, "idem.csv");
      writeFileSync(
        file,
        "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,record_id,source\n" +
          "2023-01-01,Idemtest Acme Trading,cn,Idemtest Buyer One,ru,880622,Quadcopters,100,usd,IDEM-1,idem test\n" +
          "2023-01-02,Idemtest Acme Trading,,Idemtest Buyer Two,ru,880622,Quadcopters,200,usd,IDEM-2,idem test\n",
      );
      const graph = async () =>
        cypher(
          `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
           OPTIONAL MATCH (n)-[r]->(m)
           WITH n, r, m ORDER BY n.id, type(r), r.id
           RETURN n.id AS id, properties(n) AS props, collect([type(r), r.id, m.id, toString(r.statementCount), r.evidenceQuotes, toString(r.lastSeen)]) AS out
           ORDER BY id`,
          { prefix: `${ns}-idem:` },
        );
      const first = await run("customs", file, { namespace: `${ns}-idem` });
      expect(first).toMatchObject({ read: 2, rejected: 0 });
      const before = await graph();
      const [idem2] = await cypher("MATCH (a)-[r:SUPPLIED]->() WHERE r.id STARTS WITH $prefix AND r.recordId = 'IDEM-2' RETURN a.id AS start", {
        prefix: `${ns}-idem:`,
      });
      expect(idem2).toEqual({ start: `${ns}-idem:party-xx-idemtest-acme-trading` });
      const again = await run("customs", file, { namespace: `${ns}-idem` });
      expect(again).toMatchObject({ read: 2, rejected: 0, created: 0 });
      expect(await graph()).toEqual(before);
    });
  });

  describe("a manufacturer that party resolution makes the exporter", () => {
    it("writes no SUPPLIED loop, as for a declaration that names one party as both", async () => {
      // The second file's manufacturer has no country, so it resolves to the exporter's node,
      // stored by the first file: its manufacturer → exporter hop would be a loop.
      const namespace = `${ns}-loop`;
      const prefix = `${namespace}:`;
      const header =
        "date,exporter_name,exporter_country,importer_name,importer_country,manufacturer_name,manufacturer_country,hs_code,goods_description,value,currency,record_id,source\n";
      const [first, second] = [join(tmp, "loop-1.csv"), join(tmp, "loop-2.csv")] as const;
      writeFileSync(first, header + "2023-01-01,Looptest Acme,cn,Looptest Buyer,ru,,,880622,Quadcopters,100,usd,LOOP-1,loop test\n");
      writeFileSync(second, header + "2023-01-02,Looptest Acme,cn,Looptest Buyer,ru,Looptest Acme,,880622,Quadcopters,200,usd,LOOP-2,loop test\n");
      expect(await run("customs", first, { namespace })).toMatchObject({ read: 1, rejected: 0 });
      expect(await run("customs", second, { namespace })).toMatchObject({ read: 1, rejected: 0 });
      expect(
        await cypher(
          "MATCH (a)-[r:SUPPLIED]->(b) WHERE r.id STARTS WITH $prefix RETURN r.recordId AS record, r.leg AS leg, a.id AS start, b.id AS end ORDER BY record, leg",
          { prefix },
        ),
      ).toEqual(
        ["LOOP-1", "LOOP-2"].map((record) => ({
          record,
          leg: "exporter-importer",
          start: `${prefix}party-cn-looptest-acme`,
          end: `${prefix}party-ru-looptest-buyer`,
        })),
      );
      expect(await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id ORDER BY id", { prefix })).toEqual([
        { id: `${prefix}party-cn-looptest-acme` },
        { id: `${prefix}party-ru-looptest-buyer` },
      ]);
    });
  });

  describe("stored relationship ids between other endpoints", () => {
    const header = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,record_id,source\n";
    const namespaceGraph = async (namespace: string) => ({
      nodes: await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id ORDER BY id", { prefix: `${namespace}:` }),
      supplied: await cypher(
        "MATCH (a)-[r:SUPPLIED]->(b) WHERE r.id STARTS WITH $prefix RETURN r.recordId AS record, a.id AS start, b.id AS end, toFloat(r.statementCount) AS statements, r.hsCode AS hs ORDER BY record",
        { prefix: `${namespace}:` },
      ),
    });

    /**
     * Three customs files naming "<name> Acme": a, two declarations without its country
     * (record ids <record>-A1/A2); b, one from France (<record>-B1); c, one from Britain
     * (<record>-C1). Imported b, a, c: a links to the French one, which c then makes ambiguous.
     */
    const namesakeFiles = (name: string, record: string): [string, string, string] => {
      const [a, b, c] = ["a", "b", "c"].map((n) => join(tmp, `${record.toLowerCase()}-${n}.csv`)) as [string, string, string];
      const source = `${name.toLowerCase()} source`;
      writeFileSync(b, header + `2023-02-01,${name} Acme,fr,${name} Delta,ru,880699,Parts,10,usd,${record}-B1,${source}\n`);
      writeFileSync(
        a,
        header +
          `2023-01-01,${name} Acme,,${name} Beta,de,880622,Quadcopters,100,usd,${record}-A1,${source}\n2023-01-02,${name} Acme,,${name} Gamma,ru,880622,Quadcopters,50,usd,${record}-A2,${source}\n`,
      );
      writeFileSync(c, header + `2023-03-01,${name} Acme,gb,${name} Eps,ru,880699,Parts,10,usd,${record}-C1,${source}\n`);
      return [a, b, c];
    };

    it("leaves no party node behind when a link the first import made is ambiguous at the re-import", async () => {
      // The country-less "Idemtwo Acme" links to the French one at first import; a British one
      // imported later makes the name ambiguous, so the re-import keeps the party's own id, and
      // the stored SUPPLIED stays on the French node: party-xx-… must not be written.
      const namespace = `${ns}-idem2`;
      const [a, b, c] = namesakeFiles("Idemtwo", "IDEM2");
      for (const file of [b, a, c]) expect(await run("customs", file, { namespace })).toMatchObject({ rejected: 0 });
      const before = await namespaceGraph(namespace);
      expect(before.supplied.filter((r) => String(r.record).startsWith("IDEM2-A")).map((r) => r.start)).toEqual([
        `${namespace}:party-fr-idemtwo-acme`,
        `${namespace}:party-fr-idemtwo-acme`,
      ]);
      expect(await run("customs", a, { namespace })).toMatchObject({ read: 2, rejected: 0, created: 0 });
      expect(await namespaceGraph(namespace)).toEqual(before);
    });

    it("resolves a party as the dataset's first import did, so an --aggregate re-import writes no shipment twice", async () => {
      // Aggregate ids are made of their endpoints, so a party resolved otherwise at the
      // re-import (the name became ambiguous) gave new aggregates and a second count of the same
      // shipments, next to a new party-xx node.
      const namespace = `${ns}-idemagg`;
      const [a, b, c] = namesakeFiles("Idemagg", "IDEMAGG");
      for (const file of [b, a, c]) expect(await run("customs", file, { namespace, aggregate: true })).toMatchObject({ rejected: 0 });
      const aggregates = () =>
        cypher(
          "MATCH (x)-[r:SUPPLIED {aggregate: true}]->(y) WHERE r.id STARTS WITH $prefix RETURN x.id AS start, y.id AS end, r.amount AS amount, toFloat(r.statementCount) AS statements ORDER BY start, end",
          {
            prefix: `${namespace}:`,
          },
        );
      const before = { aggregates: await aggregates(), nodes: (await namespaceGraph(namespace)).nodes };
      expect(before.aggregates.filter((r) => r.amount === 100 || r.amount === 50).map((r) => r.start)).toEqual([
        `${namespace}:party-fr-idemagg-acme`,
        `${namespace}:party-fr-idemagg-acme`,
      ]);
      expect(await run("customs", a, { namespace, aggregate: true })).toMatchObject({ read: 2, rejected: 0, created: 0 });
      expect({ aggregates: await aggregates(), nodes: (await namespaceGraph(namespace)).nodes }).toEqual(before);
    });

    it("keeps a party on its own node at an --aggregate re-import when a namesake imported since would now be its one match", async () => {
      const namespace = `${ns}-idemagg`;
      const y = join(tmp, "idemagg-y.csv");
      const z = join(tmp, "idemagg-z.jsonl");
      writeFileSync(y, header + "2023-04-01,Idemagg Omega,,Idemagg Beta,de,880622,Quadcopters,70,usd,IDEMAGG-Y1,idem agg y\n");
      // Reference data imported after the customs file: the one other entity of that name.
      writeFileSync(z, JSON.stringify({ id: "omega-co", schema: "Company", properties: { name: ["Idemagg Omega"], country: ["fr"] } }) + "\n");
      expect(await run("customs", y, { namespace, aggregate: true })).toMatchObject({ rejected: 0 });
      expect(await run("ftm", z, { namespace })).toMatchObject({ rejected: 0 });
      const omega = () =>
        cypher(
          "MATCH (x)-[r:SUPPLIED {aggregate: true}]->(y) WHERE x.name = 'Idemagg Omega' AND r.id STARTS WITH $prefix RETURN x.id AS start, y.id AS end, r.amount AS amount ORDER BY start, end",
          {
            prefix: `${namespace}:`,
          },
        );
      const before = await omega();
      expect(before).toEqual([{ start: `${namespace}:party-xx-idemagg-omega`, end: `${namespace}:party-de-idemagg-beta`, amount: 70 }]);
      expect(await run("customs", y, { namespace, aggregate: true })).toMatchObject({ read: 1, rejected: 0, created: 0 });
      expect(await omega()).toEqual(before);
    });

    it("rejects a record whose id is stored for another declaration, instead of moving its facts onto that one", async () => {
      const namespace = `${ns}-idem3`;
      const first = join(tmp, "idem3-1.csv");
      const second = join(tmp, "idem3-2.csv");
      writeFileSync(first, header + "2023-01-01,Idemthree Acme,de,Idemthree Beta,de,880622,Quadcopters,100,usd,G1,idem three\n");
      // Another declaration under the same record id and source, from another exporter.
      writeFileSync(
        second,
        header +
          "2023-01-01,Idemthree Omega,cn,Idemthree Beta,de,880699,Parts,999,usd,G1,idem three\n2023-01-02,Idemthree Omega,cn,Idemthree Beta,de,880699,Parts,5,usd,G2,idem three\n",
      );
      expect(await run("customs", first, { namespace })).toMatchObject({ rejected: 0 });
      const summary = await run("customs", second, { namespace });
      expect(summary).toMatchObject({ read: 2, rejected: 1 });
      expect(byLine(summary)).toEqual([[2, "CONFLICTING_ID"]]);
      expect(summary.rejects[0]?.reason).toMatch(/stored from "Idemthree Acme" to "Idemthree Beta"; this record states it from "Idemthree Omega"/);
      expect((await namespaceGraph(namespace)).supplied).toEqual([
        { record: "G1", start: `${namespace}:party-de-idemthree-acme`, end: `${namespace}:party-de-idemthree-beta`, statements: 1, hs: "880622" },
        { record: "G2", start: `${namespace}:party-cn-idemthree-omega`, end: `${namespace}:party-de-idemthree-beta`, statements: 1, hs: "880699" },
      ]);
      await expect(run("customs", second, { namespace: `${namespace}`, strict: true })).rejects.toMatchObject({ reject: { line: 2, code: "CONFLICTING_ID" } });
    });
  });

  describe("one relationship id stated twice between other endpoints", () => {
    // Before: the second statement failed the batch's whole transaction on the id constraint,
    // and the import stopped with Neo4j's message, losing the batch's valid records.
    const header = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,record_id,source\n";
    const supplied = (namespace: string) =>
      cypher(
        "MATCH (a)-[r:SUPPLIED]->(b) WHERE r.id STARTS WITH $prefix RETURN r.recordId AS record, a.id AS start, b.id AS end, toFloat(r.statementCount) AS statements, r.amount AS amount ORDER BY record, start",
        { prefix: `${namespace}:` },
      );
    const nodes = (namespace: string) => cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id ORDER BY id", { prefix: `${namespace}:` });

    it("rejects a customs declaration whose record id and source an earlier row of the same batch used for other parties", async () => {
      const namespace = `${ns}-dup`;
      const file = join(tmp, "dup.csv");
      writeFileSync(
        file,
        header +
          "2023-01-01,Dupe Acme,de,Dupe Beta,ru,880622,Quadcopters,100,usd,D1,dupes\n" +
          "2023-01-02,Dupe Omega,cn,Dupe Gamma,ru,880699,Parts,999,usd,D1,dupes\n" +
          "2023-01-03,Dupe Omega,cn,Dupe Beta,ru,880699,Parts,5,usd,D2,dupes\n",
      );
      const dry = await run("customs", file, { namespace, dryRun: true });
      expect(byLine(dry)).toEqual([[3, "CONFLICTING_ID"]]);
      expect(await nodes(namespace)).toEqual([]);
      const summary = await run("customs", file, { namespace });
      expect(summary).toMatchObject({ read: 3, rejected: 1 });
      expect(byLine(summary)).toEqual([[3, "CONFLICTING_ID"]]);
      expect(summary.rejects[0]?.reason).toMatch(
        /is stated at line 2 from "Dupe Acme" to "Dupe Beta"; this record states it from "Dupe Omega" to "Dupe Gamma"/,
      );
      const graph = { supplied: await supplied(namespace), nodes: await nodes(namespace) };
      expect(graph.supplied).toEqual([
        { record: "D1", start: `${namespace}:party-de-dupe-acme`, end: `${namespace}:party-ru-dupe-beta`, statements: 1, amount: 100 },
        { record: "D2", start: `${namespace}:party-cn-dupe-omega`, end: `${namespace}:party-ru-dupe-beta`, statements: 1, amount: 5 },
      ]);
      // Nothing of the rejected row: Dupe Gamma is named by no other row.
      expect(graph.nodes.map((n) => n.id)).toEqual([`${namespace}:party-cn-dupe-omega`, `${namespace}:party-de-dupe-acme`, `${namespace}:party-ru-dupe-beta`]);
      expect(await run("customs", file, { namespace })).toMatchObject({ read: 3, rejected: 1, created: 0 });
      expect({ supplied: await supplied(namespace), nodes: await nodes(namespace) }).toEqual(graph);
      await expect(run("customs", file, { namespace, strict: true })).rejects.toMatchObject({ reject: { line: 3, code: "CONFLICTING_ID" } });
    });

    it("counts a restated declaration whose exporter has the same name under another country on the first party, leaving no node for the second", async () => {
      const namespace = `${ns}-dup2`;
      const file = join(tmp, "dup2.csv");
      writeFileSync(
        file,
        header +
          "2023-01-01,Dupetwo Acme,de,Dupetwo Beta,ru,880622,Quadcopters,100,usd,E1,dupes two\n2023-01-01,Dupetwo Acme,tr,Dupetwo Beta,ru,880622,Quadcopters,100,usd,E1,dupes two\n",
      );
      expect(await run("customs", file, { namespace })).toMatchObject({ read: 2, rejected: 0 });
      expect(await supplied(namespace)).toEqual([
        { record: "E1", start: `${namespace}:party-de-dupetwo-acme`, end: `${namespace}:party-ru-dupetwo-beta`, statements: 2, amount: 100 },
      ]);
      expect((await nodes(namespace)).map((n) => n.id)).toEqual([`${namespace}:party-de-dupetwo-acme`, `${namespace}:party-ru-dupetwo-beta`]);
    });

    it("rejects an FtM link whose id is stored, or stated earlier in the file, between other entities, and writes the rest", async () => {
      const namespace = `${ns}-ftmid`;
      const entities = [
        '{"id":"a","schema":"Company","properties":{"name":["Idco Alpha"]}}',
        '{"id":"b","schema":"Company","properties":{"name":["Idco Beta"]}}',
        '{"id":"c","schema":"Company","properties":{"name":["Idco Gamma"]}}',
      ];
      const own = (id: string, owner: string, asset: string, pct: string) =>
        JSON.stringify({ id, schema: "Ownership", properties: { owner: [owner], asset: [asset], percentage: [pct] } });
      const first = join(tmp, "ftmid-1.jsonl");
      const second = join(tmp, "ftmid-2.jsonl");
      writeFileSync(first, [...entities, own("own-1", "a", "b", "50"), own("own-1", "a", "c", "60"), own("own-2", "c", "b", "10")].join("\n") + "\n");
      writeFileSync(second, [own("own-1", "b", "c", "70"), own("own-3", "b", "a", "5"), own("own-2", "c", "b", "10")].join("\n") + "\n");
      const owns = () =>
        cypher(
          "MATCH (a)-[r:OWNS]->(b) WHERE r.id STARTS WITH $prefix RETURN r.id AS id, a.id AS start, b.id AS end, r.ftm_percentage AS pct, toFloat(r.statementCount) AS statements ORDER BY id",
          {
            prefix: `${namespace}:`,
          },
        );
      const one = await run("ftm", first, { namespace });
      expect(one).toMatchObject({ read: 6, rejected: 1 });
      expect(one.rejects[0]).toMatchObject({
        line: 5,
        code: "CONFLICTING_ID",
        reason: expect.stringMatching(
          /OWNS ".*:own-1" is stated at line 4 from "Idco Alpha" to "Idco Beta"; this record states it from "Idco Alpha" to "Idco Gamma"/,
        ),
      });
      expect(byLine(await run("ftm", second, { namespace, dryRun: true }))).toEqual([[1, "CONFLICTING_ID"]]);
      const two = await run("ftm", second, { namespace });
      expect(two).toMatchObject({ read: 3, rejected: 1 });
      expect(two.rejects[0]?.reason).toMatch(/is stored from "Idco Alpha" to "Idco Beta"; this record states it from "Idco Beta" to "Idco Gamma"/);
      expect(await owns()).toEqual([
        { id: `${namespace}:own-1`, start: `${namespace}:a`, end: `${namespace}:b`, pct: ["50"], statements: 1 },
        { id: `${namespace}:own-2`, start: `${namespace}:c`, end: `${namespace}:b`, pct: ["10"], statements: 2 },
        { id: `${namespace}:own-3`, start: `${namespace}:b`, end: `${namespace}:a`, pct: ["5"], statements: 1 },
      ]);
      await expect(run("ftm", second, { namespace, strict: true })).rejects.toMatchObject({ reject: { line: 1, code: "CONFLICTING_ID" } });
    });
  });

  describe("inputs from an adversarial pass", () => {
    const namespace = `${ns}-adv`;
    const header = "record_id,date,exporter_name,exporter_country,importer_name,importer_country,hs_code,source\n";
    const file = (name: string, text: string) => {
      const path = join(tmp, name);
      writeFileSync(path, text);
      return path;
    };
    const graph = async () => ({
      nodes: await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id, n.name AS name ORDER BY id", { p: `${namespace}:` }),
      rels: await cypher(
        "MATCH (a)-[r]->(b) WHERE r.id STARTS WITH $p RETURN type(r) AS type, r.id AS id, a.id AS start, b.id AS end, toFloat(r.statementCount) AS n ORDER BY id",
        { p: `${namespace}:` },
      ),
    });

    it("keeps companies whose names differ only in non-Latin letters apart, and rejects a second declaration under their record id", async () => {
      // Before: non-Latin letters were dropped from party ids, so both were party-ru-12, one node.
      const summary = await run(
        "customs",
        file("cyr.csv", header + "CYR1,2023-01-01,Adv Exp,TR,ООО Вектор 12,RU,880629,adv\nCYR1,2023-01-02,Adv Exp,TR,ООО Ромашка 12,RU,880629,adv\n"),
        { namespace },
      );
      expect(byLine(summary)).toEqual([[3, "CONFLICTING_ID"]]);
      const parties = await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH $p AND n.id CONTAINS '-ru-' RETURN n.id AS id, n.name AS name", {
        p: `${namespace}:`,
      });
      expect(parties).toEqual([{ id: `${namespace}:party-ru-ооо-вектор-12`, name: "ООО Вектор 12" }]);
    });

    it("keeps every spelling that one party id gets in a batch: the first as its name, the others as aliases", async () => {
      // "A&B", "A+B" and "A B" share the slug a-b. Before, Neo4j read the stored name for every
      // row before any row's write, so the last spelling won and the others were lost.
      const rows = ["Adv A&B Ltd", "Adv A+B Ltd", "Adv A B Ltd"].map((name, i) => `SPELL${i},2023-01-0${i + 1},${name},HK,Adv Spell Buyer,RU,880629,adv\n`);
      // The second role gives the party a second version (another description), so each row's version is written.
      rows.push("SPELL9,2023-01-09,Adv Spell Buyer,RU,Adv A&B Ltd,HK,880629,adv\n");
      expect(await run("customs", file("spell.csv", header + rows.join("")), { namespace })).toMatchObject({ rejected: 0 });
      const [party] = await cypher("MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases", { id: `${namespace}:party-hk-adv-a-b-ltd` });
      expect(party).toEqual({ name: "Adv A&B Ltd", aliases: ["Adv A+B Ltd", "Adv A B Ltd"] });
    });

    it("rejects a name too long for Neo4j's name index as INVALID_VALUE and writes the batch's other rows", async () => {
      // Before: "Property value is too large to index" failed the whole batch, exit 1.
      const summary = await run(
        "customs",
        file(
          "long.csv",
          header + `LONG1,2023-01-01,Adv Longex,TR,Adv Longim,RU,880629,adv\nLONG2,2023-01-01,${"Y".repeat(9000)},TR,Adv Longim,RU,880629,adv\n`,
        ),
        { namespace },
      );
      expect(byLine(summary)).toEqual([[3, "INVALID_VALUE"]]);
      expect(summary.rejects[0]?.reason).toMatch(/a name of 9000 characters .*names are at most 1000 characters/);
      expect(
        await cypher("MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $p AND r.recordId STARTS WITH 'LONG' RETURN r.recordId AS record", {
          p: `${namespace}:`,
        }),
      ).toEqual([{ record: "LONG1" }]);
    });

    it("re-imports a file whose declaration was moved onto another file's party nodes without counting anything again", async () => {
      // The second file's parties resolve to FtM entities, and its one declaration, stored by
      // the first file between that file's party nodes, is moved back onto them. Before: the
      // dataset had PROVIDED those nodes, so its re-import kept the parties on them and restated
      // their BASED_IN (statementCount 1 → 2).
      const first = file("mv-a.csv", header + "MV1,2023-01-01,Adv Mover Exp,TR,Adv Mover Imp,RU,880629,adv mv\n");
      const second = file("mv-b.csv", header + "MV1,2023-01-02,Adv Mover Exp,TR,Adv Mover Imp,RU,880629,adv mv\n");
      const ftm = file(
        "mv.jsonl",
        [
          '{"id":"mv-e","schema":"Company","properties":{"name":["Adv Mover Exp"],"country":["tr"]}}',
          '{"id":"mv-i","schema":"Company","properties":{"name":["Adv Mover Imp"],"country":["ru"]}}',
        ].join("\n") + "\n",
      );
      expect(await run("customs", first, { namespace })).toMatchObject({ rejected: 0 });
      expect(await run("ftm", ftm, { namespace })).toMatchObject({ rejected: 0 });
      expect(await run("customs", second, { namespace })).toMatchObject({ rejected: 0 });
      const before = await graph();
      expect(before.rels.filter((r) => r.type === "SUPPLIED" && String(r.start).includes("mover"))).toEqual([
        expect.objectContaining({ start: `${namespace}:party-tr-adv-mover-exp`, end: `${namespace}:party-ru-adv-mover-imp`, n: 2 }),
      ]);
      expect(await run("customs", second, { namespace })).toMatchObject({ rejected: 0, created: 0 });
      expect(await graph()).toEqual(before);
    });

    it("gives a multi-valued FtM link the same relationship ids whatever the order of its values", async () => {
      const entities = [
        '{"id":"mo-p1","schema":"Person","properties":{"name":["Adv Owner One"]}}',
        '{"id":"mo-p2","schema":"Person","properties":{"name":["Adv Owner Two"]}}',
        '{"id":"mo-c","schema":"Company","properties":{"name":["Adv Owned"]}}',
      ];
      const own = (owners: string[]) => JSON.stringify({ id: "mo-own", schema: "Ownership", properties: { owner: owners, asset: ["mo-c"] } });
      expect(await run("ftm", file("mo-1.jsonl", [...entities, own(["mo-p1", "mo-p2"])].join("\n") + "\n"), { namespace })).toMatchObject({ rejected: 0 });
      const before = await graph();
      expect(await run("ftm", file("mo-2.jsonl", own(["mo-p2", "mo-p1"]) + "\n"), { namespace })).toMatchObject({ rejected: 0, created: 0 });
      expect((await graph()).nodes).toEqual(before.nodes);
      expect((await graph()).rels.filter((r) => String(r.id).includes("mo-own")).map((r) => [r.id, r.start, r.n])).toEqual([
        [`${namespace}:mo-own`, `${namespace}:mo-p1`, 2],
        [`${namespace}:mo-own#1`, `${namespace}:mo-p2`, 2],
      ]);
    });

    it("rejects an FtM id holding '#', which could take the relationship id of another link's second value", async () => {
      const lines = [
        '{"id":"hash-p1","schema":"Person","properties":{"name":["Adv Hash One"]}}',
        '{"id":"hash-p2","schema":"Person","properties":{"name":["Adv Hash Two"]}}',
        '{"id":"hash-c","schema":"Company","properties":{"name":["Adv Hash Co"]}}',
        '{"id":"hash-own","schema":"Ownership","properties":{"owner":["hash-p1","hash-p2"],"asset":["hash-c"]}}',
        '{"id":"hash-own#1","schema":"Ownership","properties":{"owner":["hash-c"],"asset":["hash-p1"]}}',
      ];
      const summary = await run("ftm", file("hash.jsonl", lines.join("\n") + "\n"), { namespace });
      expect(byLine(summary)).toEqual([[5, "INVALID_VALUE"]]);
      expect(summary.rejects[0]!.reason).toContain('"#" is not allowed');
      expect(
        await cypher("MATCH (a)-[r:OWNS]->(b) WHERE r.ftmId = $id RETURN r.id AS id, a.id AS start, b.id AS end ORDER BY id", { id: `${namespace}:hash-own` }),
      ).toEqual([
        { id: `${namespace}:hash-own`, start: `${namespace}:hash-p1`, end: `${namespace}:hash-c` },
        { id: `${namespace}:hash-own#1`, start: `${namespace}:hash-p2`, end: `${namespace}:hash-c` },
      ]);
    });

    it("refuses an FtM entity that would take over a Country node, as a file imported without --namespace can", async () => {
      const country = async () => cypher("MATCH (c:Entity {id: 'country-ru'}) RETURN properties(c) AS props");
      const before = await country();
      expect(before).toEqual([{ props: expect.objectContaining({ kind: "Country", country: "RU" }) }]);
      const path = file("country.jsonl", '{"id":"country-ru","schema":"Company","properties":{"name":["Adv Evil Russia Co"]}}\n');
      const summary = await imports().importFile({ format: "ftm", path, namespace: null, rejectsFile: null });
      try {
        expect(byLine(summary)).toEqual([[1, "CONFLICTING_SCHEMA"]]);
        expect(summary.rejects[0]!.reason).toContain("country-ru is a Country node");
        expect(await country()).toEqual(before);
      } finally {
        // Without a namespace the dataset's :Source is not in one: removed here, so the seed's counts hold.
        await cypher("MATCH (s:Source {id: $id}) DETACH DELETE s", { id: summary.sourceId });
      }
    });

    it("stops --strict at the batch's first bad line, whichever check finds it, and lists rejects in line order", async () => {
      expect(await run("ftm", file("st-0.jsonl", '{"id":"st-p","schema":"Person","properties":{"name":["Adv Strict"]}}\n'), { namespace })).toMatchObject({
        rejected: 0,
      });
      const lines = [
        '{"id":"st-a","schema":"Company","properties":{"name":["Adv St A"]}}',
        '{"id":"st-own","schema":"Ownership","properties":{"owner":["st-a"],"asset":["st-a2"]}}',
        '{"id":"st-own","schema":"Ownership","properties":{"owner":["st-a"],"asset":["st-a3"]}}',
        '{"id":"st-p","schema":"Company","properties":{"name":["Adv Strict"]}}',
      ];
      const path = file("st-1.jsonl", lines.join("\n") + "\n");
      await expect(run("ftm", path, { namespace, strict: true })).rejects.toMatchObject({ reject: { line: 3, code: "CONFLICTING_ID" } });
      expect(byLine(await run("ftm", path, { namespace, dryRun: true }))).toEqual([
        [3, "CONFLICTING_ID"],
        [4, "CONFLICTING_SCHEMA"],
      ]);
      expect((await run("ftm", path, { namespace })).rejects.map((r) => r.line)).toEqual([3, 4]);
    });
  });

  describe("batches over Neo4j's transaction memory cap", () => {
    // The real database, whose import transactions are refused, as Neo4j refuses one over
    // db.memory.transaction.max (Community cannot lower the cap at run time), once the batch
    // has written more than `cap` records: the refusal comes from inside the transaction,
    // after its writes, so the real rollback is what keeps them out of the graph.
    const capped = (cap: number): Database => {
      const db = server().app.db;
      const wrapped = Object.create(db) as Database;
      wrapped.writeTx = (label, work, options) =>
        db.writeTx(
          label,
          async (tx) => {
            const result = await work(tx);
            const written = (result as { written?: unknown }).written;
            if (label === "import-batch" && typeof written === "number" && written > cap) {
              throw new QueryTooCostlyError("refused for the test", { neo4jCode: "Neo.TransientError.General.MemoryPoolOutOfMemoryError" });
            }
            return result;
          },
          options,
        );
      return wrapped;
    };
    // Every relationship of the namespace, by id: counts, watermarks, dates and evidence lines,
    // and how many nodes the dataset PROVIDED.
    const shape = async (namespace: string) => ({
      provided: await cypher("MATCH (s:Source)-[:PROVIDED]->(n) WHERE s.id STARTS WITH $prefix RETURN toFloat(count(n)) AS n", { prefix: `${namespace}:` }),
      relationships: await cypher(
        `MATCH ()-[r]->() WHERE r.id STARTS WITH $prefix
         RETURN type(r) AS type, substring(r.id, size($prefix)) AS id, toFloat(r.statementCount) AS statements,
                [l IN r.statementLastLines | toFloat(l)] AS lastLines, toString(r.firstSeen) AS firstSeen, toString(r.lastSeen) AS lastSeen,
                [s IN r.evidenceStarts | toFloat(s)] AS evidenceLines
         ORDER BY type, id`,
        { prefix: `${namespace}:` },
      ),
    });

    // 9 declarations: a hub exporter and three importers, so BASED_IN are restated across batches.
    const declarations = () =>
      "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,goods_description,value,currency,record_id,source\n" +
      Array.from(
        { length: 9 },
        (_, n) =>
          `2023-0${(n % 9) + 1}-1${n},Splittest Hub Ltd,hk,Splittest Buyer ${n % 3} OOO,ru,880622,Quadcopters ${n},${100 + n},usd,SPLIT-${n},split test\n`,
      ).join("");

    it("halves a refused batch, goes on in the smaller size, and ends in the graph a whole import writes", async () => {
      const file = join(tmp, "split.csv");
      writeFileSync(file, declarations());
      const splits: { records: number; batchSize: number }[] = [];
      const opts = { format: "customs" as const, path: file, rejectsFile: null, batchSize: 4 };
      const split = await runImport(capped(1), { ...opts, namespace: `${ns}-split`, onBatchSplit: (s) => splits.push(s) });
      const whole = await runImport(server().app.db, { ...opts, namespace: `${ns}-whole` });
      // The first batch of 4 is refused, then its first half of 2; its second half, and a batch
      // read before the refusals came back, are written in the smaller size, never refused.
      expect(splits).toEqual([
        { records: 4, batchSize: 2 },
        { records: 2, batchSize: 1 },
      ]);
      expect(split).toMatchObject({ read: 9, rejected: 0, created: whole.created, merged: whole.merged, batchSize: 1 });
      expect(whole.batchSize).toBe(4);
      // 4 parties, 9 SUPPLIED and 4 BASED_IN (the seed has both countries).
      expect(whole.created).toBe(17);
      const shapeOf = await shape(`${ns}-split`);
      expect(shapeOf.provided).toEqual([{ n: 6 }]);
      const byType = (type: string) => shapeOf.relationships.filter((r) => r.type === type);
      expect(byType("BASED_IN").map((r) => r.statements)).toEqual([9, 3, 3, 3]);
      expect(byType("SUPPLIED")).toHaveLength(9);
      expect(shapeOf).toEqual(await shape(`${ns}-whole`));
    });

    it("fails the import with QUERY_TOO_COSTLY when one record is over the cap, and writes nothing", async () => {
      const file = join(tmp, "refused.csv");
      writeFileSync(file, declarations());
      await expect(runImport(capped(0), { format: "customs", path: file, rejectsFile: null, batchSize: 4, namespace: `${ns}-refused` })).rejects.toMatchObject({
        code: "QUERY_TOO_COSTLY",
      });
      expect(await cypher("MATCH (n) WHERE n.id STARTS WITH $prefix RETURN toFloat(count(n)) AS n", { prefix: `${ns}-refused:` })).toEqual([{ n: 0 }]);
    });
  });

  describe("customs aggregation (--aggregate)", () => {
    const agg = `${ns}-agg`;
    const exporter = `${agg}:party-hk-aggtest-exporter-ltd`;
    const importer = `${agg}:party-ru-aggtest-importer-ooo`;
    const plain = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neo4j.isInt(v) ? v.toNumber() : v]));
    const aggregates = async () =>
      (
        await cypher(
          `MATCH (:Entity {id: $a})-[g:SUPPLIED {aggregate: true}]->(b:Entity)
         RETURN b.id AS to, g.id AS id, g.hsHeading AS heading, g.currencies AS currencies, g.amounts AS amounts, g.amount AS amount, g.currency AS currency,
                g.quantity AS quantity, g.declarationCount AS declarations, g.recordIds AS recordIds, g.via AS via, toString(g.validFrom) AS validFrom,
                toString(g.validTo) AS validTo, size(g.evidenceQuotes) AS evidence ORDER BY heading`,
          { a: exporter },
        )
      ).map(plain);

    it("writes one SUPPLIED per exporter, importer and HS heading with sums per currency, dates and record ids, instead of one per declaration", async () => {
      const summary = await run("customs", fixture("customs-aggregate.csv"), { namespace: agg, aggregate: true });
      // 8806 and 8807 exporter → importer, and 8806 manufacturer → exporter (AGG-1 names a maker).
      expect(summary).toMatchObject({ read: 4, rejected: 0, aggregated: 3 });
      const [h8806, h8807] = await aggregates();
      expect(h8806).toMatchObject({
        to: importer,
        heading: "8806",
        currencies: ["USD", "EUR"],
        amounts: [3500.5, 300],
        amount: null,
        currency: null,
        quantity: 17,
        declarations: 3,
      });
      expect(h8806).toMatchObject({ recordIds: ["AGG-1", "AGG-2", "AGG-3"], via: ["KZ", "AM"], validFrom: "2023-01-10", validTo: "2023-03-05", evidence: 3 });
      expect(h8807).toMatchObject({ heading: "8807", currencies: ["USD"], amount: 700, currency: "USD", quantity: 100, declarations: 1, recordIds: ["AGG-4"] });
      // No per-declaration shipment edge is written for an aggregated import: one kind per dataset.
      expect(await cypher("MATCH (:Entity {id: $a})-[d:SUPPLIED]->() WHERE d.aggregate IS NULL RETURN toFloat(count(d)) AS n", { a: exporter })).toEqual([
        { n: 0 },
      ]);
      const [maker] = await cypher(
        "MATCH (:Entity {id: $m})-[g:SUPPLIED]->(:Entity {id: $a}) RETURN g.id AS id, g.leg AS leg, g.aggregate AS aggregate, toFloat(g.declarationCount) AS declarations, valueType(g.evidenceStarts) AS startsType",
        { m: `${agg}:party-cn-aggtest-maker-co`, a: exporter },
      );
      expect(maker).toEqual({
        id: `${agg}:customs-agg-mfr-8806:${agg}:party-cn-aggtest-maker-co>${exporter}`,
        leg: "manufacturer-exporter",
        aggregate: true,
        declarations: 1,
        startsType: "LIST<INTEGER NOT NULL> NOT NULL",
      });
    });

    it("counts nothing twice when the file is imported again, by CLI and over HTTP", async () => {
      const before = await server().app.admin.counts();
      const again = await run("customs", fixture("customs-aggregate.csv"), { namespace: agg, aggregate: true, batchSize: 3 });
      expect(again).toMatchObject({ created: 0, aggregated: 3 });
      expect(await server().app.admin.counts()).toEqual(before);
      expect((await aggregates()).map((g) => [g.heading, g.declarations, g.amounts, g.quantity, g.recordIds])).toEqual([
        ["8806", 3, [3500.5, 300], 17, ["AGG-1", "AGG-2", "AGG-3"]],
        ["8807", 1, [700], 100, ["AGG-4"]],
      ]);
      await expect(run("ftm", FTM_SAMPLE, { namespace: agg, aggregate: true })).rejects.toMatchObject({ code: "BAD_OPTION" });
      // The same file without --aggregate would add per-declaration edges beside the aggregates.
      await expect(run("customs", fixture("customs-aggregate.csv"), { namespace: agg })).rejects.toMatchObject({
        code: "BAD_OPTION",
        message: expect.stringContaining("with --aggregate"),
      });
    });

    it("gives routes one aggregated relationship per pair and heading, and one hop per pair", async () => {
      const res = await server().gql(
        `query($from: ID!, $to: ID!) { routes(from: $from, to: $to, limit: 50) { exhausted routes { hops { relationships { id type goods statementCount } } } } }`,
        {
          from: `${agg}:party-cn-aggtest-maker-co`,
          to: importer,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.routes.exhausted).toBe(true);
      const routes = res.data.routes.routes.map((r: { hops: { relationships: { id: string; goods: string[]; statementCount: number }[] }[] }) =>
        r.hops.map((h) => h.relationships),
      );
      // maker → exporter (8806), then exporter → importer: one hop holding one relationship per
      // heading (not one per declaration), so one route, not two near-duplicates (docs/routes.md).
      expect(routes.map((hops: { id: string }[][]) => hops.map((h) => h.map((r) => r.id)))).toEqual([
        [
          [`${agg}:customs-agg-mfr-8806:${agg}:party-cn-aggtest-maker-co>${exporter}`],
          [`${agg}:customs-agg-8806:${exporter}>${importer}`, `${agg}:customs-agg-8807:${exporter}>${importer}`],
        ],
      ]);
      const h8806 = routes.flat(2).find((h: { id: string }) => h.id === `${agg}:customs-agg-8806:${exporter}>${importer}`);
      expect(h8806).toMatchObject({ type: "SUPPLIED", goods: ["HS 8806"], statementCount: 3 });
    });
  });

  describe("shared facts restated by many records", () => {
    const cap = `${ns}-cap`;
    const header = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,value,currency,record_id,source\n";
    const rows = (from: number, count: number, source: string) =>
      Array.from(
        { length: count },
        (_, i) =>
          `2023-01-${String(((from + i) % 28) + 1).padStart(2, "0")},Captest Hub Ltd,hk,Captest Buyer ${from + i} OOO,ru,880622,100,usd,CAP-${from + i},${source}\n`,
      ).join("");
    const hub = `${cap}:party-hk-captest-hub-ltd`;
    const basedIn = async () =>
      (
        await cypher(
          `MATCH (:Entity {id: $hub})-[r:BASED_IN]->(:Entity {id: 'country-hk'})
         RETURN toFloat(r.statementCount) AS count, [c IN r.statementCounts | toFloat(c)] AS perDataset, [l IN r.statementLastLines | toFloat(l)] AS lastLines,
                toFloat(size(r.statementSourceIds)) AS datasets, toFloat(size(r.evidenceQuotes)) AS evidence, toString(r.firstSeen) AS firstSeen, toString(r.lastSeen) AS lastSeen,
                valueType(r.evidenceStarts) AS startsType, valueType(r.evidenceEnds) AS endsType, r.evidenceStarts[0] AS firstStart`,
          { hub },
        )
      )[0];
    const first = join(tmp, "cap-1.csv");
    const second = join(tmp, "cap-2.csv");
    writeFileSync(first, header + rows(0, 30, "first"));
    writeFileSync(second, header + rows(100, 3, "second"));

    it("keeps the first 20 statements as evidence, counts all of them and dates them", async () => {
      const summary = await run("customs", first, { namespace: cap, batchSize: 7 });
      expect(summary).toMatchObject({ read: 30, rejected: 0 });
      const r = await basedIn();
      expect(r).toMatchObject({ count: 30, perDataset: [30], lastLines: [31], datasets: 1, evidence: 20, firstSeen: "2023-01-01", lastSeen: "2023-01-28" });
      // Offsets (line numbers here) are stored as integers and come out of the API as plain numbers.
      expect(r).toMatchObject({ startsType: "LIST<INTEGER NOT NULL> NOT NULL", endsType: "LIST<INTEGER NOT NULL> NOT NULL" });
      expect(neo4j.isInt(r!.firstStart)).toBe(true);
      const res = await server().gql(`query($id: ID!) { entity(id: $id) { relationships(limit: 50) { type statementCount evidence { start end quote } } } }`, {
        id: hub,
      });
      const based = res.data.entity.relationships.find((x: { type: string }) => x.type === "BASED_IN");
      expect(based.statementCount).toBe(30);
      expect(based.evidence).toHaveLength(20);
      expect(based.evidence[0]).toMatchObject({ start: 2, end: 2, quote: expect.stringContaining("CAP-0") });
    });

    it("changes nothing when the same file is imported again with other batch boundaries", async () => {
      const before = await server().app.admin.counts();
      const snapshot = await basedIn();
      expect((await run("customs", first, { namespace: cap, batchSize: 11 })).created).toBe(0);
      expect(await server().app.admin.counts()).toEqual(before);
      expect(await basedIn()).toEqual(snapshot);
    });

    it("counts another dataset's statements separately and cites its first one past the cap", async () => {
      await run("customs", second, { namespace: cap });
      expect(await basedIn()).toMatchObject({ count: 33, perDataset: [30, 3], lastLines: [31, 4], datasets: 2, evidence: 21 });
    });
  });

  describe("claims", () => {
    it("adds claims between existing entities from CSV and rejects unknown ids and types", async () => {
      const summary = await run("claims", fixture("claims.csv"));
      expect(byLine(summary)).toEqual([
        [3, "UNKNOWN_ENTITY"],
        [4, "INVALID_VALUE"],
      ]);
      const [claim] = await cypher(
        "MATCH (:Entity {id: 'dji'})-[r:COMMENTED_ON]->(:Entity {id: 'country-kz'}) WHERE r.id STARTS WITH $p RETURN r.confidence AS c, r.status AS s, toString(r.validFrom) AS from",
        { p: `${ns}:` },
      );
      expect(claim).toEqual({ c: 0.5, s: "POSSIBLE", from: "2023-01-01" });
      const again = await run("claims", fixture("claims.csv"));
      expect(again.created).toBe(0);
    });

    it("lists rejects in line order, those the batch's checks find among those found while reading", async () => {
      const file = join(tmp, "claims-order.csv");
      writeFileSync(
        file,
        "from,to,type,status,quote\n" +
          "no-such-entity,dji,COMMENTED_ON,REPORTED,order one\n" + // line 2: UNKNOWN_ENTITY, found by the batch
          "dji,country-kz,NOT_A_TYPE,REPORTED,order two\n" + // line 3: INVALID_VALUE, found while reading
          "dji,country-kz,COMMENTED_ON,REPORTED,order three\n" +
          "dji,nor-this-one,COMMENTED_ON,REPORTED,order four\n", // line 5: UNKNOWN_ENTITY
      );
      const rejectsFile = join(tmp, "claims-order.rejects.jsonl");
      const summary = await run("claims", file, { rejectsFile });
      const expected = [
        [2, "UNKNOWN_ENTITY"],
        [3, "INVALID_VALUE"],
        [5, "UNKNOWN_ENTITY"],
      ];
      // Not sorted here: the order they were listed in (3 came first before).
      expect(summary.rejects.map((r) => [r.line, r.code])).toEqual(expected);
      const written = readFileSync(rejectsFile, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { line: number; code: string });
      expect(written.map((r) => [r.line, r.code])).toEqual(expected);
    });

    it("keeps a claim valid through the year its valid_to names, for routes asOf a day in it", async () => {
      const asof = `${ns}-asof`;
      const ftm = join(tmp, "asof.jsonl");
      writeFileSync(ftm, ["asof-a", "asof-b"].map((id) => JSON.stringify({ id, schema: "Company", properties: { name: [`As Of ${id}`] } })).join("\n") + "\n");
      await run("ftm", ftm, { namespace: asof });
      const claims = join(tmp, "asof.csv");
      writeFileSync(claims, `from,to,type,status,quote,valid_from,valid_to\n${asof}:asof-a,${asof}:asof-b,SUPPLIED,REPORTED,through 2023,2023-06-01,2023\n`);
      expect(await run("claims", claims, { namespace: asof })).toMatchObject({ read: 1, rejected: 0 });
      const routes = async (asOf: string) =>
        (
          (await server().gql(
            `query($from: ID!, $to: ID!, $asOf: String) { routes(from: $from, to: $to, asOf: $asOf) { routes { hops { relationship { validFrom validTo } } } } }`,
            { from: `${asof}:asof-a`, to: `${asof}:asof-b`, asOf },
          )) as {
            data: { routes: { routes: { hops: { relationship: { validFrom: string; validTo: string } }[] }[] } };
          }
        ).data.routes.routes;
      // Stored as 2023-01-01 before, so no day of 2023 after January 1 found it.
      expect((await routes("2023-07-01")).map((r) => r.hops[0]!.relationship)).toEqual([{ validFrom: "2023-06-01", validTo: "2023-12-31" }]);
      expect(await routes("2024-01-01")).toEqual([]);
    });

    it("writes no dataset :Source for a claims file whose every claim is rejected, as for a customs file of bad rows", async () => {
      const file = join(tmp, "claims-all-bad.csv");
      writeFileSync(file, "from,to,type,status,quote\nno-such-a,dji,COMMENTED_ON,REPORTED,bad one\ndji,no-such-b,COMMENTED_ON,REPORTED,bad two\n");
      const summary = await run("claims", file);
      expect(summary).toMatchObject({ read: 2, rejected: 2, created: 0 });
      expect(await cypher("MATCH (s:Source {id: $id}) RETURN s.id AS id", { id: summary.sourceId })).toEqual([]);
    });

    it("reads JSON Lines claims", async () => {
      const file = join(tmp, "claims.jsonl");
      writeFileSync(
        file,
        `${JSON.stringify({ from: `${ns}:syn-co-steppe`, to: `${ns}:syn-co-vector`, type: "SUPPLIED", status: "LIKELY", quote: "Steppe re-exports to Vector (fictional)." })}\n`,
      );
      const summary = await run("claims", file);
      expect(summary).toMatchObject({ read: 1, rejected: 0 });
      expect(
        await cypher("MATCH (:Entity {id: $a})-[r:SUPPLIED]->(:Entity {id: $b}) WHERE r.status = 'LIKELY' RETURN r.confidence AS c", {
          a: `${ns}:syn-co-steppe`,
          b: `${ns}:syn-co-vector`,
        }),
      ).toEqual([{ c: 0.6 }]);
    });
  });

  describe("POST /import/:format", () => {
    const guarded = useTestServer();
    let TOKEN = "";
    beforeAll(async () => {
      TOKEN = await testToken(`importer-${ns}`, "editor");
    });
    const post = async (path: string, body: Buffer | string, token: string | null = TOKEN, target = guarded) => {
      const headers: Record<string, string> = { "content-type": "application/octet-stream" };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${target().server.url}${path}`, { method: "POST", body, headers });
      return { status: res.status, body: (await res.json()) as any };
    };

    it("needs an editor token: 401 without one or with one that does not verify, 403 for a reader", async () => {
      const reader = await post(`/import/ftm?namespace=${ns}&dryRun=true`, readFileSync(FTM_SAMPLE), await testToken(`reader-${ns}`, "reader"));
      expect(reader).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: "FORBIDDEN" } }] } });
      expect(await post(`/import/ftm?dryRun=true`, "{}", null)).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: "UNAUTHENTICATED" } }] } });
      expect((await post(`/import/ftm?dryRun=true`, "{}", "wrong-token-wrong-token-xx")).status).toBe(401);
      const unsigned = await post(
        `/import/ftm?dryRun=true`,
        "{}",
        await signToken("another-secret-another-secret-0123456789", { subject: "x", roles: ["editor"], expiresIn: "1h" }),
      );
      expect(unsigned.status).toBe(401);
    });

    it("records one revision per import on its dataset Source, actor system, naming the caller", async () => {
      const res = await post(`/import/claims?namespace=${ns}-rev&name=rev-check`, readFileSync(fixture("claims.csv")));
      expect(res.status).toBe(200);
      const history = (await guarded().gql(`query($id: ID!) { history(id: $id) { actor operation reason after } }`, { id: res.body.sourceId })).data.history;
      expect(history.at(-1)).toMatchObject({
        actor: "system",
        operation: "import",
        reason: `POST /import/claims by importer-${ns}: rev-check`,
        after: { sourceId: res.body.sourceId, read: res.body.read },
      });
      await guarded().app.imports.deleteNamespace(`${ns}-rev`);
      expect((await guarded().gql(`query($id: ID!) { history(id: $id) { actor } }`, { id: res.body.sourceId })).data.history).toEqual([]);
    });

    it("imports an upload and answers the summary", async () => {
      const res = await post(`/import/ftm?namespace=${ns}&dryRun=true`, readFileSync(FTM_SAMPLE));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ read: 16, rejected: 0, dryRun: true });
    });

    it("aggregates customs declarations with aggregate=true", async () => {
      const res = await post(`/import/customs?namespace=${ns}-agg&aggregate=true`, readFileSync(fixture("customs-aggregate.csv")));
      expect(res).toMatchObject({ status: 200, body: { read: 4, rejected: 0, aggregated: 3 } });
    });

    it("answers 400 with a code for bad input", async () => {
      expect((await post(`/import/customs?namespace=${ns}`, readFileSync(fixture("customs-missing-columns.csv")))).body.errors[0].extensions.code).toBe(
        "MISSING_COLUMNS",
      );
      expect((await post("/import/xml", "<x/>")).body.errors[0].extensions.code).toBe("UNKNOWN_FORMAT");
      const strict = await post(`/import/ftm?namespace=${ns}-x&strict=true`, readFileSync(fixture("ftm-bad.jsonl")));
      expect(strict.status).toBe(400);
      expect(strict.body.errors[0].extensions).toMatchObject({ code: "ROW_REJECTED", reject: { line: 2, code: "MALFORMED_JSON" } });
    });
  });

  describe("CLI", () => {
    const cli = async (...args: string[]) => {
      const neo = inject("neo4j");
      const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database, LOG_LEVEL: "silent" };
      try {
        const { stdout } = await promisify(execFile)("node", [CLI, "import", ...args], { env, cwd: tmp });
        return { code: 0, stdout, stderr: "" };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };

    it("exits 0 with a JSON summary, 1 on a bad record under --strict, 2 for a bad file", async () => {
      const ok = await cli("ftm", fixture("ftm-bad.jsonl"), "--namespace", ns);
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ read: 7, rejected: 5, rejectsFile: "ftm-bad.jsonl.rejects.jsonl" });
      const strict = await cli("ftm", fixture("ftm-bad.jsonl"), "--namespace", `${ns}-x`, "--strict");
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/line 2/);
      const aggregated = await cli("customs", fixture("customs-aggregate.csv"), "--namespace", `${ns}-agg`, "--aggregate");
      expect(aggregated.code).toBe(0);
      expect(JSON.parse(aggregated.stdout)).toMatchObject({ read: 4, aggregated: 3 });
      const bad = await cli("customs", fixture("customs-missing-columns.csv"), "--namespace", ns);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/MISSING_COLUMNS/);
      // An option given twice is a usage error, not the last one kept silently.
      const twice = await cli("customs", fixture("customs-aggregate.csv"), "--namespace", `${ns}-agg`, "--namespace", `${ns}-x`);
      expect(twice).toMatchObject({ code: 2, stdout: "" });
      expect(twice.stderr).toMatch(/given twice/);
    });

    it("exits 2 with BAD_OPTION, before writing anything, when --rejects cannot be written", async () => {
      const before = await server().app.admin.counts();
      for (const target of [join(tmp, "no-such-folder", "r.jsonl"), tmp]) {
        const result = await cli("ftm", fixture("ftm-bad.jsonl"), "--namespace", `${ns}-rj`, "--rejects", target);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^actorgraph import: rejects: .*\[BAD_OPTION\]\n$/);
        expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
      }
      expect(await server().app.admin.counts()).toEqual(before);
    });
  });
});
