import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { dropResolution, validInn, writeRecords } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";

const tag = `ra${Date.now().toString(36)}`;
const EDITOR = `auto-${tag}`;
const INN = validInn(Date.now());
const OTHER_INN = validInn(Date.now() + 7);

interface Answers {
  addEntity: { entity: { id: string; name: string; mergedIds: string[]; aliases: string[] } };
  judgements: { left: string; right: string; judgement: string; actor: string; reason: string }[];
  entity: { id: string; mergedIds: string[] };
  candidates: { left: { id: string }; right: { id: string }; score: number; reasons: { feature: string }[] }[];
}

const ADD_ENTITY = `mutation($input: EntityInput!) { addEntity(input: $input) { entity { id name mergedIds aliases } } }`;

describe("automatic resolution: an equal strong identifier, and nothing else", () => {
  const server = useTestServer();
  let editor = "";
  const made: string[] = [`${tag}-kz`];
  const ok = async (query: string, variables: Record<string, unknown> = {}): Promise<Answers> => {
    const res = await server().gql<Answers>(query, variables, editor);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
  });
  afterAll(async () => {
    await dropResolution(server().app.db, made);
  });

  it("resolves two records with one INN into one entity, judged by system with the reason", async () => {
    const first = (await ok(ADD_ENTITY, { input: { name: `Vektor Aero ${tag}`, kind: "Company", country: "RU", identifiers: [`inn:${INN}`] } })).addEntity
      .entity;
    made.push(first.id);
    expect(first.mergedIds).toEqual([]);
    const second = (
      await ok(ADD_ENTITY, { input: { name: `ООО «Вектор Аэро» ${tag}`, kind: "Company", identifiers: [`inn:${INN.slice(0, 4)}-${INN.slice(4)}`] } })
    ).addEntity.entity;
    made.push(...second.mergedIds, second.id);
    expect(second).toMatchObject({ id: first.id, name: `Vektor Aero ${tag}`, aliases: [`ООО «Вектор Аэро» ${tag}`] });
    expect(second.mergedIds).toHaveLength(1);
    const { judgements } = await ok(`query($id: ID!) { judgements(id: $id) { left right judgement actor reason } }`, { id: second.mergedIds[0] });
    expect(judgements).toEqual([
      {
        left: first.id,
        right: second.mergedIds[0],
        judgement: "POSITIVE",
        actor: "system",
        reason: `Same INN ${INN} (countries RU and unknown): automatic resolution by equal strong identifier`,
      },
    ]);
  });

  it("merges nothing on an INN held in two countries, nor on a name alone: both stay candidates", async () => {
    await writeRecords(server().app.db, [{ id: `${tag}-kz`, name: `Vektor Aero ${tag}`, country: "KZ", identifiers: [`innCode:${INN}`] }]);
    const auto = await server().app.services.resolution.autoResolve([`${tag}-kz`]);
    expect(auto).toMatchObject({ recordsChecked: 1, pairsFound: 0, judged: 0 });
    const { entity } = await ok(`query($id: ID!) { entity(id: $id) { id mergedIds } }`, { id: `${tag}-kz` });
    expect(entity).toEqual({ id: `${tag}-kz`, mergedIds: [] });
    const { candidates } = await ok(`query($id: ID!) { candidates(id: $id, minScore: 0.5) { left { id } right { id } score reasons { feature } } }`, {
      id: `${tag}-kz`,
    });
    const mine = candidates.find((c) => [c.left.id, c.right.id].includes(made[1]!));
    expect(mine?.score).toBe(0.8);
    expect(mine?.reasons.map((r) => r.feature)).toEqual(["name_literal", "identifier_strong", "country_mismatch"]);
  });

  it("never merges on an invalid INN", async () => {
    const bad = `${INN.slice(0, 9)}${(Number(INN[9]) + 1) % 10}`;
    const a = (await ok(ADD_ENTITY, { input: { name: `Bad Inn A ${tag}`, kind: "Company", identifiers: [`inn:${bad}`, `inn:${OTHER_INN}x`] } })).addEntity
      .entity;
    const b = (await ok(ADD_ENTITY, { input: { name: `Bad Inn B ${tag}`, kind: "Company", identifiers: [`inn:${bad}`] } })).addEntity.entity;
    made.push(a.id, b.id);
    expect([a.mergedIds, b.mergedIds]).toEqual([[], []]);
  });
});
