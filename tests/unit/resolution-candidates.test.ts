import { describe, expect, it } from "vitest";
import { blockKeys, usableBlocks } from "../../src/resolution/blocking.js";
import { BlockIndex, generateCandidates } from "../../src/resolution/candidates.js";
import { chooseCanonical, clustersOf, judgementChain, type JudgementEdge } from "../../src/resolution/clusters.js";
import { crossingPoints, describeCrossing } from "../../src/resolution/identity-crossings.js";
import { prepareRecord, type MatchRecord } from "../../src/resolution/matcher.js";
import { matchRecord } from "../support/match-records.js";

const rec = matchRecord;

const pages = (records: MatchRecord[]) => [records];

describe("blocking", () => {
  it("keys a record by its name words, whole names, identifiers and words within its country", () => {
    const keys = blockKeys(prepareRecord(rec("a", "Vektor Trading LLC", { countries: ["HK"], aliases: ["ООО Вектор"], identifiers: ["inn:7707083893"] })));
    expect(keys.sort()).toEqual(["i:inn:7707083893", "n:vektor", "n:vektortrading", "w:trading", "w:trading@HK", "w:vektor", "w:vektor@HK"]);
  });

  it("uses a country sub-block only when its word's block is a stop word", () => {
    const postings = new Map<string, number[]>([
      ["w:trading", Array.from({ length: 150 }, (_, i) => i)],
      ["w:trading@HK", [1, 2, 3]],
      ["w:vektor", [1, 7]],
      ["w:vektor@HK", [1, 7]],
      ["w:alone", [4]],
    ]);
    expect(usableBlocks(postings, 100)).toEqual([
      [1, 7],
      [1, 2, 3],
    ]);
  });
});

describe("generateCandidates", () => {
  const records = [
    rec("a", "NORTHWIND AVIA LIMITED", { countries: ["GB"] }),
    rec("b", "North Wind Avia Ltd", { countries: ["GB"] }),
    rec("c", "Northwind Avia", { kind: "Person" }),
    rec("d", "Vektor", { identifiers: ["inn:7707083893"], countries: ["RU"] }),
    rec("e", "ООО Вектор", { identifiers: ["innCode:7707083893"], countries: ["RU"] }),
    rec("f", "Russia", { kind: "Country" }),
  ];

  it("lists each pair once, best first, never across incompatible kinds", async () => {
    const index = new BlockIndex();
    await index.addAll(pages(records));
    expect(index.records.map((r) => r.record.id)).toEqual(["a", "b", "c", "d", "e"]);
    const { candidates, stats } = await generateCandidates(index, { minScore: 0.5 });
    expect(candidates.map((c) => [c.left, c.right, c.score])).toEqual([
      ["d", "e", 1],
      ["a", "b", 0.95],
    ]);
    expect(stats.truncated).toBe(false);
    expect(candidates[0]!.reasons.map((r) => r.feature)).toEqual(["identifier_strong", "name_fingerprint", "country_match"]);
  });

  it("skips pairs within one cluster and pairs a judgement decided, and reports clusters by canonical id", async () => {
    const index = new BlockIndex();
    await index.addAll(pages([...records, rec("g", "North-Wind Avia", { countries: ["GB"] })]));
    const canonical = new Map([["g", "a"]]);
    const { candidates } = await generateCandidates(index, {
      minScore: 0.5,
      canonicalOf: (id) => canonical.get(id) ?? id,
      decided: (l, r) => l === "d" && r === "e",
    });
    expect(candidates.map((c) => [c.left, c.right])).toEqual([["a", "b"]]);
  });

  it("compares a cluster as one record: every name, every country", async () => {
    const index = new BlockIndex();
    await index.addAll(
      pages([
        rec("k1", "Vektor", { countries: ["RU"] }),
        rec("k2", "Вектор Аэро", { kind: "LegalEntity", countries: ["KZ"] }),
        rec("z", "Vektor Aero", { countries: ["KZ"] }),
      ]),
      new Map([["k2", "k1"]]),
    );
    expect(index.records.map((r) => [r.record.id, r.record.kind, r.record.name, r.record.aliases, r.record.countries])).toEqual([
      ["z", "Company", "Vektor Aero", [], ["KZ"]],
      ["k1", "Company", "Vektor", ["Вектор Аэро"], ["RU", "KZ"]],
    ]);
    const { candidates } = await generateCandidates(index, { minScore: 0.5 });
    expect(candidates.map((c) => [c.left, c.right, c.score])).toEqual([["k1", "z", 0.95]]);
  });

  it("stops at maxPairs and says so", async () => {
    const index = new BlockIndex();
    await index.addAll(pages(records));
    const { stats } = await generateCandidates(index, { minScore: 0.5, maxPairs: 1 });
    expect(stats).toMatchObject({ pairsCompared: 1, truncated: true });
  });
});

