import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fromFtmId } from "../../dist/src/import/ftm-ids.js";
import { runImport } from "../../dist/src/import/importer.js";
import { useTestServer } from "../helpers/test-app.js";

const SAMPLE = join(import.meta.dirname, "..", "..", "..", "shared", "data", "ftm-sample.jsonl");

interface Ftm {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  actorgraph?: { status: string; confidence: number; evidence: unknown[] };
}

/** An entity with every value as a sorted set, so comparisons ignore value order. */
const normalized = (e: Ftm) => ({
  id: e.id,
  schema: e.schema,
  properties: Object.fromEntries(Object.entries(e.properties).map(([p, values]) => [p, [...new Set(values)].sort()])),
});

describe("FtM round trip (import ftm → GET /export/ftm)", () => {
  const server = useTestServer();
  const NS = `exportrt-${Date.now().toString(36)}`;
  afterAll(async () => server().app.imports.deleteNamespace(NS));

  const exportNamespace = async (): Promise<Map<string, Ftm>> => {
    const res = await fetch(`${server().server.url}/export/ftm?scope=all`);
    expect(res.status).toBe(200);
    // Namespaced ids are no FtM ids: the export encodes them (src/import/ftm-ids.ts), reversibly.
    const all = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Ftm)
      .map((e) => ({ ...e, id: fromFtmId(e.id), properties: Object.fromEntries(Object.entries(e.properties).map(([p, vs]) => [p, vs.map(fromFtmId)])) }));
    const strip = (v: string) => (v.startsWith(`${NS}:`) ? v.slice(NS.length + 1) : v);
    const ours = all.filter((e) => e.id.startsWith(`${NS}:`));
    // Every value that names another entity of the import is namespaced too.
    return new Map(
      ours.map((e) => [
        strip(e.id),
        { ...e, id: strip(e.id), properties: Object.fromEntries(Object.entries(e.properties).map(([p, vs]) => [p, vs.map(strip)])) },
      ]),
    );
  };

  const input = readFileSync(SAMPLE, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Ftm);
  const expectSameAsInput = (out: Map<string, Ftm>) => {
    expect([...out.keys()].sort()).toEqual(input.map((e) => e.id).sort());
    for (const original of input) expect(normalized(out.get(original.id)!), original.id).toEqual(normalized(original));
  };

  it("gives back exactly the input's entities: same ids, schemata, property names and value sets", async () => {
    await runImport(server().app.db, { format: "ftm", path: SAMPLE, namespace: NS, rejectsFile: null });
    expectSameAsInput(await exportNamespace());
  });

  it("keeps provenance on links and gives the same entities after a second import", async () => {
    await runImport(server().app.db, { format: "ftm", path: SAMPLE, namespace: NS, rejectsFile: null });
    const out = await exportNamespace();
    expectSameAsInput(out);
    const ownership = out.get("syn-own-1")!;
    expect(ownership.properties).toMatchObject({ percentage: ["100"], sourceUrl: ["https://registry.example/kz/steppe"] });
    expect(ownership.actorgraph).toMatchObject({ status: "REPORTED", confidence: 0.8 });
    expect(ownership.actorgraph!.evidence.length).toBe(1);
  });
});
