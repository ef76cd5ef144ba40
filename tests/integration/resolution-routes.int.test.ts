import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { dropResolution, writeRecords } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";

const tag = `rr${Date.now().toString(36)}`;
const id = (name: string) => `${tag}-${name}`;
const EDITOR = `judge-${tag}`;

const JUDGE = `mutation($l: ID!, $r: ID!, $j: JudgementValue!, $reason: String!) { judge(left: $l, right: $r, judgement: $j, reason: $reason) { judgement actor reason } }`;
const ROUTE_FIELDS = `summary length hops { from { id } to { id } relationships { id } } identityCrossings { position from to text judgements { judgement actor reason at } }`;
const ROUTES = `query($from: ID!, $to: ID!, $via: [ID!], $avoid: [ID!], $dir: RouteDirection) { routes(from: $from, to: $to, via: $via, avoid: $avoid, direction: $dir, maxHops: 4) { exhausted routes { ${ROUTE_FIELDS} } } }`;
const EXPOSURE = `query($id: ID!) { exposure(id: $id, maxHops: 4) { exhausted routes { ${ROUTE_FIELDS} } } }`;
const CONNECTIONS = `query($ids: [ID!]!) { connections(ids: $ids, maxHops: 4) { unconnected routes { ${ROUTE_FIELDS} } } }`;

interface Crossing {
  position: number;
  from: string;
  to: string;
  text: string;
  judgements: { judgement: string; actor: string; reason: string; at: string }[];
}
interface Route {
  summary: string;
  length: number;
  hops: { from: { id: string }; to: { id: string }; relationships: { id: string }[] }[];
  identityCrossings: Crossing[];
}
interface Search {
  exhausted: boolean;
  routes: Route[];
}

/**
 * One company as two records from two sources: a customs party record (`party`, goods SUPPLIED
 * to it by a drone maker) and a FollowTheMoney record (`ftm`, which SUPPLIED a buyer that
 * SUPPLIED the front, and OWNS a sanctioned company). Only a POSITIVE judgement makes them one
 * actor, and only then does a route lead from the maker through the company to the front.
 */
