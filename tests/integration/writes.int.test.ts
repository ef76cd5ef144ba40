import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { TEST_AUTH_SECRET, useTestServer } from "../helpers/test-app.js";
import { dropWrites } from "../helpers/writes.js";

const ns = `itw${Date.now().toString(36)}`;
const EDITOR = `editor-${ns}`;
const ARTICLE = readFileSync(join(import.meta.dirname, "..", "fixtures", "writes", "steppe-ledger-2024.txt"), "utf8");
const SHIPPED = "Steppe Logistics LLP re-exported the drones to Russia through the Kazakh–Russian border";

const ADD_SOURCE = `mutation($input: SourceInput!, $key: String) { addSource(input: $input, idempotencyKey: $key) { id title publisher kind textSha256 textLength version } }`;
const ADD_ENTITY = `mutation($input: EntityInput!) { addEntity(input: $input) { entity { id name version } possibleDuplicates { id } } }`;
const CLAIM_FIELDS = `id type status assertedStatus confidence version retracted disputed warnings retraction { actor reason }
  from { id } to { id } evidence { quote start end role note source { id publisher } }`;
const ADD_CLAIM = `mutation($input: ClaimInput!, $key: String) { addClaim(input: $input, idempotencyKey: $key) { ${CLAIM_FIELDS} } }`;
const CORROBORATE = `mutation($id: ID!, $evidence: [EvidenceInput!]!, $v: Int) { corroborate(claimId: $id, evidence: $evidence, expectedVersion: $v) { ${CLAIM_FIELDS} } }`;
const DISPUTE = `mutation($id: ID!, $evidence: [EvidenceInput!]!, $note: String!) { disputeClaim(claimId: $id, evidence: $evidence, note: $note) { ${CLAIM_FIELDS} } }`;
const RETRACT = `mutation($id: ID!, $reason: String!, $v: Int!, $key: String) { retractClaim(claimId: $id, reason: $reason, expectedVersion: $v, idempotencyKey: $key) { ${CLAIM_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: ClaimStatus!, $reason: String!, $v: Int!) { setClaimStatus(claimId: $id, status: $status, reason: $reason, expectedVersion: $v) { ${CLAIM_FIELDS} } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { at actor operation reason version targetKind before after } }`;
const ROUTES = `query($from: ID!, $to: ID!, $inc: Boolean!) { routes(from: $from, to: $to, includeRetracted: $inc) { routes { confidence summary hops { relationship { id status retracted } } } } }`;

/** A source text unique to this run, so its sha256 (and so its Source) is this file's own. */
const text = (label: string, body: string) => `${body}\n\n(${label} ${ns})`;

