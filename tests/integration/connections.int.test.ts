import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";

const CONNECTIONS = `query C($ids: [ID!]!, $maxHops: Int) {
  connections(ids: $ids, maxHops: $maxHops) {
    unconnected truncated reason
    routes { confidence summary hops { from { id } to { id } reversed relationship { type evidence { quote } } } }
    subgraph { nodes { id } edges { id evidence { quote } } }
  }
}`;

describe("Query.connections", () => {
  const server = useTestServer();

  it("joins DJI, Putin and Biden with a spanning tree of two evidenced routes", async () => {
    const res = await server().gql(CONNECTIONS, { ids: ["dji", "vladimir-putin", "joe-biden"] });
    expect(res.errors).toBeUndefined();
    const c = res.data.connections;
    expect(c).toMatchObject({ unconnected: [], truncated: false, reason: null });
    expect(c.routes).toHaveLength(2);
    expect(c.routes.map((r: any) => r.summary)).toContain("DJI → Small intermediaries and exporters ← Biden administration ← Joe Biden");
    const nodeIds = c.subgraph.nodes.map((n: any) => n.id);
    expect(nodeIds).toEqual(expect.arrayContaining(["dji", "vladimir-putin", "joe-biden"]));
    for (const edge of c.subgraph.edges) expect(edge.evidence.length).toBeGreaterThan(0);
  });

  it("lists entities that no route within maxHops reaches", async () => {
    const res = await server().gql(CONNECTIONS, { ids: ["dji", "joe-biden"], maxHops: 1 });
    expect(res.data.connections).toMatchObject({ routes: [], unconnected: ["joe-biden"], truncated: false, reason: "NO_PATH_WITHIN_HOPS" });
    expect(res.data.connections.subgraph.nodes.map((n: any) => n.id).sort()).toEqual(["dji", "joe-biden"]);
  });

  it.each([[["dji"]], [Array.from({ length: 11 }, (_, i) => `id-${i}`)]])("rejects %j with BAD_USER_INPUT", async (ids) => {
    const res = await server().gql(CONNECTIONS, { ids });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers NOT_FOUND naming every unknown id", async () => {
    const res = await server().gql(CONNECTIONS, { ids: ["dji", "nobody", "x"] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", ids: ["nobody", "x"] });
  });
});
