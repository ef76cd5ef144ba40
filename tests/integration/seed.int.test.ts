import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";

const ARTICLE = readFileSync(new URL("../../../shared/seed/article.txt", import.meta.url), "utf8");

describe("seed graph", () => {
  const server = useTestServer();

  it("stores the article verbatim on its Source node", async () => {
    const [row] = await server().app.db.readTx("test", async (tx) => {
      const res = await tx.run("MATCH (s:Source {id: $id}) RETURN s.text AS text, s.publisher AS publisher, s.publishedAt AS publishedAt", {
        id: "insider-2023-03-china-drones-russia",
      });
      return res.records.map((r) => r.toObject());
    });
    expect(row).toEqual({ text: ARTICLE, publisher: "The Insider", publishedAt: "2023-03" });
  });

  it("quotes every piece of evidence exactly, at its offsets", async () => {
    const rows = await server().app.db.readTx("test", async (tx) => {
      const res = await tx.run("MATCH ()-[r]->() RETURN r.id AS id, r.evidenceQuotes AS quotes, r.evidenceStarts AS starts, r.evidenceEnds AS ends");
      return res.records.map((r) => r.toObject());
    });
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(row.quotes.length, row.id).toBeGreaterThan(0);
      row.quotes.forEach((quote: string, i: number) => {
        expect(ARTICLE.slice(Number(row.starts[i]), Number(row.ends[i])), row.id).toBe(quote);
      });
    }
  });

  it("changes no count when loaded a second time", async () => {
    const before = await server().app.admin.counts();
    await server().app.admin.applySchema();
    await server().app.admin.applySeed();
    expect(await server().app.admin.counts()).toEqual(before);
  });

  it("records the $12 million of UAVs and parts as numbers with a start date", async () => {
    const res = await server().gql(`{ entity(id: "country-cn") { relationships(limit: 100) { id type amount currency validFrom goods to { id } } } }`);
    const supplied = res.data.entity.relationships.filter((r: any) => r.type === "SUPPLIED" && r.to.id === "country-ru");
    expect(supplied).toHaveLength(1);
    expect(supplied[0]).toMatchObject({ amount: 12000000, currency: "USD", validFrom: "2022-02-24" });
  });
});

describe("Query.entity", () => {
  const server = useTestServer();

  it("returns DJI with its kind, aliases and relationships", async () => {
    const res = await server().gql(`{ entity(id: "dji") { id name kind aliases relationships { type status to { id } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.entity).toMatchObject({ id: "dji", name: "DJI", kind: "Company" });
    expect(res.data.entity.aliases).toContain("SZ DJI Technology Co., Ltd.");
    expect(res.data.entity.relationships).toContainEqual({ type: "SUPPLIED", status: "REPORTED", to: { id: "small-intermediaries-and-exporters" } });
  });

  it("marks the unnamed network of intermediaries as unidentified", async () => {
    const res = await server().gql(`{ entity(id: "small-intermediaries-and-exporters") { unidentified kind } }`);
    expect(res.data.entity).toEqual({ unidentified: true, kind: "Organization" });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    const res = await server().gql(`{ entity(id: "nobody") { id } }`);
    expect(res.data.entity).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", ids: ["nobody"] });
  });
});

describe("Query.neighborhood", () => {
  const server = useTestServer();

  it("returns the meeting's participants, place and documents one hop out", async () => {
    const res = await server().gql(
      `{ neighborhood(id: "meeting-2023-03-21") { truncated nodes { id } edges { type from { id } to { id } evidence { quote } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data.neighborhood.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe("meeting-2023-03-21");
    expect(ids).toEqual(expect.arrayContaining(["vladimir-putin", "xi-jinping", "kremlin", "doc-economic-cooperation", "doc-expanding-partnership"]));
    expect(res.data.neighborhood.truncated).toBe(false);
    for (const edge of res.data.neighborhood.edges) expect(edge.evidence.length).toBeGreaterThan(0);
    // Relationships between two neighbours belong to the subgraph too, not only those touching the centre.
    expect(res.data.neighborhood.edges).toContainEqual(
      expect.objectContaining({ type: "SIGNED", from: { id: "vladimir-putin" }, to: { id: "doc-economic-cooperation" } }),
    );
  });

  it("caps the nodes at limit, keeps the strongest links and says it truncated", async () => {
    const res = await server().gql(
      `{ neighborhood(id: "country-ru", depth: 2, limit: 3) { truncated nodes { id } edges { confidence from { id } to { id } } } }`,
    );
    const { nodes, edges, truncated } = res.data.neighborhood;
    expect(nodes).toHaveLength(3);
    expect(truncated).toBe(true);
    // Russia's strongest links are REPORTED (0.8); both neighbours kept must hang on one of them.
    for (const node of nodes.slice(1)) {
      const links = edges.filter((e: any) => [e.from.id, e.to.id].includes(node.id) && [e.from.id, e.to.id].includes("country-ru"));
      expect(Math.max(...links.map((e: any) => e.confidence))).toBe(0.8);
    }
  });

  it("rejects depth past its cap with BAD_USER_INPUT", async () => {
    const res = await server().gql(`{ neighborhood(id: "country-ru", depth: 4) { truncated } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
