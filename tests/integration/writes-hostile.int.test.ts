import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../dist/src/auth/auth.service.js";
import { testToken } from "../helpers/auth.js";
import { TEST_AUTH_SECRET, useTestServer } from "../helpers/test-app.js";
import { dropWrites } from "../helpers/writes.js";

const ns = `ith${Date.now().toString(36)}`;
const EDITOR = `editor-${ns}`;

const ADD_SOURCE = `mutation($input: SourceInput!) { addSource(input: $input) { id } }`;
const ADD_ENTITY = `mutation($input: EntityInput!, $key: String) { addEntity(input: $input, idempotencyKey: $key) { entity { id } } }`;
const CLAIM = `id status confidence version retraction { reason }`;
const ADD_CLAIM = `mutation($input: ClaimInput!) { addClaim(input: $input) { ${CLAIM} } }`;
const CORROBORATE = `mutation($id: ID!, $evidence: [EvidenceInput!]!) { corroborate(claimId: $id, evidence: $evidence) { ${CLAIM} evidence { quote } } }`;
const RETRACT = `mutation($id: ID!, $v: Int!) { retractClaim(claimId: $id, reason: "wrong (${ns})", expectedVersion: $v) { ${CLAIM} } }`;
const SET_STATUS = `mutation($id: ID!, $v: Int!) { setClaimStatus(claimId: $id, status: UNCONFIRMED, reason: "unsure (${ns})", expectedVersion: $v) { ${CLAIM} } }`;
const CLAIM_BY_ID = `query($id: ID!) { claim(id: $id) { ${CLAIM} } }`;

