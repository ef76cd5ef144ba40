import { describe, expect, it } from "vitest";
import type { PendingRecord } from "../../src/import/batch-writer.js";
import { alignRelationshipIds, heldKey, type HeldEndpoints } from "../../src/import/relationship-ids.js";
import type { EntityFact, RelationshipFact } from "../../src/import/types.js";
import type { RelationshipType } from "../../src/model/vocabulary.js";

const entity = (id: string, name: string): EntityFact => ({ id, name, kind: "Company", aliases: [], topics: [], ftmSchema: null, props: {} });
const rel = (type: RelationshipType, id: string, start: string, end: string, props: RelationshipFact["props"] = {}): RelationshipFact => ({
  id,
  type,
  start,
  end,
  status: "REPORTED",
  confidence: 0.8,
  validFrom: null,
  validTo: null,
  props,
  evidence: { quote: id, start: 1, end: 1, sourceId: "s" },
});
const record = (line: number, entities: EntityFact[], relationships: RelationshipFact[]): PendingRecord => ({
  line,
  facts: { entities, countries: [], relationships, publications: [], requiredIds: [] },
});
/** A customs declaration: exporter and importer parties, each BASED_IN its country, and the SUPPLIED under the record's id. */
const declaration = (line: number, recordId: string, exporter: [string, string], importer: [string, string]): PendingRecord => {
  const party = ([name, cc]: [string, string]) => `party-${cc}-${name.toLowerCase()}`;
  const [e, i] = [party(exporter), party(importer)];
  return record(
    line,
    [entity(e, exporter[0]), entity(i, importer[0])],
    [
      rel("BASED_IN", `${e}>BASED_IN>country-${exporter[1]}`, e, `country-${exporter[1]}`),
      rel("BASED_IN", `${i}>BASED_IN>country-${importer[1]}`, i, `country-${importer[1]}`),
      rel("SUPPLIED", `customs-${recordId}`, e, i, { recordId }),
    ],
  );
};

describe("alignRelationshipIds", () => {
  it("keeps a batch without repeated ids as the same record objects", () => {
    const records = [declaration(2, "R1", ["Acme", "de"], ["Beta", "ru"]), declaration(3, "R2", ["Acme", "de"], ["Gamma", "ru"])];
    const { kept, rejects } = alignRelationshipIds(records, new Map());
    expect(rejects).toEqual([]);
    expect(kept[0]).toBe(records[0]);
    expect(kept[1]).toBe(records[1]);
  });

  it("rejects a later declaration under the same record id between parties of other names, and keeps the first", () => {
    const records = [
      declaration(2, "R1", ["Acme", "de"], ["Beta", "ru"]),
      declaration(3, "R1", ["Omega", "cn"], ["Beta", "ru"]),
      declaration(4, "R2", ["Omega", "cn"], ["Beta", "ru"]),
    ];
    const { kept, rejects } = alignRelationshipIds(records, new Map());
    expect(kept.map((r) => r.line)).toEqual([2, 4]);
    expect(rejects).toEqual([
      {
        line: 3,
        code: "CONFLICTING_ID",
        reason:
          'line 3: SUPPLIED "customs-R1" is stated at line 2 from "Acme" to "Beta"; this record states it from "Omega" to "Beta" (another declaration under the same record id and source?)',
      },
    ]);
  });

  it("moves a SUPPLIED whose party has the same name under another id onto the first one, dropping the party it no longer names", () => {
    // The same exporter name with another country gives another party id; party resolution
    // links parties by exact name, so the name decides.
    const records = [declaration(2, "R1", ["Acme", "de"], ["Beta", "ru"]), declaration(3, "R1", ["Acme", "tr"], ["Beta", "ru"])];
    const { kept, rejects } = alignRelationshipIds(records, new Map());
    expect(rejects).toEqual([]);
    expect(kept[1]!.facts.relationships.map((r) => [r.type, r.start, r.end])).toEqual([
      ["BASED_IN", "party-ru-beta", "country-ru"],
      ["SUPPLIED", "party-de-acme", "party-ru-beta"],
    ]);
    expect(kept[1]!.facts.entities.map((e) => e.id)).toEqual(["party-ru-beta"]);
    expect(records[1]!.facts.relationships).toHaveLength(3);
  });

  it("rejects an FtM link id restated between other entities even when their names match: FtM ids name entities", () => {
    const a = entity("p-a", "Alpha Ltd");
    const twin = entity("p-a2", "Alpha Ltd");
    const b = entity("p-b", "Beta Ltd");
    const records = [
      record(4, [], [rel("OWNS", "own-1", "p-a", "p-b")]),
      record(5, [], [rel("OWNS", "own-1", "p-a2", "p-b")]),
      record(6, [], [rel("OWNS", "own-2", "p-a2", "p-b")]),
    ];
    const { kept, rejects } = alignRelationshipIds(records, new Map(), new Map([a, twin, b].map((e) => [e.id, e.name])));
    expect(kept.map((r) => r.line)).toEqual([4, 6]);
    expect(rejects).toEqual([
      {
        line: 5,
        code: "CONFLICTING_ID",
        reason:
          'line 5: OWNS "own-1" is stated at line 4 from "Alpha Ltd" to "Beta Ltd"; this record states it from "Alpha Ltd" to "Beta Ltd" (one id for two different links)',
      },
    ]);
  });

  it("checks against stored endpoints given in `held`, and says they are stored", () => {
    const held = new Map<string, HeldEndpoints>([[heldKey("OWNS", "own-1"), { start: "p-a", end: "p-b", startName: "Alpha Ltd", endName: "Beta Ltd" }]]);
    const same = record(2, [], [rel("OWNS", "own-1", "p-a", "p-b")]);
    const other = record(3, [entity("p-c", "Gamma Ltd")], [rel("OWNS", "own-1", "p-a", "p-c")]);
    const { kept, rejects } = alignRelationshipIds([same, other], held);
    expect(kept).toEqual([same]);
    expect(rejects[0]!.reason).toBe(
      'line 3: OWNS "own-1" is stored from "Alpha Ltd" to "Beta Ltd"; this record states it from "p-a" to "Gamma Ltd" (one id for two different links)',
    );
  });

  it("never treats two unnamed endpoints as the same party", () => {
    const held = new Map<string, HeldEndpoints>([[heldKey("SUPPLIED", "x"), { start: "s1", end: "e", startName: undefined, endName: undefined }]]);
    const { rejects } = alignRelationshipIds([record(2, [], [rel("SUPPLIED", "x", "s2", "e")])], held);
    expect(rejects.map((r) => r.code)).toEqual(["CONFLICTING_ID"]);
  });
});
