import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { dropResolution, validInn } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";

const run = Date.now().toString(36);
const NS = { a: `ria${run}`, b: `rib${run}`, c: `ric${run}`, ref: `rir${run}` };
const INN = validInn(Date.now() + 11);
const EDITOR = `importer-${run}`;

interface Judgement {
  left: string;
  right: string;
  judgement: string;
  actor: string;
  reason: string;
  version: number;
}
interface Answers {
  entity: { id: string; name: string; mergedIds: string[] };
  judgements: Judgement[];
  candidates: { left: { id: string }; right: { id: string }; score: number }[];
  judge: Judgement;
}

const ftm = (id: string, schema: string, properties: Record<string, string[]>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, schema, properties, ...extra });

describe("automatic resolution at import: an equal INN, OpenSanctions referents, re-import and import:delete", () => {
  const server = useTestServer();
  const tmp = mkdtempSync(join(tmpdir(), "resolution-import-"));
  const files: Record<string, string> = {};
  let editor = "";
  const write = (name: string, lines: string[]) => {
    files[name] = join(tmp, `${name}.ftm.jsonl`);
    writeFileSync(files[name], `${lines.join("\n")}\n`);
  };
  const load = (name: string, namespace: string) => server().app.imports.importFile({ format: "ftm", path: files[name]!, namespace, rejectsFile: null });
  const ok = async (query: string, variables: Record<string, unknown> = {}): Promise<Answers> => {
    const res = await server().gql<Answers>(query, variables, editor);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const entity = async (id: string) => (await ok(`query($id: ID!) { entity(id: $id) { id name mergedIds } }`, { id })).entity;
  const judgements = async (id: string) =>
    (await ok(`query($id: ID!) { judgements(id: $id) { left right judgement actor reason version } }`, { id })).judgements;

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
    write("register", [ftm("vektor", "Company", { name: ["Vektor Aero"], country: ["ru"], innCode: [INN] })]);
    write("sanctions", [
      ftm("vektor-aero", "Company", { name: ["ООО «Вектор Аэро»"], innCode: [`${INN.slice(0, 4)} ${INN.slice(4)}`], topics: ["sanction"] }),
      ftm("vector-aero-trading", "Company", { name: ["Vector Aero Trading"], country: ["ru"] }),
    ]);
    write("other", [ftm("vektor-branch", "Company", { name: ["Vektor Aero, Kazan branch"], country: ["ru"] })]);
    write("canonical-first", [ftm("NK-c1", "Company", { name: ["Polar Crest Holdings"] }, { referents: ["old-c1"] })]);
    write("older-second", [ftm("old-c1", "Company", { name: ["Polar Crest Ltd"], country: ["kz"] })]);
    write("older-first", [ftm("old-e1", "Company", { name: ["Amber Harbor Trading FZE"] })]);
    write("canonical-second", [ftm("NK-e1", "Company", { name: ["Amber Harbor Trading"] }, { referents: ["old-e1"] })]);
  });
  afterAll(async () => {
    for (const ns of Object.values(NS)) await server().app.imports.deleteNamespace(ns);
    await dropResolution(server().app.db, [
      `${NS.a}:vektor`,
      `${NS.b}:vektor-aero`,
      `${NS.b}:vector-aero-trading`,
      `${NS.c}:vektor-branch`,
      `${NS.ref}:NK-c1`,
      `${NS.ref}:old-c1`,
      `${NS.ref}:NK-e1`,
      `${NS.ref}:old-e1`,
    ]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("resolves two records with one INN from two datasets into one entity, and says so in the import summary", async () => {
    expect((await load("register", NS.a)).resolution).toMatchObject({ judged: 0 });
    const summary = await load("sanctions", NS.b);
    expect(summary.resolution).toMatchObject({ recordsChecked: 1, pairsFound: 1, judged: 1 });
    expect(summary.resolution?.examples).toEqual([
      {
        left: `${NS.a}:vektor`,
        right: `${NS.b}:vektor-aero`,
        reason: `Same INN ${INN} (countries RU and unknown): automatic resolution by equal strong identifier`,
      },
    ]);
    for (const id of [`${NS.a}:vektor`, `${NS.b}:vektor-aero`])
      expect(await entity(id)).toEqual({ id: `${NS.a}:vektor`, name: "Vektor Aero", mergedIds: [`${NS.b}:vektor-aero`] });
    expect(await judgements(`${NS.b}:vektor-aero`)).toEqual([
      {
        left: `${NS.a}:vektor`,
        right: `${NS.b}:vektor-aero`,
        judgement: "POSITIVE",
        actor: "system",
        reason: expect.stringMatching(/^Same INN/) as string,
        version: 1,
      },
    ]);
  });

  it("lists a name-only look-alike as a candidate without merging it", async () => {
    expect(await entity(`${NS.b}:vector-aero-trading`)).toMatchObject({ id: `${NS.b}:vector-aero-trading`, mergedIds: [] });
    const { candidates } = await ok(`query($id: ID!) { candidates(id: $id, minScore: 0.5) { left { id } right { id } score } }`, {
      id: `${NS.b}:vector-aero-trading`,
    });
    expect(candidates.find((c) => c.left.id === `${NS.a}:vektor`)).toMatchObject({ right: { id: `${NS.b}:vector-aero-trading` } });
  });

  it("resolves an OpenSanctions referent in either import order", async () => {
    await load("canonical-first", NS.ref);
    expect((await load("older-second", NS.ref)).resolution).toMatchObject({ judged: 1 });
    expect(await entity(`${NS.ref}:old-c1`)).toEqual({ id: `${NS.ref}:NK-c1`, name: "Polar Crest Holdings", mergedIds: [`${NS.ref}:old-c1`] });
    await load("older-first", NS.ref);
    expect((await load("canonical-second", NS.ref)).resolution).toMatchObject({ judged: 1 });
    expect(await entity(`${NS.ref}:old-e1`)).toEqual({ id: `${NS.ref}:NK-e1`, name: "Amber Harbor Trading", mergedIds: [`${NS.ref}:old-e1`] });
    expect(await judgements(`${NS.ref}:NK-e1`)).toEqual([
      {
        left: `${NS.ref}:NK-e1`,
        right: `${NS.ref}:old-e1`,
        judgement: "POSITIVE",
        actor: "system",
        reason: `OpenSanctions referents: ${NS.ref}:old-e1 is an older id of ${NS.ref}:NK-e1`,
        version: 1,
      },
    ]);
  });

  it("keeps every judgement through a re-import, and through import:delete the ones about records other data still holds", async () => {
    await load("other", NS.c);
    await ok(
      `mutation($l: ID!, $r: ID!) { judge(left: $l, right: $r, judgement: POSITIVE, reason: "The branch files under the head office's INN") { version } }`,
      { l: `${NS.a}:vektor`, r: `${NS.c}:vektor-branch` },
    );
    await ok(`mutation($l: ID!, $r: ID!) { judge(left: $l, right: $r, judgement: NEGATIVE, reason: "A trading house with another director") { version } }`, {
      l: `${NS.a}:vektor`,
      r: `${NS.b}:vector-aero-trading`,
    });
    const before = await judgements(`${NS.a}:vektor`);
    expect(before.map((j) => `${j.judgement} ${j.actor}`).sort()).toEqual([`NEGATIVE ${EDITOR}`, `POSITIVE ${EDITOR}`, "POSITIVE system"]);

    for (const [name, ns] of [
      ["register", NS.a],
      ["sanctions", NS.b],
      ["other", NS.c],
    ] as const)
      expect((await load(name, ns)).resolution).toMatchObject({ judged: 0 });
    expect(await judgements(`${NS.a}:vektor`)).toEqual(before);
    expect((await entity(`${NS.c}:vektor-branch`)).mergedIds.sort()).toEqual([`${NS.b}:vektor-aero`, `${NS.c}:vektor-branch`].sort());

    expect(await server().app.imports.deleteNamespace(NS.b)).toMatchObject({ judgementsDeleted: 1 });
    const after = await judgements(`${NS.a}:vektor`);
    expect(after.map((j) => `${j.judgement} ${j.actor} ${j.left}–${j.right}`).sort()).toEqual([
      `NEGATIVE ${EDITOR} ${NS.a}:vektor–${NS.b}:vector-aero-trading`,
      `POSITIVE ${EDITOR} ${NS.a}:vektor–${NS.c}:vektor-branch`,
    ]);
    expect(await entity(`${NS.c}:vektor-branch`)).toEqual({ id: `${NS.a}:vektor`, name: "Vektor Aero", mergedIds: [`${NS.c}:vektor-branch`] });

    expect((await load("sanctions", NS.b)).resolution).toMatchObject({ judged: 1 });
    expect((await entity(`${NS.b}:vektor-aero`)).mergedIds.sort()).toEqual([`${NS.b}:vektor-aero`, `${NS.c}:vektor-branch`].sort());
    const { candidates } = await ok(`query($id: ID!) { candidates(id: $id, minScore: 0) { left { id } right { id } } }`, { id: `${NS.b}:vector-aero-trading` });
    expect(candidates.some((c) => [c.left.id, c.right.id].includes(`${NS.a}:vektor`))).toBe(false);
  });
});