describe("writes under hostile and mistaken use", () => {
  const server = useTestServer();
  const made = { claims: [] as string[], entities: [] as string[], sources: [] as string[], actors: [EDITOR] };
  let editor = "";
  const tmp = mkdtempSync(join(tmpdir(), `${ns}-`));

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => server().gql(query, variables, token);
  const ok = async (query: string, variables: Record<string, unknown> = {}, token = editor) => {
    const res = await as(token, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
  });

  afterAll(async () => {
    await server().app.imports.deleteNamespace(ns);
    await dropWrites(server().app.db, made);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("refuses a string with half a character anywhere in an operation, storing nothing", async () => {
    const input = { title: `Lone (${ns})`, publisher: "P", text: `Drones \uD83D crossed (${ns}).` };
    const viaVariables = await as(editor, ADD_SOURCE, { input });
    expect(viaVariables.status).toBe(400);
    expect(viaVariables.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "LONE_SURROGATE" });
    const inDocument = await as(editor, `mutation { addSource(input: {title: "Lone", text: "Drones \\uD83D crossed (${ns})."}) { id } }`);
    expect(inDocument.status).toBe(400);
    expect(inDocument.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    const whole = (await ok(ADD_SOURCE, { input: { ...input, text: `Drones \uD83D\uDE81 crossed (${ns}).` } })).addSource;
    made.sources.push(whole.id);
    expect((await ok(`query($id: ID!) { source(id: $id) { text } }`, { id: whole.id })).source.text).toBe(`Drones 🚁 crossed (${ns}).`);
  });

  it("refuses a token without an expiry, which would stay valid for ever", async () => {
    const forever = await new SignJWT({ roles: ["editor"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(EDITOR)
      .setIssuer("actorgraph")
      .setAudience("actorgraph")
      .sign(new TextEncoder().encode(TEST_AUTH_SECRET));
    const res = await as(forever, `{ me { subject } }`);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/exp/), extensions: { code: "UNAUTHENTICATED" } });
  });

  it("runs at most 10 mutations in one operation, counted through fragments, and none of a refused one", async () => {
    const fields = Array.from({ length: 11 }, (_, i) => `m${i}: addEntity(input: {name: "Batch ${i} ${ns}", kind: Company}) { entity { id } }`).join(" ");
    for (const doc of [`mutation { ${fields} }`, `mutation { ...W } fragment W on Mutation { ${fields} }`]) {
      const res = await as(editor, doc);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", mutations: 11, maxMutations: 10 });
    }
    const written = await as(editor, `query($a: ID!, $b: ID!) { first: entity(id: $a) { id } last: entity(id: $b) { id } }`, {
      a: `batch-0-${ns}`,
      b: `batch-10-${ns}`,
    });
    expect(written.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
  });

  it("caps a claim's evidence at 200 quotes, however often it is corroborated", async () => {
    const sentences = Array.from({ length: 230 }, (_, i) => `Fact ${i} of ${ns} was shipped.`);
    const source = (await ok(ADD_SOURCE, { input: { title: `Facts (${ns})`, publisher: `Facts ${ns}`, text: sentences.join(" ") } })).addSource.id as string;
    made.sources.push(source);
    const quotes = (from: number) => sentences.slice(from, from + 20).map((quote) => ({ sourceId: source, quote }));
    const a = (await ok(ADD_ENTITY, { input: { name: `Facts A ${ns}`, kind: "Company" } })).addEntity.entity.id as string;
    const b = (await ok(ADD_ENTITY, { input: { name: `Facts B ${ns}`, kind: "Company" } })).addEntity.entity.id as string;
    made.entities.push(a, b);
    const claim = (await ok(ADD_CLAIM, { input: { from: a, to: b, type: "SUPPLIED", status: "REPORTED", evidence: quotes(0) } })).addClaim;
    made.claims.push(claim.id);
    for (let from = 20; from < 200; from += 20) await ok(CORROBORATE, { id: claim.id, evidence: quotes(from) });
    const refused = await as(editor, CORROBORATE, { id: claim.id, evidence: quotes(200) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", max: 200, current: 200 });
    expect((await ok(CLAIM_BY_ID, { id: claim.id })).claim.version).toBe(10);

    // A revision records what its change touched, not the claim's 200 quotes again.
    await ok(SET_STATUS, { id: claim.id, v: 10 });
    const { history } = await ok(`query($id: ID!) { history(id: $id) { version before after } }`, { id: claim.id });
    const last = history.at(-1);
    expect(last.before).toMatchObject({ status: "REPORTED", version: 10 });
    expect(last.after).toMatchObject({ status: "UNCONFIRMED", assertedStatus: "UNCONFIRMED", version: 11 });
    expect(Object.keys(last.after)).not.toContain("updatedBy");
    expect(Object.keys(last.after)).not.toContain("evidenceQuotes");
    expect(JSON.stringify(last).length).toBeLessThan(2000);
    expect(history[1].after.evidenceQuotes).toHaveLength(40);
  });

  it("names possible duplicates of an entity with 50 long aliases instead of failing after storing it", async () => {
    const aliases = Array.from({ length: 50 }, (_, i) =>
      Array.from({ length: 30 }, (_, j) => `alias${i}x${j}`)
        .join(" ")
        .slice(0, 200),
    );
    const first = await as(editor, ADD_ENTITY, { input: { name: `Many Aliases ${ns}`, kind: "Company", aliases } });
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    made.entities.push(first.data.addEntity.entity.id);
    const twin = (
      await ok(`mutation($input: EntityInput!) { addEntity(input: $input) { entity { id } possibleDuplicates { id } } }`, {
        input: { name: aliases[49], kind: "Company" },
      })
    ).addEntity;
    made.entities.push(twin.entity.id);
    expect(twin.possibleDuplicates.map((e: { id: string }) => e.id)).toContain(first.data.addEntity.entity.id);
  });

  it("keeps idempotency keys apart for callers whose subject and key would join the same way", async () => {
    const mallory = await signToken(TEST_AUTH_SECRET, { subject: `${EDITOR}\u0000k`, roles: ["editor"], expiresIn: "1h" });
    made.actors.push(`${EDITOR}\u0000k`);
    const input = { name: `Keyed ${ns}`, kind: "Company" };
    const first = (await ok(ADD_ENTITY, { input, key: "k\u0000x" })).addEntity.entity.id as string;
    const second = (await ok(ADD_ENTITY, { input, key: "x" }, mallory)).addEntity.entity.id as string;
    made.entities.push(first, second);
    expect(second).not.toBe(first);
  });

  it("treats a key past its lifetime as new, even when more than 100 older keys wait for the sweep", async () => {
    const old = `old-${ns}`;
    made.actors.push(old);
    const input = { name: `Expiring ${ns}`, kind: "Company" };
    const first = (await ok(ADD_ENTITY, { input, key: `exp-${ns}` })).addEntity.entity.id as string;
    made.entities.push(first);
    // More expired keys than one write sweeps (100), all older than this caller's.
    await server().app.db.writeTx("test-old-keys", (tx) =>
      tx.run(
        "UNWIND range(1, 250) AS i CREATE (:IdempotencyKey {key: $old + i, actor: $old, operation: 'addEntity', fingerprint: '', createdAt: datetime() - duration('P3D'), expiresAt: datetime() - duration('P2D')})",
        { old },
      ),
    );
    await server().app.db.writeTx("test-expire-key", (tx) =>
      tx.run("MATCH (k:IdempotencyKey {actor: $actor}) SET k.expiresAt = datetime() - duration('PT1H')", { actor: EDITOR }),
    );
    const again = (await ok(ADD_ENTITY, { input, key: `exp-${ns}` })).addEntity.entity.id as string;
    made.entities.push(again);
    expect(again).not.toBe(first);
  });

  it("keeps an editor's retraction and status when the same claims are imported again, from the same file or another", async () => {
    const header = "from,to,type,confidence,status,quote,source_url,source_title,valid_from,valid_to";
    const rows = [
      `dji,country-kz,COMMENTED_ON,0.5,POSSIBLE,DJI commented on Kazakhstan (${ns}).,,,,`,
      `dji,country-by,SUPPLIED,,REPORTED,DJI supplied Belarus (${ns}).,,,,`,
    ];
    const fileA = join(tmp, "a.csv");
    const fileB = join(tmp, "b.csv");
    writeFileSync(fileA, [header, ...rows, ""].join("\n"));
    writeFileSync(fileB, [header, `dji,country-pk,COMMENTED_ON,,POSSIBLE,Another line (${ns}).,,,,`, ...rows, ""].join("\n"));
    const load = (path: string) => server().app.imports.importFile({ format: "claims", path, namespace: ns, rejectsFile: null });
    expect((await load(fileA)).created).toBe(2);
    const { entity } = await ok(`{ entity(id: "dji") { relationships(limit: 500) { id type } } }`);
    const mine = (type: string) => (entity.relationships as { id: string; type: string }[]).find((r) => r.id.startsWith(`${ns}:`) && r.type === type)!.id;
    const commented = mine("COMMENTED_ON");
    const supplied = mine("SUPPLIED");
    await ok(RETRACT, { id: commented, v: 1 });
    const judged = (await ok(SET_STATUS, { id: supplied, v: 1 })).setClaimStatus;
    expect(judged).toMatchObject({ status: "UNCONFIRMED", version: 2 });
    await load(fileA);
    await load(fileB);
    expect((await ok(CLAIM_BY_ID, { id: commented })).claim).toMatchObject({ status: "RETRACTED", version: 2, retraction: { reason: `wrong (${ns})` } });
    expect((await ok(CLAIM_BY_ID, { id: supplied })).claim).toMatchObject({ status: "UNCONFIRMED", confidence: judged.confidence, version: 2 });
    made.claims.push(commented, supplied);
  });
});