describe("writes: sources, entities and claims through GraphQL", () => {
  const server = useTestServer();
  const made = { claims: [] as string[], entities: [] as string[], sources: [] as string[], actors: [EDITOR] };
  let editor = "";
  let reader = "";
  let steppe = "";
  let ledger = "";

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => server().gql(query, variables, token);
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await as(editor, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const addSource = async (publisher: string, body: string, cites: string[] = []) => {
    const source = (await ok(ADD_SOURCE, { input: { title: `${publisher} (${ns})`, publisher, text: text(publisher, body), cites } })).addSource;
    made.sources.push(source.id);
    return source.id as string;
  };
  const addClaim = async (input: Record<string, unknown>) => {
    const claim = (await ok(ADD_CLAIM, { input })).addClaim;
    made.claims.push(claim.id);
    return claim;
  };

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
    reader = await testToken(`reader-${ns}`, "reader");
    ledger = await addSource("The Steppe Ledger", ARTICLE);
    const added = (await ok(ADD_ENTITY, { input: { name: `Steppe Logistics ${ns}`, kind: "Company", country: "KZ", aliases: [`Steppe Logistics LLP ${ns}`] } }))
      .addEntity;
    steppe = added.entity.id;
    made.entities.push(steppe);
  });

  afterAll(async () => {
    await dropWrites(server().app.db, made);
  });

  describe("Mutation.addSource", () => {
    it("stores the text with its sha256, once per text, and records who added it", async () => {
      const input = { title: "A", publisher: "P", text: text("once", "Only one Source for this text.") };
      const first = (await ok(ADD_SOURCE, { input })).addSource;
      made.sources.push(first.id);
      const again = (await ok(ADD_SOURCE, { input: { ...input, title: "B" } })).addSource;
      expect(again).toEqual(first);
      expect(first).toMatchObject({ title: "A", kind: "ARTICLE", version: 1, textLength: input.text.length });
      expect(first.textSha256).toBe(createHash("sha256").update(input.text, "utf8").digest("hex"));
      const history = (await ok(HISTORY, { id: first.id })).history;
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ actor: EDITOR, operation: "addSource", version: 1, targetKind: "source", before: null });
      expect(history[0].after).toMatchObject({ title: "A", textSha256: first.textSha256 });
    });
  });

  describe("Mutation.addEntity", () => {
    it("creates an entity at version 1 and names possible duplicates by transliterated name or alias", async () => {
      const dup = (await ok(ADD_ENTITY, { input: { name: `steppe logistics LLP ${ns}`, kind: "Company" } })).addEntity;
      made.entities.push(dup.entity.id);
      expect(dup.entity.version).toBe(1);
      expect(dup.possibleDuplicates.map((e: { id: string }) => e.id)).toContain(steppe);
      const dji = (await ok(ADD_ENTITY, { input: { name: "大疆创新", kind: "Company" } })).addEntity;
      made.entities.push(dji.entity.id);
      expect(dji.possibleDuplicates.map((e: { id: string }) => e.id)).toContain("dji");
    });
  });

  describe("Mutation.addClaim", () => {
    it("refuses a quote that is not in its source, naming the closest passage", async () => {
      const res = await as(editor, ADD_CLAIM, {
        input: {
          from: steppe,
          to: "country-ru",
          type: "SUPPLIED",
          status: "REPORTED",
          evidence: [{ sourceId: ledger, quote: "Steppe Logistics LLP re-exported the drones to Russia via the Kazakh border" }],
        },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        sourceId: ledger,
        closestPassage: expect.stringContaining("re-exported the drones to Russia"),
      });
      expect(res.errors?.[0]?.message).toMatch(/is not in source .*Closest passage: "[^"]*Steppe Logistics LLP re-exported the drones to Russia/);
      expect((await as(editor, `{ entity(id: "${steppe}") { relationships { id } } }`)).data.entity.relationships).toEqual([]);
    });

    it("computes offsets that slice the stored text to the quote exactly", async () => {
      const claim = await addClaim({
        from: steppe,
        to: "country-ru",
        type: "SUPPLIED",
        status: "REPORTED",
        validFrom: "2023-01-01",
        evidence: [{ sourceId: ledger, quote: SHIPPED }],
      });
      expect(claim).toMatchObject({
        type: "SUPPLIED",
        status: "REPORTED",
        confidence: 0.8,
        version: 1,
        warnings: [],
        from: { id: steppe },
        to: { id: "country-ru" },
      });
      const [ev] = claim.evidence;
      const stored = (await ok(`query($id: ID!) { source(id: $id) { text } }`, { id: ledger })).source.text;
      expect(stored.slice(ev.start, ev.end)).toBe(SHIPPED);
      expect(ev.start).toBe(text("The Steppe Ledger", ARTICLE).indexOf(SHIPPED));
      expect(ev).toMatchObject({ role: "CORROBORATING", source: { id: ledger, publisher: "The Steppe Ledger" } });
    });

    it("refuses a second live claim of the same type between the same entities (CONFLICT naming it)", async () => {
      const res = await as(editor, ADD_CLAIM, {
        input: { from: steppe, to: "country-ru", type: "SUPPLIED", status: "LIKELY", evidence: [{ sourceId: ledger, quote: SHIPPED }] },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", claimId: made.claims[0] });
    });

    it("asks for occurrence when a quote occurs twice, and warns when hedge words contradict the status", async () => {
      const twice = await as(editor, ADD_CLAIM, {
        input: { from: steppe, to: "country-kz", type: "BASED_IN", status: "REPORTED", evidence: [{ sourceId: ledger, quote: "Steppe Logistics LLP" }] },
      });
      const stored = text("The Steppe Ledger", ARTICLE);
      const starts = [...stored.matchAll(/Steppe Logistics LLP/g)].map((m) => m.index);
      expect(starts).toHaveLength(3);
      expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", occurrences: starts });
      expect(twice.errors?.[0]?.message).toMatch(/occurs 3 times .* occurrence \(1 to 3\)/);
      const hedged = await addClaim({
        from: steppe,
        to: "russian-front-lines",
        type: "SUPPLIED",
        status: "REPORTED",
        evidence: [{ sourceId: ledger, quote: "It is likely that some of the drones reached Russian units on the front lines" }],
      });
      expect(hedged.warnings).toHaveLength(1);
      expect(hedged.warnings[0]).toMatch(/says "likely", which suggests LIKELY/);
      const second = await addClaim({
        from: steppe,
        to: "country-kz",
        type: "BASED_IN",
        status: "REPORTED",
        evidence: [{ sourceId: ledger, quote: "Steppe Logistics LLP", occurrence: 2 }],
      });
      expect(second.evidence[0]).toMatchObject({ start: starts[1], end: starts[1]! + "Steppe Logistics LLP".length });
    });
  });

  describe("Mutation.corroborate and disputeClaim", () => {
    it("raises confidence for an independent publisher, not for the same publisher or a relay of it", async () => {
      const claim = made.claims[0]!;
      const same = await addSource("The Steppe Ledger", `Steppe Logistics LLP re-exported the drones to Russia, the paper repeated.`);
      const relay = await addSource("Caspian Relay", `Citing The Steppe Ledger: Steppe Logistics LLP re-exported the drones to Russia.`, ["The Steppe Ledger"]);
      const independent = await addSource("Almaty Customs Watch", `Our own customs data show Steppe Logistics LLP re-exported the drones to Russia.`);
      const q = "Steppe Logistics LLP re-exported the drones to Russia";
      const afterSame = (await ok(CORROBORATE, { id: claim, evidence: [{ sourceId: same, quote: q }], v: 1 })).corroborate;
      expect(afterSame).toMatchObject({ version: 2, confidence: 0.8 });
      const afterRelay = (await ok(CORROBORATE, { id: claim, evidence: [{ sourceId: relay, quote: q }] })).corroborate;
      expect(afterRelay).toMatchObject({ version: 3, confidence: 0.8 });
      const afterIndependent = (await ok(CORROBORATE, { id: claim, evidence: [{ sourceId: independent, quote: q }] })).corroborate;
      expect(afterIndependent).toMatchObject({ version: 4, confidence: 0.9, status: "REPORTED" });
      expect(afterIndependent.evidence.map((e: { source: { publisher: string } }) => e.source.publisher)).toEqual([
        "The Steppe Ledger",
        "The Steppe Ledger",
        "Caspian Relay",
        "Almaty Customs Watch",
      ]);
      const routes = (await ok(ROUTES, { from: steppe, to: "russian-front-lines", inc: false })).routes.routes;
      // Routes rank by the recomputed confidence: 0.9 for the corroborated hop × 0.8 for Russia → front.
      expect(routes.find((r: { summary: string }) => r.summary.includes("→ Russia →"))).toMatchObject({ confidence: 0.72 });
    });

    it("shows a dispute beside the claim, demoting its status one step", async () => {
      const claim = made.claims[0]!;
      const denial = await addSource("Border Service Bulletin", "The border service says no drones crossed the Kazakh–Russian border in 2023.");
      const disputed = (
        await ok(DISPUTE, {
          id: claim,
          evidence: [{ sourceId: denial, quote: "no drones crossed the Kazakh–Russian border in 2023" }],
          note: "The border service denies it.",
        })
      ).disputeClaim;
      expect(disputed).toMatchObject({ version: 5, disputed: true, status: "LIKELY", assertedStatus: "REPORTED" });
      expect(disputed.confidence).toBeCloseTo(0.7, 6);
      const against = disputed.evidence.filter((e: { role: string }) => e.role === "DISPUTING");
      expect(against).toEqual([
        expect.objectContaining({ note: "The border service denies it.", source: expect.objectContaining({ publisher: "Border Service Bulletin" }) }),
      ]);
    });
  });

  describe("Mutation.retractClaim, setClaimStatus and Query.history", () => {
    it("answers CONFLICT on a stale expectedVersion and changes nothing", async () => {
      const res = await as(editor, RETRACT, { id: made.claims[0], reason: "stale", v: 1 });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 5, expectedVersion: 1 });
      expect((await ok(`query($id: ID!) { claim(id: $id) { version status } }`, { id: made.claims[0] })).claim).toEqual({ version: 5, status: "LIKELY" });
    });

    it("removes a retracted claim from routes and neighbourhoods; includeRetracted brings it back, marked", async () => {
      const claim = made.claims[0]!;
      const before = (await ok(ROUTES, { from: steppe, to: "russian-front-lines", inc: false })).routes.routes;
      expect(before.some((r: any) => r.hops.some((h: any) => h.relationship.id === claim))).toBe(true);
      const retracted = (await ok(RETRACT, { id: claim, reason: "The customs records were forged.", v: 5, key: `retract-${ns}` })).retractClaim;
      expect(retracted).toMatchObject({
        status: "RETRACTED",
        retracted: true,
        version: 6,
        assertedStatus: "REPORTED",
        retraction: { actor: EDITOR, reason: "The customs records were forged." },
      });
      const after = (await ok(ROUTES, { from: steppe, to: "russian-front-lines", inc: false })).routes.routes;
      expect(after.some((r: any) => r.hops.some((h: any) => h.relationship.id === claim))).toBe(false);
      const back = (await ok(ROUTES, { from: steppe, to: "russian-front-lines", inc: true })).routes.routes;
      const hop = back.flatMap((r: any) => r.hops).find((h: any) => h.relationship.id === claim);
      expect(hop.relationship).toEqual({ id: claim, status: "RETRACTED", retracted: true });
      const hood = async (inc: boolean) =>
        (
          await ok(`query($id: ID!, $inc: Boolean!) { neighborhood(id: $id, includeRetracted: $inc) { edges { id } } }`, { id: steppe, inc })
        ).neighborhood.edges.map((e: { id: string }) => e.id);
      expect(await hood(false)).not.toContain(claim);
      expect(await hood(true)).toContain(claim);
    });

    it("writes once on an idempotent retry, answering the same claim", async () => {
      const claim = made.claims[0]!;
      const retry = (await ok(RETRACT, { id: claim, reason: "The customs records were forged.", v: 5, key: `retract-${ns}` })).retractClaim;
      expect(retry).toMatchObject({ status: "RETRACTED", version: 6 });
      const reused = await as(editor, RETRACT, { id: claim, reason: "another reason", v: 6, key: `retract-${ns}` });
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "IDEMPOTENCY_KEY_REUSED" });
      const history = (await ok(HISTORY, { id: claim })).history;
      expect(history.filter((h: { operation: string }) => h.operation === "retractClaim")).toHaveLength(1);
    });

    it("keeps a history of every change with its actor, reason and before/after", async () => {
      const claim = made.claims[0]!;
      const reinstated = (await ok(SET_STATUS, { id: claim, status: "POSSIBLE", reason: "Only one broker stands by it.", v: 6 })).setClaimStatus;
      expect(reinstated).toMatchObject({ retracted: false, status: "UNCONFIRMED", assertedStatus: "POSSIBLE", version: 7, retraction: null });
      const history = (await ok(HISTORY, { id: claim })).history;
      expect(history.map((h: any) => [h.version, h.operation, h.actor])).toEqual([
        [1, "addClaim", EDITOR],
        [2, "corroborate", EDITOR],
        [3, "corroborate", EDITOR],
        [4, "corroborate", EDITOR],
        [5, "disputeClaim", EDITOR],
        [6, "retractClaim", EDITOR],
        [7, "setClaimStatus", EDITOR],
      ]);
      expect(history.map((h: any) => h.reason)).toEqual([
        null,
        null,
        null,
        null,
        "The border service denies it.",
        "The customs records were forged.",
        "Only one broker stands by it.",
      ]);
      expect(history[0].before).toBeNull();
      expect(history[5].before).toMatchObject({ status: "LIKELY", version: 5 });
      expect(history[5].after).toMatchObject({ status: "RETRACTED", version: 6, retractionReason: "The customs records were forged." });
      expect(history[3].after.confidence).toBe(0.9);
      for (const h of history) expect(Date.parse(h.at)).toBeGreaterThan(Date.now() - 600_000);
    });
  });

  describe("who may write", () => {
    it("answers UNAUTHENTICATED without a token and FORBIDDEN for a reader, writing nothing", async () => {
      const input = { title: "x", text: text("nobody", "Never stored.") };
      const anonymous = await server().gql(ADD_SOURCE, { input });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const forbidden = await as(reader, ADD_SOURCE, { input });
      expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredRole: "editor" });
      const hash = createHash("sha256").update(input.text, "utf8").digest("hex");
      const rows = await server().app.driver.executeQuery("MATCH (s:Source {textSha256: $hash}) RETURN s", { hash });
      expect(rows.records).toHaveLength(0);
    });

    it("answers 401 UNAUTHENTICATED for a token that does not verify, and tells a caller who it is", async () => {
      const forged = await fetch(`${server().server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${editor.slice(0, -4)}AAAA` },
        body: JSON.stringify({ query: "{ me { subject } }" }),
      });
      expect(forged.status).toBe(401);
      expect(await forged.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
      expect((await as(editor, "{ me { subject roles } }")).data.me).toEqual({ subject: EDITOR, roles: ["editor"] });
      expect((await server().gql("{ me { subject roles } }")).data.me).toEqual({ subject: null, roles: [] });
    });

    it("accepts the token `actorgraph token` prints with AUTH_SECRET, and no token signed otherwise", async () => {
      const cli = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");
      const run = (env: Record<string, string>) =>
        promisify(execFile)("node", [cli, "token", "--subject", `cli-${ns}`, "--role", "editor", "--expires", "10m"], {
          env: { ...process.env, ...env, AUTH_SECRET_FILE: join(tmpdir(), `no-secret-${ns}`) },
        });
      const { stdout } = await run({ AUTH_SECRET: TEST_AUTH_SECRET });
      expect((await as(stdout.trim(), "{ me { subject roles } }")).data.me).toEqual({ subject: `cli-${ns}`, roles: ["editor"] });
      const other = (await run({ AUTH_SECRET: "some-other-secret-some-other-secret-0123" })).stdout.trim();
      expect(
        (
          await fetch(`${server().server.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${other}` },
            body: '{"query":"{ me { subject } }"}',
          })
        ).status,
      ).toBe(401);
      await expect(run({ AUTH_SECRET: "" })).rejects.toMatchObject({ stderr: expect.stringMatching(/no AUTH_SECRET/) });
    });

    it("refuses mutations over GET", async () => {
      const url = `${server().server.url}/graphql?query=${encodeURIComponent(`mutation { addSource(input: {title: "g", text: "g"}) { id } }`)}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${editor}`, "apollo-require-preflight": "true" } });
      expect(res.status).toBe(405);
    });
  });
});

describe("READS_REQUIRE_AUTH=true", () => {
  const server = useTestServer({ READS_REQUIRE_AUTH: "true" });

  it("needs a reader token for queries and exports, not for introspection", async () => {
    expect((await server().gql(`{ entity(id: "dji") { name } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await testToken(`reader-${ns}`, "reader");
    expect((await server().gql(`{ entity(id: "dji") { name } }`, {}, reader)).data.entity.name).toBe("DJI");
    expect((await server().gql(`{ __schema { queryType { name } } }`)).data.__schema.queryType.name).toBe("Query");
    expect((await fetch(`${server().server.url}/export/csv/nodes.csv`)).status).toBe(401);
    expect((await fetch(`${server().server.url}/export/csv/nodes.csv`, { headers: { authorization: `Bearer ${reader}` } })).status).toBe(200);
  });
});
