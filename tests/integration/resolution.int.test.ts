import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftmChunks } from "../../dist/src/export/ftm.js";
import { wholeGraph } from "../../dist/src/export/graph-source.js";
import type { ExportGraph } from "../../dist/src/export/types.js";
import { testToken } from "../helpers/auth.js";
import { dropResolution, writeRecords } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";

const tag = `r${Date.now().toString(36)}`;
const id = (name: string) => `${tag}-${name}`;
const EDITOR = `judge-${tag}`;

const JUDGE = `mutation($l: ID!, $r: ID!, $j: JudgementValue!, $reason: String!) { judge(left: $l, right: $r, judgement: $j, reason: $reason) { id left right judgement actor at reason version } }`;
const ENTITY = `query($id: ID!) { entity(id: $id) { id name aliases mergedIds country relationships { id from { id } to { id } } } }`;
const CANDIDATES = `query($id: ID, $min: Float) { candidates(id: $id, minScore: $min, limit: 50) { left { id } right { id } leftRecord rightRecord score reasons { feature weight detail } } }`;

interface Ref {
  id: string;
}
interface Reason {
  feature: string;
  weight: number;
  detail: string;
}
interface Candidate {
  left: Ref;
  right: Ref;
  leftRecord: string;
  rightRecord: string;
  score: number;
  reasons: Reason[];
}
interface Judgement {
  id: string;
  left: string;
  right: string;
  judgement: string;
  actor: string;
  at: string;
  reason: string;
  version: number;
}
interface EntityAnswer {
  id: string;
  name: string;
  aliases: string[];
  mergedIds: string[];
  relationships: { id: string }[];
}
interface Answers {
  judge: Judgement;
  entity: EntityAnswer;
  candidates: Candidate[];
  judgements: Judgement[];
  history: { actor: string; operation: string; reason: string; targetKind: string; version: number; after: { canonical: unknown } }[];
}