describe("routes through a judged cluster (entity resolution)", () => {
  // A generous budget: an answer cut short on a busy machine would prove no absence of routes.
  const server = useTestServer({ ROUTE_BUDGET_MS: "20000" });
  let editor = "";
  const ids = ["maker", "party", "ftm", "buyer", "front", "owned"].map(id);
  const REASON = "Same INN 7701234567 on the customs declaration and in the register";

  const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await server().gql<T>(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const routes = (from: string, to: string, more: Record<string, unknown> = {}) => ask<{ routes: Search }>(ROUTES, { from, to, ...more }).then((d) => d.routes);
  const exposure = (of: string) => ask<{ exposure: Search }>(EXPOSURE, { id: of }).then((d) => d.exposure);
  const connections = (of: string[]) => ask<{ connections: { unconnected: string[]; routes: Route[] } }>(CONNECTIONS, { ids: of }).then((d) => d.connections);
  /** Commits this process's Database reported: each one empties the route answer caches (app.ts, GraphSnapshot). */
  let commits = 0;
  const judge = async (j: string, reason: string) => {
    const seen = commits;
    const res = await server().gql<{ judge: { judgement: string; actor: string; reason: string } }>(JUDGE, { l: id("party"), r: id("ftm"), j, reason }, editor);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    // The judgement committed through Database.writeTx, so the kept answers were dropped at once
    // (not only when a later round trip sees other node counts).
    expect(commits).toBeGreaterThan(seen);
    return res.data!.judge;
  };
  const ends = (r: Route) => r.hops.map((h) => `${h.from.id}>${h.to.id}`);

  let before: { flow: Search; fromFtm: Search; exposure: Search; connections: { unconnected: string[]; routes: Route[] } };

  beforeAll(async () => {
    editor = await testToken(EDITOR, "editor");
    server().app.db.onCommit(() => (commits += 1));
    await writeRecords(
      server().app.db,
      [
        { id: id("maker"), name: `Skyforge ${tag} Drones`, country: "CN" },
        { id: id("party"), name: `OOO AEROTEKH ${tag}`, country: "RU" },
        { id: id("ftm"), name: `Aerotekh ${tag} LLC`, country: "RU" },
        { id: id("buyer"), name: `Buyer ${tag}`, country: "RU" },
        { id: id("front"), name: `Front ${tag}`, kind: "Place" },
        { id: id("owned"), name: `Owned ${tag} JSC`, country: "RU" },
      ],
      [
        ["SUPPLIED", id("maker"), id("party"), id("customs-1")],
        ["SUPPLIED", id("ftm"), id("buyer"), id("ftm-1")],
        ["SUPPLIED", id("buyer"), id("front"), id("ftm-2")],
        ["OWNS", id("ftm"), id("owned"), id("ftm-3")],
      ],
    );
    await server().app.db.writeTx("test-sanction", (tx) => tx.run("MATCH (n:Entity {id: $id}) SET n.topics = ['sanction']", { id: id("owned") }));
    // Asked twice: the second answer comes from the answer cache, which the judgement must empty.
    await routes(id("maker"), id("front"));
    before = {
      flow: await routes(id("maker"), id("front")),
      fromFtm: await routes(id("ftm"), id("front")),
      exposure: await exposure(id("maker")),
      connections: await connections([id("maker"), id("front")]),
    };
  });
  afterAll(async () => {
    await dropResolution(server().app.db, ids);
  });

  it("finds no route from the maker to the front while the two records are two entities", () => {
    expect(before.flow).toEqual({ exhausted: true, routes: [] });
    expect(before.exposure).toEqual({ exhausted: true, routes: [] });
    expect(before.connections.unconnected).toEqual([id("front")]);
    expect(before.fromFtm.routes.map(ends)).toEqual([[`${id("ftm")}>${id("buyer")}`, `${id("buyer")}>${id("front")}`]]);
  });

  it("walks the cluster as one entity after a POSITIVE judgement, and shows the judgement where the route crosses", async () => {
    expect(await judge("POSITIVE", REASON)).toEqual({ judgement: "POSITIVE", actor: EDITOR, reason: REASON });
    const after = await routes(id("maker"), id("front"));
    expect(after.exhausted).toBe(true);
    expect(after.routes).toHaveLength(1);
    const [route] = after.routes;
    // The hops show the records as stored: the route arrives at the customs record and leaves from the FtM one.
    expect(ends(route!)).toEqual([`${id("maker")}>${id("party")}`, `${id("ftm")}>${id("buyer")}`, `${id("buyer")}>${id("front")}`]);
    expect(route!.hops.map((h) => h.relationships.map((r) => r.id))).toEqual([[id("customs-1")], [id("ftm-1")], [id("ftm-2")]]);
    expect(route!.summary).toBe(`Skyforge ${tag} Drones → OOO AEROTEKH ${tag} → Buyer ${tag} → Front ${tag}`);
    expect(route!.identityCrossings).toHaveLength(1);
    const crossing = route!.identityCrossings[0]!;
    expect(crossing).toMatchObject({ position: 1, from: id("party"), to: id("ftm") });
    expect(crossing.judgements.map((j) => [j.judgement, j.actor, j.reason])).toEqual([["POSITIVE", EDITOR, REASON]]);
    expect(crossing.judgements[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(crossing.text).toBe(`OOO AEROTEKH ${tag} = Aerotekh ${tag} LLC, judged by ${EDITOR} on ${crossing.judgements[0]!.at.slice(0, 10)}: ${REASON}`);
  });

  it("takes any record of the cluster as from, via or avoid, and says when the route starts at another record than the one asked", async () => {
    const fromParty = await routes(id("party"), id("front"));
    expect(fromParty.routes.map(ends)).toEqual([[`${id("ftm")}>${id("buyer")}`, `${id("buyer")}>${id("front")}`]]);
    expect(fromParty.routes[0]!.identityCrossings.map((c) => [c.position, c.from, c.to])).toEqual([[0, id("party"), id("ftm")]]);
    const via = await routes(id("maker"), id("front"), { via: [id("ftm")] });
    expect(via.routes.map((r) => r.length)).toEqual([3]);
    const avoid = await routes(id("maker"), id("front"), { avoid: [id("ftm")] });
    expect(avoid.routes).toEqual([]);
    const same = await server().gql(ROUTES, { from: id("party"), to: id("ftm") });
    expect(same.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("crosses the cluster in exposure and connections too", async () => {
    const exposed = await exposure(id("maker"));
    expect(exposed.routes.map(ends)).toEqual([[`${id("maker")}>${id("party")}`, `${id("ftm")}>${id("owned")}`]]);
    expect(exposed.routes[0]!.identityCrossings.map((c) => [c.position, c.from, c.to, c.judgements[0]!.actor])).toEqual([[1, id("party"), id("ftm"), EDITOR]]);
    const connected = await connections([id("maker"), id("front")]);
    expect(connected.unconnected).toEqual([]);
    expect(connected.routes.map((r) => r.identityCrossings.map((c) => c.to))).toEqual([[id("ftm")]]);
    // Two records of one entity among the ids: joined by their judgement, not by a route.
    const withBoth = await connections([id("party"), id("ftm"), id("front")]);
    expect(withBoth.unconnected).toEqual([]);
    expect(withBoth.routes.map(ends)).toEqual([[`${id("ftm")}>${id("buyer")}`, `${id("buyer")}>${id("front")}`]]);
  });

  it("restores exactly the routes of before when a NEGATIVE judgement splits the cluster", async () => {
    expect(await judge("NEGATIVE", "Different directors after all")).toMatchObject({ judgement: "NEGATIVE" });
    expect(await routes(id("maker"), id("front"))).toEqual(before.flow);
    expect(await routes(id("ftm"), id("front"))).toEqual(before.fromFtm);
    expect(await exposure(id("maker"))).toEqual(before.exposure);
    expect(await connections([id("maker"), id("front")])).toEqual(before.connections);
  });
});
