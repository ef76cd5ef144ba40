import { describe, expect, it } from "vitest";
import { foldEntities, groupRelationships, MAX_EVIDENCE_PER_RELATIONSHIP, uniqueCountries } from "../../src/import/batch-facts.js";
import {
  packEntities,
  packFirstState,
  packRelationships,
  prepareFacts,
  relationshipRuns,
  withNameKeys,
  withQuoteIndexes,
} from "../../src/import/batch-prepare.js";
import { createRelationshipsQuery } from "../../src/import/create-query.js";
import { isoDate } from "../../src/import/facts.js";
import { EMPTY_LIST, FIELD, ITEM, NULL, packField } from "../../src/import/packed-rows.js";
import type { PropertyValue, RelationshipFact } from "../../src/import/types.js";

const rel = (over: Partial<RelationshipFact> & { quote: string }): RelationshipFact => ({
  id: "p>BASED_IN>country-ru",
  type: "BASED_IN",
  start: "p",
  end: "country-ru",
  status: "REPORTED",
  confidence: 0.7,
  validFrom: null,
  validTo: null,
  props: {},
  evidence: { quote: over.quote, start: 1, end: 1, sourceId: "s" },
  ...over,
});

describe("groupRelationships", () => {
  it("folds one relationship's facts into one, evidence in record order without repeats", () => {
    const out = groupRelationships([
      rel({ quote: "a", props: { x: 1, y: 2 } }),
      rel({ quote: "b", props: { y: null }, status: "LIKELY" }),
      rel({ quote: "a" }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.evidence.map((e) => e.quote)).toEqual(["a", "b"]);
    expect(out[0]!.props).toEqual({ x: 1, y: null });
    expect(out[0]!.status).toBe("REPORTED");
  });

  it("lists every record as a statement but keeps only the first evidence, plus the first of each further source", () => {
    const many = Array.from({ length: MAX_EVIDENCE_PER_RELATIONSHIP + 5 }, (_, i) =>
      rel({
        quote: `q${i}`,
        statedOn: `2023-01-${String(i + 1).padStart(2, "0")}`,
        evidence: { quote: `q${i}`, start: i + 2, end: i + 2, sourceId: i === 22 ? "other" : "s" },
      }),
    );
    const [g] = groupRelationships(many);
    expect(g!.statements).toHaveLength(MAX_EVIDENCE_PER_RELATIONSHIP + 5);
    expect(g!.statements[0]).toEqual({ line: 2, date: "2023-01-01" });
    expect(g!.evidence.map((e) => e.quote)).toEqual([...Array.from({ length: MAX_EVIDENCE_PER_RELATIONSHIP }, (_, i) => `q${i}`), "q22"]);
    expect(g!.aggregate).toBe(false);
  });

  it("carries a customs aggregate's values per statement", () => {
    const shipment = { recordId: "R1", amount: 10, currency: "USD", quantity: 2, via: ["KZ"] };
    const [g] = groupRelationships([rel({ quote: "a", type: "SUPPLIED", statedOn: "2023-02-01", shipment, idPrefix: "customs-agg-8806" })]);
    expect(g).toMatchObject({ aggregate: true, statements: [{ line: 1, date: "2023-02-01", ...shipment }] });
    expect(g).not.toHaveProperty("idPrefix");
  });

  it("keeps relationships with the same id but other endpoints apart", () => {
    expect(groupRelationships([rel({ quote: "a" }), rel({ quote: "a", start: "q" })])).toHaveLength(2);
  });
});

describe("foldEntities", () => {
  const party = (
    name: string,
    props: Record<string, string | null>,
    extra: Partial<{ aliases: string[]; topics: string[]; kind: "Company" | "Person"; ftmSchema: string | null }> = {},
  ) => ({
    id: "p",
    name,
    kind: extra.kind ?? ("Company" as const),
    aliases: extra.aliases ?? [],
    topics: extra.topics ?? [],
    ftmSchema: extra.ftmSchema ?? null,
    props,
  });

  it("gives one fact per id, as MERGEing the versions in order would: first name, the other names as aliases, props last-wins", () => {
    const folded = foldEntities([
      party("A&B Ltd", { description: "exporter", country: "HK" }),
      party("A+B Ltd", { description: "manufacturer" }, { aliases: ["AB"], topics: ["sanction"] }),
      { ...party("Q", {}), id: "q" },
      party("A&B Ltd", { description: "importer", country: null }, { topics: ["sanction", "crime"], kind: "Person", ftmSchema: "Person" }),
    ]);
    expect(folded).toEqual([
      {
        ...party("A&B Ltd", { description: "importer", country: null }),
        aliases: ["A+B Ltd", "AB"],
        topics: ["sanction", "crime"],
        kind: "Person",
        ftmSchema: "Person",
      },
      { ...party("Q", {}), id: "q" },
    ]);
  });

  it("returns a single version as it is, and keeps the last FtM schema stated", () => {
    const one = party("Solo", { a: "1" }, { aliases: ["S"] });
    expect(foldEntities([one])).toEqual([one]);
    expect(foldEntities([party("X", {}, { ftmSchema: "Company" }), party("X", {})])[0]!.ftmSchema).toBe("Company");
  });

  describe("FtM property lists (ftm_<prop>), unioned as FollowTheMoney merges an entity's fragments", () => {
    const ftm = (name: string, props: Record<string, PropertyValue>, ftmSchema = "Company") => ({ ...party(name, {}, { ftmSchema }), props });

    it("unions an ftm_ list stated again: earlier values first, then the new ones, each once", () => {
      const [folded] = foldEntities([
        ftm("E One", { ftm_name: ["E One"], ftm_alias: ["E1 alias A"] }, "LegalEntity"),
        ftm("E One", { ftm_name: ["E One"], ftm_alias: ["E1 alias B", "E1 alias A"] }),
        ftm("E One", { ftm_alias: ["E1 alias C"] }),
      ]);
      expect(folded!.props).toEqual({ ftm_name: ["E One"], ftm_alias: ["E1 alias A", "E1 alias B", "E1 alias C"] });
      expect(folded!.ftmSchema).toBe("Company");
    });

    it("keeps every FtM name while the first is the graph name and the others aliases", () => {
      const [folded] = foldEntities([ftm("E Two", { ftm_name: ["E Two"] }), ftm("E Two renamed", { ftm_name: ["E Two renamed"] })]);
      expect(folded).toMatchObject({ name: "E Two", aliases: ["E Two renamed"], props: { ftm_name: ["E Two", "E Two renamed"] } });
    });

    it("leaves other properties last-wins, and an ftm_ value that is not a list (null, a string) replaces as before", () => {
      const [folded] = foldEntities([
        ftm("X", { description: "first", tags: ["a"], ftm_notes: ["n1"], ftm_x: "s1", ftm_y: ["y1"] }),
        ftm("X", { description: "second", tags: ["b"], ftm_notes: ["n2"], ftm_x: ["x2"], ftm_y: null }),
      ]);
      expect(folded!.props).toEqual({ description: "second", tags: ["b"], ftm_notes: ["n1", "n2"], ftm_x: ["x2"], ftm_y: null });
    });

    it("leaves the versions it folds unchanged", () => {
      const a = ftm("X", { ftm_alias: ["a"] });
      const b = ftm("X", { ftm_alias: ["b"] });
      foldEntities([a, b]);
      expect(a.props).toEqual({ ftm_alias: ["a"] });
      expect(b.props).toEqual({ ftm_alias: ["b"] });
    });
  });
});

describe("uniqueCountries", () => {
  it("keeps the first fact per id", () => {
    const ru = { id: "country-ru", code: "RU", name: "Russia" };
    expect(uniqueCountries([ru, { ...ru, name: "x" }])).toEqual([ru]);
  });
});

describe("withQuoteIndexes", () => {
  it("sends each quote once per run and refers to it by index", () => {
    const grouped = groupRelationships([rel({ quote: "a" }), rel({ quote: "b", id: "x", start: "x" }), rel({ quote: "a", id: "y", start: "y" })]);
    const { relationships, texts } = withQuoteIndexes(grouped);
    expect(texts).toEqual(["a", "b"]);
    const quotes = (relationships as { evidence: { quote: number }[] }[]).map((r) => r.evidence.map((e) => texts[e.quote]));
    expect(quotes).toEqual(grouped.map((g) => g.evidence.map((e) => e.quote)));
  });
});

describe("prepareFacts", () => {
  it("lists the endpoints the batch does not MERGE itself, and every id it provides", () => {
    const ru = { id: "country-ru", code: "RU", name: "Russia" };
    const entity = {
      id: "p",
      name: "P",
      kind: "Company",
      aliases: [],
      topics: [],
      ftmSchema: null,
      props: {},
      matchName: { name: "P", country: "RU" },
    } as const;
    const facts = {
      entities: [entity],
      countries: [ru],
      relationships: [rel({ quote: "a" }), rel({ quote: "b", id: "f", type: "SUPPLIED", start: "p", end: "other" })],
      publications: [],
      requiredIds: [],
    };
    const p = prepareFacts([
      { line: 2, facts },
      { line: 3, facts },
    ]);
    // Not stated by the batch, with no range to type it by: a LegalEntity stub when missing.
    expect(p.otherEndpoints).toEqual([{ id: "other", kind: "LegalEntity", ftmSchema: null }]);
    // "p" is a packed entity, linked to the Source by its own query.
    expect(p.provided).toEqual(["country-ru", "other"]);
    // Packed: no props, so one group with no keys; aliases and topics empty, ftmSchema null, then
    // latinNames (none: "P" is its own Latin spelling), nameKey and aliasKeys (none: no alias).
    expect(p.entities).toEqual([]);
    expect(p.packedEntities).toEqual([
      { keys: [], kinds: [], rows: [["p", "P", "Company", EMPTY_LIST, EMPTY_LIST, NULL, EMPTY_LIST, "p", EMPTY_LIST].join(FIELD)] },
    ]);
    expect(p.countries).toEqual([ru]);
    // Both are SUPPLIED/BASED_IN: packed, one group per property signature.
    expect(p.merge).toEqual([]);
    expect(p.packed.flatMap((g) => g.relationships.map((r) => r.id))).toEqual(["p>BASED_IN>country-ru", "f"]);
    expect(p.stated).toBe(8);
  });
});

describe("packed rows", () => {
  it("packs values as the create query unpacks them, and refuses what it cannot", () => {
    expect(packField(null)).toBe(NULL);
    expect(packField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(packField(-0)).toBe("-0");
    expect(packField(true)).toBe("true");
    expect(packField([])).toBe(EMPTY_LIST);
    expect(packField(["a", ""])).toBe(`a${ITEM}`);
    expect(packField(`tab\u001fbed`)).toBeUndefined();
    expect(packField(["ok", "x\u0018"])).toBeUndefined();
    expect(packField(Number.NaN)).toBeUndefined();
  });

  it("packs entities by property signature, and keeps as maps, in order, an id stated twice and a value it cannot pack", () => {
    const e = (id: string, props: Record<string, string | number | string[] | null>, name = id.toUpperCase()) =>
      withNameKeys({ id, name, kind: "Company" as const, aliases: ["a", "b"], topics: [], ftmSchema: "Company", props });
    const { packed, maps } = packEntities([
      e("x", { country: "RU", n: 2 }),
      e("y", { country: "KZ", n: 3 }),
      e("z", { gone: null }),
      e("twice", {}),
      e("twice", { v: "2" }),
      e("bad", {}, "tab\u001f"),
    ]);
    // latinNames: none, every name is its own Latin spelling; then the name's key.
    // latinNames, nameKey, then aliasKeys: the keys of the aliases "a" and "b".
    const keyed = (id: string) => [EMPTY_LIST, id, `a${ITEM}b`];
    expect(packed).toEqual([
      {
        keys: ["country", "n"],
        kinds: ["s", "n"],
        rows: [
          ["x", "X", "Company", `a${ITEM}b`, EMPTY_LIST, "Company", ...keyed("x"), "RU", "2"].join(FIELD),
          ["y", "Y", "Company", `a${ITEM}b`, EMPTY_LIST, "Company", ...keyed("y"), "KZ", "3"].join(FIELD),
        ],
      },
      { keys: ["gone"], kinds: ["z"], rows: [["z", "Z", "Company", `a${ITEM}b`, EMPTY_LIST, "Company", ...keyed("z"), NULL].join(FIELD)] },
    ]);
    expect(maps.map((m) => [m.id, m.props])).toEqual([
      ["twice", {}],
      ["twice", { v: "2" }],
      ["bad", {}],
    ]);
  });

  it("packs a relationship's first state: all statements counted, first and last dates, last and first line", () => {
    const [g] = groupRelationships([
      rel({ quote: "q1", statedOn: "2023-05-02", evidence: { quote: "q1", start: 7, end: 7, sourceId: "s" } }),
      rel({ quote: "q2", statedOn: "2022-01-09", evidence: { quote: "q2", start: 9, end: 9, sourceId: "s" } }),
    ]);
    const lines = [12, 15];
    const withLines = { ...g!, statements: g!.statements.map((st, i) => ({ ...st, line: lines[i]! })) };
    const fields = packFirstState(withLines, [])!.split(FIELD);
    expect(fields).toEqual([
      "BASED_IN",
      "p>BASED_IN>country-ru",
      "REPORTED",
      "0.7",
      NULL,
      NULL,
      "2022-01-09",
      "2023-05-02",
      `q1${ITEM}q2`,
      `7${ITEM}9`,
      `7${ITEM}9`,
      `s${ITEM}s`,
      "2",
      "15",
      "12",
    ]);
  });

  it("sends a relationship with an unpackable value, an aggregate or another type to the general query", () => {
    const grouped = groupRelationships([
      rel({ quote: "fine", id: "a", start: "a", type: "SUPPLIED", props: { note: "n", goods: ["HS 8806"], quantity: 3, empty: null } }),
      rel({ quote: "bad\u001ftext", id: "b", start: "b" }),
      rel({ quote: "other type", id: "c", start: "c", type: "OWNS" }),
    ]);
    const { packed, merge } = packRelationships(grouped);
    expect(packed).toHaveLength(1);
    // A null prop is packed as kind "z": restating a stored relationship removes it, as `r += {empty: null}` does.
    expect(packed[0]!.keys).toEqual(["note", "goods", "quantity", "empty"]);
    expect(packed[0]!.kinds).toEqual(["s", "l", "n", "z"]);
    expect(packed[0]!.rows[0]!.split(FIELD).slice(15)).toEqual(["n", "HS 8806", "3", NULL]);
    expect(merge.map((r) => r.id)).toEqual(["b", "c"]);
  });

  it("generates the create query's props map from allow-listed keys only, and sends other keys to the general query", () => {
    const text = createRelationshipsQuery(["goods", "amount", "flag", "gone", "note"], ["l", "n", "b", "z", "s"]);
    expect(text).toContain(
      "SET r += {`goods`: CASE f[15] WHEN '\\u001A' THEN [] ELSE split(f[15], '\\u001E') END, `amount`: toFloat(f[16]), `flag`: f[17] = 'true', `gone`: null, `note`: f[19]})",
    );
    expect(text).not.toContain("$$PROPS$$");
    expect(() => createRelationshipsQuery(["x`}) DETACH DELETE r //"], ["s"])).toThrow(/cannot go into a generated query/);
    const grouped = groupRelationships([
      rel({ quote: "a", id: "ok", start: "a", props: { note: "n" } }),
      rel({ quote: "b", id: "odd", start: "b", props: { "odd key": "v" } }),
    ]);
    const { packed, merge } = packRelationships(grouped);
    expect(packed.flatMap((g) => g.relationships.map((r) => r.id))).toEqual(["ok"]);
    expect(merge.map((r) => r.id)).toEqual(["odd"]);
  });

  it("cuts packed relationships into create runs with each endpoint once, the rest into merge runs", () => {
    const grouped = groupRelationships([
      rel({ quote: "x", id: "one", start: "n" }),
      rel({ quote: "y", id: "two", start: "n" }),
      rel({ quote: "z", id: "own", start: "o", type: "OWNS" }),
    ]);
    const runs = relationshipRuns(packRelationships(grouped));
    expect(runs.create.flatMap((r) => r.relationships.map((x) => x.id))).toEqual(["one", "two"]);
    expect(runs.create[0]).toMatchObject({ ids: ["n", "country-ru"], endpoints: [0, 1, 0, 1] });
    expect(runs.merge.flatMap((r) => (r.relationships as { id: string }[]).map((x) => x.id))).toEqual(["own"]);
  });
});

describe("isoDate", () => {
  it("takes ISO 8601 dates and their year or month prefixes, and refuses days and months the calendar lacks", () => {
    expect(isoDate("2024-02-29T10:00:00Z", "date")).toBe("2024-02-29");
    expect(isoDate("2023-07", "date")).toBe("2023-07-01");
    expect(isoDate("1999", "date")).toBe("1999-01-01");
    expect(isoDate("", "date")).toBeNull();
    for (const bad of ["2023-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00"]) {
      expect(() => isoDate(bad, "date"), bad).toThrow(/is not a valid date/);
    }
    expect(() => isoDate("03/02/2023", "date")).toThrow(/is not an ISO 8601 date/);
  });
});