describe("clusters", () => {
  const j = (left: string, right: string, judgement: JudgementEdge["judgement"] = "POSITIVE"): JudgementEdge => ({ left, right, judgement });

  it("are the connected components of POSITIVE judgements", () => {
    expect(clustersOf(["a", "b", "c", "d"], [j("a", "b"), j("b", "c", "NEGATIVE"), j("c", "d"), j("d", "x")])).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keep the canonical id of the larger side, a QID first, and the left of the judgement on a tie", () => {
    expect(chooseCanonical(["a", "b"], new Map(), "b")).toBe("b");
    expect(
      chooseCanonical(
        ["a", "b", "c"],
        new Map([
          ["a", "c"],
          ["c", "c"],
          ["b", "b"],
        ]),
        "b",
      ),
    ).toBe("c");
    expect(chooseCanonical(["a", "ns:Q42", "NK-x"], new Map(), "a")).toBe("ns:Q42");
    expect(
      chooseCanonical(
        ["b", "c"],
        new Map([
          ["b", "a"],
          ["c", "a"],
        ]),
        null,
      ),
    ).toBe("b");
  });

  it("give the chain of judgements between two members", () => {
    const edges = [j("a", "b"), j("b", "c"), j("a", "c", "NEGATIVE"), j("c", "d")];
    expect(judgementChain(edges, "a", "d")?.map((e) => `${e.left}=${e.right}`)).toEqual(["a=b", "b=c", "c=d"]);
    expect(judgementChain(edges, "a", "z")).toBeNull();
    expect(judgementChain(edges, "a", "a")).toEqual([]);
  });
});

describe("identity crossings", () => {
  const judged = (left: string, right: string, actor: string, reason: string) => ({
    id: `j-${left}-${right}`,
    left,
    right,
    judgement: "POSITIVE" as const,
    actor,
    at: "2026-12-07T10:00:00.000Z",
    reason,
    version: 1,
  });

  it("are where consecutive hops meet at different records, and where an asked id is another record of an end", () => {
    const hops = [
      { fromRecord: "a", toRecord: "x1" },
      { fromRecord: "x2", toRecord: "b" },
      { fromRecord: "b", toRecord: "c2" },
    ];
    expect(crossingPoints("a", "c1", hops)).toEqual([
      { position: 1, from: "x1", to: "x2" },
      { position: 3, from: "c2", to: "c1" },
    ]);
    expect(crossingPoints("a0", null, hops.slice(0, 1))).toEqual([{ position: 0, from: "a0", to: "a" }]);
  });

  it("say which judgements join the records, in order", () => {
    const names = (id: string) => ({ x1: "NORTHWIND AVIA LIMITED", x2: "North Wind Avia Ltd" })[id] ?? id;
    const direct = describeCrossing({ position: 1, from: "x1", to: "x2" }, [judged("x2", "x1", "alice", "Same registry number")], names);
    expect(direct?.text).toBe("NORTHWIND AVIA LIMITED = North Wind Avia Ltd, judged by alice on 2026-12-07: Same registry number");
    const chain = describeCrossing(
      { position: 1, from: "x1", to: "x2" },
      [judged("x1", "x3", "system", "Same INN"), judged("x3", "x2", "bob", "Same address")],
      names,
    );
    expect(chain?.text).toBe(
      "NORTHWIND AVIA LIMITED = x3, judged by system on 2026-12-07: Same INN; then x3 = North Wind Avia Ltd, judged by bob on 2026-12-07: Same address",
    );
    expect(describeCrossing({ position: 1, from: "x1", to: "x2" }, [], names)).toBeNull();
  });
});