describe("entity resolution: judgements, clusters and candidates", () => {
  const server = useTestServer();
  let editor = "";
  let reader = "";
  const ids = ["nw-gb", "nw-ltd", "nw-other", "vk-a", "vk-b", "buyer", "ru"].map(id);

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => server().gql<Answers>(query, variables, token);
  const ok = async (query: string, variables: Record<string, unknown> = {}): Promise<Answers> => {
    const res = await as(editor, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const judge = (l: string, r: string, j: string, reason = "test") => as(editor, JUDGE, { l, r, j, reason });

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
    reader = await testToken(`reader-${tag}`, "reader");
    await writeRecords(
      server().app.db,
      [
        { id: id("nw-gb"), name: `NORTHWIND AVIA ${tag} LIMITED`, country: "GB" },
        { id: id("nw-ltd"), name: `North Wind Avia ${tag} Ltd`, country: "GB", aliases: [`NWA ${tag}`] },
        { id: id("nw-other"), name: `Northwind Avia ${tag}`, country: "KZ", kind: "Person" },
        { id: id("vk-a"), name: `Vektor ${tag} Trading`, country: "RU" },
        { id: id("vk-b"), name: `Vector ${tag} Trading Ltd`, country: "RU" },
        { id: id("buyer"), name: `Buyer ${tag}`, country: "RU" },
        { id: id("ru"), name: `Front ${tag}`, kind: "Place" },
      ],
      [
        ["SUPPLIED", id("nw-gb"), id("buyer"), id("s1")],
        ["SUPPLIED", id("buyer"), id("ru"), id("s2")],
      ],
    );
  });
  afterAll(async () => {
    await dropResolution(server().app.db, ids);
  });

  it("lists a name-only look-alike as a candidate, with its reasons, and merges nothing by itself", async () => {
    const { candidates } = await ok(CANDIDATES, { id: id("nw-gb"), min: 0.7 });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ left: { id: id("nw-gb") }, right: { id: id("nw-ltd") }, score: 0.95 });
    expect(candidates[0]!.reasons.map((r) => r.feature)).toEqual(["name_fingerprint", "country_match"]);
    expect(candidates[0]!.reasons[0]!.detail).toContain("without the legal forms (limited, ltd)");
    const { entity } = await ok(ENTITY, { id: id("nw-ltd") });
    expect(entity).toMatchObject({ id: id("nw-ltd"), mergedIds: [] });
  });

  it("needs the editor role to judge", async () => {
    const res = await as(reader, JUDGE, { l: id("nw-gb"), r: id("nw-ltd"), j: "POSITIVE", reason: "same registry entry" });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await server().gql(JUDGE, { l: id("nw-gb"), r: id("nw-ltd"), j: "POSITIVE", reason: "x" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("makes one entity of a POSITIVE pair: one id, every name, every relationship, the merged id resolving to it", async () => {
    const res = await judge(id("nw-gb"), id("nw-ltd"), "POSITIVE", "Same Companies House number in both sources");
    expect(res.errors).toBeUndefined();
    expect(res.data?.judge).toMatchObject({
      left: id("nw-gb"),
      right: id("nw-ltd"),
      judgement: "POSITIVE",
      actor: EDITOR,
      reason: "Same Companies House number in both sources",
      version: 1,
    });
    expect(res.data?.judge.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const asked of [id("nw-gb"), id("nw-ltd")]) {
      const { entity } = await ok(ENTITY, { id: asked });
      expect(entity.id).toBe(id("nw-gb"));
      expect(entity.name).toBe(`NORTHWIND AVIA ${tag} LIMITED`);
      expect(entity.mergedIds).toEqual([id("nw-ltd")]);
      expect(entity.aliases).toEqual([`North Wind Avia ${tag} Ltd`, `NWA ${tag}`]);
      expect(entity.relationships.map((r) => r.id)).toEqual([id("s1")]);
    }
    const { candidates } = await ok(CANDIDATES, { id: id("nw-ltd"), min: 0.5 });
    expect(candidates.map((c) => c.right.id)).not.toContain(id("nw-ltd"));
    const history = (await ok(`query($id: ID!) { history(id: $id) { actor operation reason targetKind version after } }`, { id: res.data?.judge.id })).history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actor: EDITOR,
      operation: "judge",
      reason: "Same Companies House number in both sources",
      targetKind: "judgement",
      version: 1,
    });
    expect(history[0]!.after.canonical).toEqual({ left: id("nw-gb"), right: id("nw-gb") });
  });

  it("exports the cluster as one entity: one node, every name, its relationships, the merged record as an FtM referent", async () => {
    const mine = (ids: string[]) => ids.filter((i) => i.startsWith(tag));
    const collect = async (graph: ExportGraph) => {
      const nodes: { id: string; aliases: readonly string[] }[] = [];
      const edges: { id: string; from: string; to: string; startRecord: string }[] = [];
      for await (const page of graph.nodes()) nodes.push(...page.filter((n) => n.id.startsWith(tag)));
      for await (const page of graph.edges())
        edges.push(...page.filter((e) => e.id.startsWith(tag)).map((e) => ({ id: e.id, from: e.from.id, to: e.to.id, startRecord: e.startRecord })));
      return { nodes, edges };
    };
    // Small pages, so the cluster's two records fall in different pages and it is written once.
    const all = await collect(wholeGraph(server().app.db, 2));
    expect(mine(all.nodes.map((n) => n.id)).sort()).toEqual([id("buyer"), id("nw-gb"), id("nw-other"), id("ru"), id("vk-a"), id("vk-b")]);
    expect(all.nodes.find((n) => n.id === id("nw-gb"))?.aliases).toEqual([`North Wind Avia ${tag} Ltd`, `NWA ${tag}`]);
    expect(all.edges.find((e) => e.id === id("s1"))).toEqual({ id: id("s1"), from: id("nw-gb"), to: id("buyer"), startRecord: id("nw-gb") });
    const listed = await collect(
      await server().app.exports.graph({ kind: "elements", nodes: [id("nw-ltd"), id("buyer")], relationships: [{ type: "SUPPLIED", id: id("s1") }] }),
    );
    expect([listed.nodes.map((n) => n.id), listed.edges.map((e) => e.id)]).toEqual([[id("nw-gb"), id("buyer")], [id("s1")]]);
    let line: { id: string; referents?: string[] } | undefined;
    for await (const chunk of ftmChunks(await server().app.exports.graph({ kind: "elements", nodes: [id("nw-gb")], relationships: [] }))) {
      for (const text of chunk.split("\n").filter(Boolean)) line ??= JSON.parse(text) as { id: string; referents?: string[] };
    }
    expect(line?.referents).toEqual([expect.stringContaining("nw-ltd") as string]);
  });

  it("refuses a POSITIVE between kinds that cannot be one actor, and the same record twice", async () => {
    expect((await judge(id("nw-gb"), id("nw-other"), "POSITIVE")).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await judge(id("nw-gb"), id("nw-gb"), "NEGATIVE")).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await judge(id("nw-gb"), `${tag}-missing`, "NEGATIVE")).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("keeps a NEGATIVE pair out of the candidates for good, and refuses a POSITIVE across it", async () => {
    const before = (await ok(CANDIDATES, { id: id("vk-a"), min: 0.8 })).candidates;
    expect(before.map((c) => c.right.id)).toEqual([id("vk-b")]);
    expect((await judge(id("vk-a"), id("vk-b"), "NEGATIVE", "Different directors and addresses")).errors).toBeUndefined();
    const after = (await ok(CANDIDATES, { id: id("vk-a"), min: 0 })).candidates;
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((c) => c.right.id === id("vk-b"))).toBe(false);
    const all = (await ok(CANDIDATES, { id: null, min: 0.5 })).candidates;
    expect(all.some((c) => [c.left.id, c.right.id].includes(id("vk-a")))).toBe(false);
    const conflict = await judge(id("nw-ltd"), id("vk-b"), "POSITIVE");
    expect(conflict.errors).toBeUndefined();
    const across = await judge(id("vk-a"), id("nw-gb"), "POSITIVE");
    expect(across.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "JUDGED_APART" });
    expect((await judge(id("nw-ltd"), id("vk-b"), "NEGATIVE", "taken back")).errors).toBeUndefined();
  });

  it("splits a cluster with a NEGATIVE on its POSITIVE pair, and says which judgements still join an indirect one", async () => {
    expect((await judge(id("nw-ltd"), id("vk-b"), "POSITIVE", "again")).errors).toBeUndefined();
    const still = await judge(id("nw-gb"), id("vk-b"), "NEGATIVE");
    expect(still.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "STILL_JOINED" });
    expect((still.errors?.[0]?.extensions?.chain as unknown[]).length).toBe(2);
    expect((await judge(id("nw-ltd"), id("vk-b"), "NEGATIVE", "wrong after all")).errors).toBeUndefined();
    expect((await judge(id("nw-gb"), id("nw-ltd"), "UNSURE", "the registry numbers differ by one digit")).errors).toBeUndefined();
    const gb = (await ok(ENTITY, { id: id("nw-gb") })).entity;
    const ltd = (await ok(ENTITY, { id: id("nw-ltd") })).entity;
    expect([gb.id, gb.mergedIds, ltd.id, ltd.mergedIds]).toEqual([id("nw-gb"), [], id("nw-ltd"), []]);
    expect(ltd.relationships).toEqual([]);
    const { judgements } = await ok(`query($id: ID!) { judgements(id: $id) { left right judgement version actor } }`, { id: id("nw-ltd") });
    expect(judgements.map((j) => `${j.judgement}${j.version}`).sort()).toEqual(["NEGATIVE4", "UNSURE2"]);
  });
});
