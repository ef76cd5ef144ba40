import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";

const SEARCH = `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { id name } }`;

describe("Query.search", () => {
  const server = useTestServer();

  it.each([
    ["dji", "dji"],
    ["DJI", "dji"],
    ["SZ DJI Technology", "dji"],
    ["大疆创新", "dji"],
    ["Kyiv", "ukraine-government"],
    ["Kiev", "ukraine-government"],
    ["kremlin", "kremlin"],
    ["intermediaries", "small-intermediaries-and-exporters"],
    ["Russian Federation", "country-ru"],
  ])("finds %s", async (text, id) => {
    const res = await server().gql(SEARCH, { text });
    expect(res.errors).toBeUndefined();
    expect(res.data.search.map((e: any) => e.id)).toContain(id);
  });

  it.each(["DJI*", "(", '"', "/", "\\", "AND", "dji AND", "OR NOT", "a:b", "[x TO y]", "~", "dji~2", "!!", "{}", "^", "&&", "||", "*", "?", "-dji", "+dji"])(
    "matches %j literally without an error",
    async (text) => {
      const res = await server().gql(SEARCH, { text });
      expect(res.errors).toBeUndefined();
      expect(Array.isArray(res.data.search)).toBe(true);
    },
  );

  it.each([
    ["drone", "uavs"],
    ["Ukraine", "country-ua"],
    ["US", "country-us"],
    ["Russia", "country-ru"],
  ])("ranks the exact name or alias match for %s first", async (text, id) => {
    const res = await server().gql(SEARCH, { text });
    expect(res.data.search[0].id).toBe(id);
  });

  it.each([
    ["Puttin", ["vladimir-putin"]],
    ["Chinese drones", ["uavs", "smaller-chinese-drone-companies"]],
    ["Biden Putin", ["joe-biden", "vladimir-putin"]],
  ])("finds near misses, plurals and several names (%s)", async (text, ids) => {
    const res = await server().gql(SEARCH, { text, limit: 20 });
    expect(res.data.search.map((e: any) => e.id)).toEqual(expect.arrayContaining(ids));
  });

  it("matches DJI* as the word DJI, not as a wildcard", async () => {
    const res = await server().gql(SEARCH, { text: "DJI*" });
    expect(res.data.search[0].id).toBe("dji");
  });

  it("rejects an out-of-range limit and over-long text with BAD_USER_INPUT", async () => {
    expect((await server().gql(SEARCH, { text: "dji", limit: 0 })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await server().gql(SEARCH, { text: "x".repeat(201) })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
