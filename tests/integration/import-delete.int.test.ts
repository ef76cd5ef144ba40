import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadQueries } from "../../dist/src/db/queries.js";
import { splitCypherStatements } from "../../dist/src/db/cypher-script.js";
import { RELATIONSHIP_TYPE_NAMES } from "../../dist/src/model/vocabulary.js";
import { useTestServer } from "../helpers/test-app.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "import");
const CLI = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");

/**
 * What customs-good.csv and claims.csv add under one namespace (the first test measures it too):
 * 4 parties and Country node country-hk (not in the seed); 8 relationships with the namespace's
 * ids (3 SUPPLIED, 4 BASED_IN, the claim COMMENTED_ON between seed entities dji and country-kz)
 * and 10 :PROVIDED links, which have no id; 3 :Source nodes (two datasets, one publication).
 */
const CREATED = { relationshipsDeleted: 8 + 10, nodesDeleted: 5, sourcesDeleted: 3 };

describe("actorgraph import:delete", () => {
  const server = useTestServer();
  const ns = `del-${Date.now().toString(36)}`;
  const tmp = mkdtempSync(join(tmpdir(), "actorgraph-import-delete-test-"));

  const imports = () => server().app.imports;
  const cypher = async (statement: string, params: Record<string, unknown> = {}) =>
    (await server().app.driver.executeQuery(statement, params)).records.map((r) => r.toObject());
  const count = async (statement: string, params: Record<string, unknown> = {}) => Number((await cypher(statement, params))[0]!.n);
  /** Every node and relationship id and type in the graph: what the seed (and nothing else) holds. */
  const snapshot = async () => ({
    nodes: (await cypher("MATCH (n) RETURN labels(n) AS labels, n.id AS id ORDER BY id")).map((r) => `${r.labels}:${r.id}`),
    relationships: (await cypher("MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + coalesce(r.id, '') + ' ' + b.id AS key ORDER BY key")).map(
      (r) => r.key,
    ),
  });
  const totals = async () => ({
    entities: await count("MATCH (n:Entity) RETURN count(n) AS n"),
    sources: await count("MATCH (s:Source) RETURN count(s) AS n"),
    relationships: await count("MATCH ()-[r]->() RETURN count(r) AS n"),
  });
  /** What is left of namespace `n`: its entities, relationships (by id), Source nodes, and Country nodes imports made. */
  const leftOf = async (n: string) => ({
    entities: await count("MATCH (e:Entity) WHERE e.id STARTS WITH $p RETURN count(e) AS n", { p: `${n}:` }),
    relationships: await count("MATCH ()-[r]->() WHERE r.id STARTS WITH $p RETURN count(r) AS n", { p: `${n}:` }),
    sources: await count("MATCH (s:Source {namespace: $n}) RETURN count(s) AS n", { n }),
    importedCountries: await count("MATCH (c:Entity {kind: 'Country'}) WHERE c.importNamespace IS NOT NULL RETURN count(c) AS n"),
  });
  const nothingLeft = { entities: 0, relationships: 0, sources: 0, importedCountries: 0 };
  /** Imports a customs file (parties, SUPPLIED chains, BASED_IN, a new Country node) and a claims file (a claim between two seed entities, citing a publication) under `n`. */
  const importInto = async (n: string) => {
    const options = { namespace: n, rejectsFile: join(tmp, `${n}.rejects.jsonl`) };
    expect(await imports().importFile({ format: "customs", path: join(FIXTURES, "customs-good.csv"), ...options })).toMatchObject({ read: 2, rejected: 0 });
    expect(await imports().importFile({ format: "claims", path: join(FIXTURES, "claims.csv"), ...options })).toMatchObject({ read: 3, rejected: 2 });
  };

  let seed: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    seed = await snapshot();
  });
  afterAll(async () => {
    // What a failed test may have left, so that the files after this one find the seed alone.
    for (const suffix of ["", "-b", "-lock", "-half", "-cli"]) await imports().deleteNamespace(`${ns}${suffix}`);
    expect(await snapshot()).toEqual(seed);
  });

  it("deletes every node, relationship and Source the namespace's imports made, reports their counts, and leaves the seed as it was", async () => {
    const before = await totals();
    await importInto(ns);
    const after = await totals();
    // The claim from the fixture joins two seed entities: DETACH DELETE of the namespace's own
    // entities would not reach it.
    expect(
      await count("MATCH (:Entity {id: 'dji'})-[r:COMMENTED_ON]->(:Entity {id: 'country-kz'}) WHERE r.id STARTS WITH $p RETURN count(r) AS n", { p: `${ns}:` }),
    ).toBe(1);
    expect(await cypher("MATCH (c:Entity {id: 'country-hk'}) RETURN c.importNamespace AS ns")).toEqual([{ ns }]);
    const made = {
      relationshipsDeleted: after.relationships - before.relationships,
      nodesDeleted: after.entities - before.entities,
      sourcesDeleted: after.sources - before.sources,
    };
    expect(made).toEqual(CREATED);

    const summary = await imports().deleteNamespace(ns);
    expect(summary).toEqual({ namespace: ns, ...CREATED, judgementsDeleted: 0, seconds: expect.any(Number) });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(await leftOf(ns)).toEqual(nothingLeft);
    expect(await snapshot()).toEqual(seed);
  });

  it("deletes nothing and reports zeros when run again, or for a namespace that never existed", async () => {
    expect(await imports().deleteNamespace(ns)).toEqual({
      namespace: ns,
      relationshipsDeleted: 0,
      nodesDeleted: 0,
      sourcesDeleted: 0,
      judgementsDeleted: 0,
      seconds: expect.any(Number),
    });
    expect(await imports().deleteNamespace(`${ns}-never`)).toMatchObject({ relationshipsDeleted: 0, nodesDeleted: 0, sourcesDeleted: 0 });
    expect(await snapshot()).toEqual(seed);
  });

  it("gives the same result in inner transactions of 2 relationships and 1 node", async () => {
    await importInto(`${ns}-b`);
    expect(await imports().deleteNamespace(`${ns}-b`, { batchSize: 2 })).toMatchObject({ namespace: `${ns}-b`, ...CREATED });
    expect(await leftOf(`${ns}-b`)).toEqual(nothingLeft);
    expect(await snapshot()).toEqual(seed);
  });

  it("commits each batch as it goes: other sessions see the first deletions while a later one waits for a lock", async () => {
    const n = `${ns}-lock`;
    // Two claims between seed entities with no endpoint in common, so that deleting one touches
    // nothing of the other.
    const file = join(tmp, "two-claims.jsonl");
    const claim = (from: string, to: string) => JSON.stringify({ from, to, type: "RELATED_TO", status: "REPORTED", quote: `${from} and ${to} (fictional).` });
    writeFileSync(file, `${claim("joe-biden", "the-west")}\n${claim("kremlin", "russian-oil")}\n`);
    expect(await imports().importFile({ format: "claims", path: file, namespace: n, rejectsFile: null })).toMatchObject({ read: 2, rejected: 0 });
    const claims = () => count("MATCH ()-[r:RELATED_TO]->() WHERE r.id STARTS WITH $p RETURN count(r) AS n", { p: `${n}:` });
    expect(await claims()).toBe(2);
    // Another transaction holds a write lock on the claim the index seek reaches last (highest id).
    const session = server().app.driver.session();
    const blocker = await session.beginTransaction();
    let deleting: Promise<unknown> | undefined;
    try {
      await blocker.run("MATCH ()-[r:RELATED_TO]->() WHERE r.id STARTS WITH $p WITH r ORDER BY r.id DESC LIMIT 1 SET r.locked = true", { p: `${n}:` });
      deleting = imports().deleteNamespace(n, { batchSize: 1 });
      deleting.catch(() => {});
      const deadline = Date.now() + 20_000;
      while ((await claims()) > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      // The first claim's batch has committed while the delete waits; in one transaction,
      // nothing would be visible before the whole delete committed.
      expect(await claims()).toBe(1);
    } finally {
      await blocker.rollback();
      await session.close();
    }
    // The 2 claims, and the 4 PROVIDED links from the dataset's Source to their endpoints.
    expect(await deleting).toMatchObject({ namespace: n, relationshipsDeleted: 6, nodesDeleted: 0, sourcesDeleted: 1 });
    expect(await leftOf(n)).toEqual(nothingLeft);
    expect(await snapshot()).toEqual(seed);
  });

  it("finishes a delete that stopped half-way when run again", async () => {
    const n = `${ns}-half`;
    await importInto(n);
    // As if the delete had stopped in its first step, after the SUPPLIED relationships.
    expect(
      (await server().app.driver.executeQuery("MATCH ()-[r:SUPPLIED]->() WHERE r.id STARTS WITH $p DELETE r", { p: `${n}:` })).summary.counters.updates()
        .relationshipsDeleted,
    ).toBe(3);
    expect(await imports().deleteNamespace(n, { batchSize: 3 })).toMatchObject({ ...CREATED, relationshipsDeleted: CREATED.relationshipsDeleted - 3 });
    expect(await leftOf(n)).toEqual(nothingLeft);
    expect(await snapshot()).toEqual(seed);
  });

  it("refuses an invalid namespace or batch size before deleting anything", async () => {
    await expect(imports().deleteNamespace("Not A Namespace")).rejects.toMatchObject({ code: "BAD_OPTION" });
    for (const batchSize of [0, 1.5, 100_001]) await expect(imports().deleteNamespace(ns, { batchSize })).rejects.toMatchObject({ code: "BAD_OPTION" });
  });

  describe("the queries", () => {
    const statements = (name: "import-delete-namespace-relationships" | "import-delete-namespace-entities" | "import-delete-namespace-sources") =>
      splitCypherStatements(loadQueries()[name]);
    const plan = async (statement: string) => {
      const session = server().app.driver.session();
      try {
        const result = await session.run(`EXPLAIN ${statement}`, { namespace: ns, prefix: `${ns}:`, batchSize: neo4j.int(10) });
        const operators: string[] = [];
        const walk = (p: { operatorType: string; children: unknown[] }) => {
          operators.push(p.operatorType.replace(/@.*/, ""));
          for (const c of p.children) walk(c as typeof p);
        };
        walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
        return operators;
      } finally {
        await session.close();
      }
    };

    it("delete relationships of every allow-listed type, each by a prefix seek of its id index", async () => {
      const relationships = statements("import-delete-namespace-relationships");
      expect(relationships).toEqual(
        RELATIONSHIP_TYPE_NAMES.map(
          (t) => `MATCH ()-[r:${t}]->() USING INDEX SEEK r:${t}(id) WHERE r.id STARTS WITH $prefix\nCALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS`,
        ),
      );
      for (const statement of relationships) expect(await plan(statement)).toContain("DirectedRelationshipUniqueIndexSeekByRange");
    });

    it("stream what they delete, never collecting it first (no Eager in the plan)", async () => {
      for (const name of ["import-delete-namespace-relationships", "import-delete-namespace-entities", "import-delete-namespace-sources"] as const) {
        for (const statement of statements(name)) {
          const operators = await plan(statement);
          expect(operators).toContain("TransactionForeach");
          expect(operators).not.toContain("Eager");
        }
      }
    });
  });

  describe("CLI", () => {
    const cli = async (...args: string[]) => {
      const neo = inject("neo4j");
      const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database, LOG_LEVEL: "silent" };
      try {
        const { stdout, stderr } = await promisify(execFile)("node", [CLI, "import:delete", ...args], { env, cwd: tmp });
        return { code: 0, stdout, stderr };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };

    it("prints the summary as one JSON line and exits 0, with zeros for a namespace with nothing left", async () => {
      await importInto(`${ns}-cli`);
      const first = await cli(`${ns}-cli`, "--batch-size", "2");
      expect(first).toMatchObject({ code: 0, stderr: "" });
      expect(first.stdout).toMatch(/^\{[^\n]*\}\n$/);
      expect(JSON.parse(first.stdout)).toEqual({ namespace: `${ns}-cli`, ...CREATED, judgementsDeleted: 0, seconds: expect.any(Number) });
      expect(await leftOf(`${ns}-cli`)).toEqual(nothingLeft);
      const again = await cli(`${ns}-cli`);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual({
        namespace: `${ns}-cli`,
        relationshipsDeleted: 0,
        nodesDeleted: 0,
        sourcesDeleted: 0,
        judgementsDeleted: 0,
        seconds: expect.any(Number),
      });
      expect(await snapshot()).toEqual(seed);
    });

    it("exits 2 with BAD_OPTION's message and prints no summary for an invalid namespace or --batch-size, and for an unknown option", async () => {
      const bad = await cli("Not A Namespace");
      expect(bad).toMatchObject({ code: 2, stdout: "" });
      expect(bad.stderr).toMatch(/^actorgraph import: namespace: /);
      expect(await cli(ns, "--batch-size", "0")).toEqual({
        code: 2,
        stdout: "",
        stderr: "actorgraph import: batch size: an integer from 1 to 100000 [BAD_OPTION]\n",
      });
      // Number() read these as 16 and 1000.
      for (const size of ["0x10", "1e3"])
        expect(await cli(ns, "--batch-size", size)).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("[BAD_OPTION]") });
      // A usage error commander finds exits 2 as well (it exited 1).
      expect(await cli(ns, "-x")).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("unknown option '-x'") });
    });
  });
});
