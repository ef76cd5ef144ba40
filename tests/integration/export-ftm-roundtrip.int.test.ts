import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runImport } from "../../dist/src/import/importer.js";
import { useTestServer } from "../helpers/test-app.js";

const SAMPLE = join(import.meta.dirname, "..", "..", "..", "shared", "data", "ftm-sample.jsonl");
const NS = "exportrt";

/**
 * Properties the FtM importer (src/import/ftm-mapper.ts) turns into graph structure or merges,
 * rather than storing as `ftm_<property>`: name-typed values become `name` + `aliases` (the split
 * between name and alias is not kept), country-typed ones links to Country nodes (the exporter
 * writes the home country back as `country`), entity-typed ones relationships.
 */
const NOT_STORED_BY_IMPORTER = new Set(["name", "alias", "country", "jurisdiction", "nationality", "originCountry", "departureCountry", "destinationCountry", "sender", "receiver", "declarant", "entity"]);

describe("FtM round trip (import ftm → GET /export/ftm)", () => {
  const server = useTestServer();
  afterAll(async () => server().app.imports.deleteNamespace(NS));

  it("gives back every thing entity with its schema, names and stored properties", async () => {
    const input = readFileSync(SAMPLE, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    await runImport(server().app.db, { format: "ftm", path: SAMPLE, namespace: NS, rejectsFile: null });
    const text = await (await fetch(`${server().server.url}/export/ftm?scope=all`)).text();
    const out = new Map(text.trim().split("\n").map((l) => JSON.parse(l)).map((e) => [e.id, e]));
    const things = input.filter((e) => !["Ownership", "Directorship", "Representation", "Payment", "UnknownLink"].includes(e.schema));
    for (const original of things) {
      const exported = out.get(`${NS}:${original.id}`);
      expect(exported?.schema, original.id).toBe(original.schema);
      const names = (p: Record<string, string[]>) => new Set([...(p.name ?? []), ...(p.alias ?? [])]);
      expect(names(exported.properties), original.id).toEqual(names(original.properties));
      for (const [prop, values] of Object.entries(original.properties as Record<string, string[]>)) {
        if (!NOT_STORED_BY_IMPORTER.has(prop)) expect(exported.properties[prop], `${original.id}.${prop}`).toEqual(values);
      }
    }
    // Links come back as FtM intervals between the same (namespaced) entities.
    const ownership = [...out.values()].find((e) => e.id === `${NS}:syn-own-1`);
    expect(ownership).toMatchObject({ schema: "Ownership", properties: { owner: [`${NS}:syn-person-a`], asset: [`${NS}:syn-co-steppe`], startDate: ["2022-06-20"] } });
    expect(ownership.actorgraph).toMatchObject({ status: "REPORTED", confidence: 0.8 });
    expect(ownership.actorgraph.evidence.length).toBeGreaterThan(0);
  });
});
