import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../dist/src/import/importer.js";
import { FTM_SAMPLE, ZENIT } from "../helpers/ftm-fixtures.js";
import { useTestServer } from "../helpers/test-app.js";

const ROOT = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

/** Runs a command; never rejects: the exit code and output come back. */
async function sh(cmd: string, args: string[], timeout = 600_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: ROOT, timeout, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? String(err) };
  }
}

type Row = Record<string, unknown>;
interface Rel {
  type: string;
  r: Row;
  start: string;
  end: string;
}
const sorted = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).sort() : []);
const opt = (v: unknown): unknown => (v === undefined || v === null ? null : typeof v === "object" ? JSON.stringify(v) : v);
const text = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/**
 * The graph as an investigator sees it, ids mapped by `m`: every entity with its kind, names,
 * description, country, date, topics, identifiers, OpenSanctions fields, stub flag and FtM
 * properties; every relationship between entities with its type, ends, status, confidence, dates,
 * money, goods and FtM properties. Evidence is left out: a re-import's evidence is the exported
 * line, which quotes the original evidence in `actorgraph.evidence`.
 */
function snapshot(nodes: Row[], rels: Rel[], m: (id: string) => string, ids: ReadonlySet<string>) {
  const mapValue = (v: string) => (ids.has(v) ? m(v) : v);
  const ftm = (x: Row) =>
    Object.fromEntries(
      Object.keys(x)
        .filter((k) => k.startsWith("ftm_"))
        .sort()
        .map((k) => [k, sorted(x[k]).map(mapValue).sort()]),
    );
  const entities = nodes.map((n): [string, unknown] => [
    m(text(n.id)),
    {
      kind: n.kind,
      name: n.placeholder === true ? m(text(n.name)) : n.name,
      aliases: sorted(n.aliases),
      description: opt(n.description),
      country: opt(n.country),
      date: opt(n.date),
      unidentified: n.unidentified === true,
      topics: sorted(n.topics),
      ftmSchema: opt(n.ftmSchema),
      stub: n.placeholder === true,
      identifiers: sorted(n.identifiers),
      datasets: sorted(n.datasets),
      referents: sorted(n.referents).map(m).sort(),
      firstSeen: opt(n.firstSeen),
      lastSeen: opt(n.lastSeen),
      target: opt(n.target),
      ftmId: typeof n.ftmId === "string" ? m(n.ftmId) : null,
      ftm: ftm(n),
    },
  ]);
  const relationships = rels.map(({ type, r, start, end }): [string, unknown] => {
    // Relationships the import derives from a property (ftmEntityId) have ids made of both ends; the others keep theirs.
    const derived = typeof r.ftmEntityId === "string";
    return [
      `${type}|${m(start)}|${m(end)}|${typeof r.ftmProperty === "string" ? r.ftmProperty : ""}|${derived ? "" : m(text(r.id))}`,
      {
        status: r.status,
        confidence: r.confidence,
        validFrom: opt(r.validFrom),
        validTo: opt(r.validTo),
        amount: opt(r.amount),
        currency: opt(r.currency),
        amountEur: opt(r.amountEur),
        amountUsd: opt(r.amountUsd),
        goods: sorted(r.goods),
        hedge: opt(r.hedge),
        note: derived ? null : opt(r.note),
        ftmId: typeof r.ftmId === "string" ? m(r.ftmId) : null,
        ftmEntityId: typeof r.ftmEntityId === "string" ? m(r.ftmEntityId) : null,
        ftm: ftm(r),
      },
    ];
  });
  return {
    entities: Object.fromEntries(entities.sort(([a], [b]) => a.localeCompare(b))),
    relationships: Object.fromEntries(relationships.sort(([a], [b]) => a.localeCompare(b))),
  };
}

