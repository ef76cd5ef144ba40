import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { useTestServer } from "../helpers/test-app.js";
import { dropWrites } from "../helpers/writes.js";

const ns = `itc${Date.now().toString(36)}`;
const CLIENTS = 8;
const QUOTE = "drones crossed into Russia";
const ADD_SOURCE = `mutation($input: SourceInput!) { addSource(input: $input) { id } }`;
const ADD_ENTITY = `mutation($input: EntityInput!) { addEntity(input: $input) { entity { id } } }`;
const ADD_CLAIM = `mutation($input: ClaimInput!) { addClaim(input: $input) { id version } }`;
const CORROBORATE = `mutation($id: ID!, $evidence: [EvidenceInput!]!) { corroborate(claimId: $id, evidence: $evidence) { id version } }`;

describe("8 clients adding and corroborating claims at once", () => {
  const server = useTestServer();
  const subjects = Array.from({ length: CLIENTS }, (_, i) => `client-${i}-${ns}`);
  const made = { claims: [] as string[], entities: [] as string[], sources: [] as string[], actors: subjects };
  const tokens: string[] = [];
  const sources: string[] = [];
  let hub = "";

  beforeAll(async () => {
    for (const subject of subjects) tokens.push(await testToken(subject, "editor"));
    for (let i = 0; i < CLIENTS; i += 1) {
      const res = await server().gql(
        ADD_SOURCE,
        { input: { title: `Wire ${i}`, publisher: `Independent Wire ${i} ${ns}`, text: `Wire ${i} (${ns}): ${QUOTE} again; and a ${i}-th note.` } },
        tokens[i],
      );
      sources.push(res.data.addSource.id);
    }
    for (const name of ["Hub", ...Array.from({ length: CLIENTS }, (_, i) => `Spoke ${i}`)]) {
      const res = await server().gql(ADD_ENTITY, { input: { name: `${name} ${ns}`, kind: "Company" } }, tokens[0]);
      made.entities.push(res.data.addEntity.entity.id);
    }
    hub = made.entities[0]!;
    made.sources.push(...sources);
  });

  afterAll(async () => {
    await dropWrites(server().app.db, made);
  });

  it("loses no update, writes no duplicate claim, and records every revision", async () => {
    const evidence = (i: number) => [{ sourceId: sources[i], quote: QUOTE }];
    const client = async (i: number) => {
      // Each client states the shared claim (one wins, the others corroborate it) and one of its own.
      const own = server().gql(
        ADD_CLAIM,
        { input: { from: hub, to: made.entities[i + 1], type: "SUPPLIED", status: "REPORTED", evidence: evidence(i) } },
        tokens[i],
      );
      const shared = await server().gql(
        ADD_CLAIM,
        { input: { from: hub, to: "country-ru", type: "SUPPLIED", status: "REPORTED", evidence: evidence(i) } },
        tokens[i],
      );
      let outcome: string;
      if (shared.errors) {
        expect(shared.errors[0]!.extensions).toMatchObject({ code: "CONFLICT", claimId: expect.any(String) });
        const corroborated = await server().gql(CORROBORATE, { id: shared.errors[0]!.extensions!.claimId, evidence: evidence(i) }, tokens[i]);
        expect(corroborated.errors).toBeUndefined();
        outcome = "corroborated";
      } else {
        outcome = "added";
      }
      const mine = await own;
      expect(mine.errors).toBeUndefined();
      made.claims.push(mine.data.addClaim.id);
      return outcome;
    };
    const outcomes = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    expect(outcomes.filter((o) => o === "added")).toHaveLength(1);

    const rows = await server().app.driver.executeQuery(
      "MATCH (:Entity {id: $hub})-[r:SUPPLIED]->(:Entity {id: 'country-ru'}) RETURN r.id AS id, r.version AS version, r.evidenceSourceIds AS sources, r.confidence AS confidence",
      { hub },
    );
    expect(rows.records).toHaveLength(1);
    const shared = rows.records[0]!.toObject();
    made.claims.push(shared.id);
    expect(Number(shared.version)).toBe(CLIENTS);
    expect([...shared.sources].sort()).toEqual([...sources].sort());
    expect(shared.confidence).toBeCloseTo(0.8 + 0.2 * (1 - 2 ** -(CLIENTS - 1)), 5);

    const history = (await server().gql(`query($id: ID!) { history(id: $id) { version operation actor } }`, { id: shared.id })).data.history;
    expect(history.map((h: { version: number }) => h.version)).toEqual(Array.from({ length: CLIENTS }, (_, i) => i + 1));
    expect(history.filter((h: { operation: string }) => h.operation === "addClaim")).toHaveLength(1);
    expect(history.filter((h: { operation: string }) => h.operation === "corroborate")).toHaveLength(CLIENTS - 1);
    expect(history.map((h: { actor: string }) => h.actor).sort()).toEqual([...subjects].sort());

    const own = made.claims.filter((id) => id !== shared.id);
    expect(new Set(own).size).toBe(CLIENTS);
    for (const id of own) {
      const revisions = (await server().gql(`query($id: ID!) { history(id: $id) { operation } }`, { id })).data.history;
      expect(revisions).toEqual([{ operation: "addClaim" }]);
    }
  });
});