describe("FtM export checked by the real followthemoney library (Python, .venv-ftm/)", () => {
  const server = useTestServer();
  const ns = `pyftm-${Date.now().toString(36)}`;
  const back = `${ns}-back`;
  const tmp = mkdtempSync(join(tmpdir(), "pyftm-"));
  let python = "";

  beforeAll(async () => {
    // Builds .venv-ftm/ from scripts/ftm-requirements.txt on first use (PyPI, about 20 s), reuses it after.
    const env = await sh("bash", [join(ROOT, "scripts", "ftm-env.sh")]);
    if (env.code !== 0) throw new Error(`scripts/ftm-env.sh failed (exit ${env.code}); the test needs python3 (3.10+) and PyPI:\n${env.stderr}`);
    python = env.stdout.trim();
    await runImport(server().app.db, { format: "ftm", path: ZENIT, namespace: ns, batchSize: 7, rejectsFile: null });
    await runImport(server().app.db, { format: "ftm", path: FTM_SAMPLE, namespace: ns, rejectsFile: null });
  }, 660_000);
  afterAll(async () => {
    await server().app.imports.deleteNamespace(ns);
    await server().app.imports.deleteNamespace(back);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("has the committed model file that the pinned followthemoney generates, and notices one that differs", async () => {
    const check = await sh("bash", [join(ROOT, "scripts", "ftm-model.sh"), "--check"]);
    expect(check.stderr).toContain("matches followthemoney==4.11.2");
    expect(check.code).toBe(0);
    const model = JSON.parse(readFileSync(join(ROOT, "src", "import", "ftm-model.json"), "utf8")) as {
      ftmVersion: string;
      schemata: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(model.ftmVersion).toBe("4.11.2");
    const drifted = join(tmp, "drifted.json");
    delete model.schemata.LegalEntity!.properties.abbreviation;
    writeFileSync(drifted, `${JSON.stringify(model, null, 1)}\n`);
    const drift = await sh("bash", [join(ROOT, "scripts", "ftm-model.sh"), "--check", drifted]);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("differs from what followthemoney==4.11.2 generates");
  }, 120_000);

  it("writes an export of the whole graph (seed, our fixture, the OpenSanctions sample) that FtM 4 loads with no error and no dropped reference", async () => {
    const res = await fetch(`${server().server.url}/export/ftm?scope=all`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const file = join(tmp, "all.ftm.jsonl");
    writeFileSync(file, text);
    const check = await sh(python, [join(ROOT, "scripts", "ftm-check.py"), file]);
    const report = JSON.parse(check.stdout) as { ftmVersion: string; entities: number; errors: string[]; droppedReferences: string[] };
    expect(report).toMatchObject({ ftmVersion: "4.11.2", errors: [], droppedReferences: [] });
    expect(report.entities).toBe(text.trim().split("\n").length);
    // The check can fail: the fixture itself names entities it lacks and a property FtM 4.11 lacks.
    const fixture = await sh(python, [join(ROOT, "scripts", "ftm-check.py"), ZENIT]);
    expect(fixture.code).toBe(1);
    const fixtureReport = JSON.parse(fixture.stdout) as { errors: string[]; droppedReferences: string[] };
    expect(fixtureReport.errors).toEqual(["line 8: Company has no property riskClassification"]);
    expect(fixtureReport.droppedReferences.some((d) => d.includes("addr-izhevsk-missing"))).toBe(true);
  }, 120_000);

  it("gives back an identical graph when the export is imported again, seed included", async () => {
    const res = await fetch(`${server().server.url}/export/ftm?scope=all`);
    const file = join(tmp, "again.ftm.jsonl");
    writeFileSync(file, await res.text());
    const read = async () => ({
      nodes: (await server().app.db.read("export-entities-page", { after: "", limit: neo4j.int(100_000) })).map((r) => r.entity as Row),
      rels: (await server().app.db.read("export-relationships-page", { afterStart: "", afterType: "", afterId: "", limit: neo4j.int(100_000) })).map(
        (row): Rel => {
          const r = row.rel as Row;
          return { type: text(r.type), r, start: text(r.start), end: text(r.end) };
        },
      ),
    });
    const before = await read();
    const summary = await runImport(server().app.db, { format: "ftm", path: file, namespace: back, rejectsFile: null });
    expect(summary).toMatchObject({ rejected: 0 });
    const after = await read();
    const countries = new Set(before.nodes.filter((n) => n.kind === "Country").map((n) => text(n.id)));
    const ids = new Set(before.nodes.map((n) => text(n.id)));
    const m = (id: string) => (countries.has(id) ? id : `${back}:${id}`);
    const original = snapshot(before.nodes, before.rels, m, ids);
    const mine = (id: string) => id.startsWith(`${back}:`);
    const reimported = snapshot(
      after.nodes.filter((n) => mine(text(n.id))),
      after.rels.filter((x) => mine(text(x.r.id))),
      (id) => id,
      new Set(),
    );
    const originalNodes = Object.fromEntries(Object.entries(original.entities).filter(([id]) => mine(id)));
    expect(Object.keys(reimported.entities).length).toBeGreaterThan(50);
    expect(reimported.entities).toEqual(originalNodes);
    expect(Object.keys(original.relationships).filter((k) => !(k in reimported.relationships))).toEqual([]);
    expect(Object.keys(reimported.relationships).length).toBe(Object.keys(original.relationships).length);
    expect(reimported.relationships).toEqual(original.relationships);
  }, 120_000);
});
