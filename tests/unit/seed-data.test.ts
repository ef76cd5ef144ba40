import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { CLAIM_STATUSES, ENTITY_KINDS, RELATIONSHIP_TYPES, STATUS_CONFIDENCE, isRelationshipType } from "../../src/model/vocabulary.js";
import { ARTICLE_SOURCE, SEED_CLAIMS, SEED_ENTITIES } from "../../src/seed/article-graph.js";
import type { SeedClaim } from "../../src/seed/seed-types.js";

const ARTICLE = readFileSync(new URL("../../../shared/seed/article.txt", import.meta.url), "utf8");

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const entityIds = new Set(SEED_ENTITIES.map((e) => e.id));

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isFlow = (c: SeedClaim): boolean => RELATIONSHIP_TYPES[c.type].flow;
const confidenceOf = (c: SeedClaim): number => c.confidence ?? STATUS_CONFIDENCE[c.status];

/** Every simple FLOW path (no repeated node) from `start` to `end`, with the claims on it. */
function flowPaths(start: string, end: string): { nodes: string[]; claims: SeedClaim[] }[] {
  const out: { nodes: string[]; claims: SeedClaim[] }[] = [];
  const walk = (node: string, nodes: string[], claims: SeedClaim[]): void => {
    if (node === end) {
      out.push({ nodes, claims });
      return;
    }
    for (const c of SEED_CLAIMS) {
      if (isFlow(c) && c.from === node && !nodes.includes(c.to)) walk(c.to, [...nodes, c.to], [...claims, c]);
    }
  };
  walk(start, [start], []);
  return out;
}

describe("seed article", () => {
  it("is the stored article", () => {
    expect(ARTICLE.startsWith("Since the beginning of the war in Ukraine")).toBe(true);
    expect(ARTICLE.length).toBeGreaterThan(2500);
  });

  it("has a source record without invented facts", () => {
    expect(ARTICLE_SOURCE.id).toBe("insider-2023-03-china-drones-russia");
    expect(ARTICLE_SOURCE.publisher).toBe("The Insider");
    expect(ARTICLE_SOURCE.url).toBeNull();
    expect(ARTICLE_SOURCE.publishedAt).toBe("2023-03");
    expect(ARTICLE_SOURCE.titleInferred).toBe(true);
    expect(ARTICLE_SOURCE.language).toBe("en");
    expect(ARTICLE_SOURCE.cites).toContain("The New York Times");
    expect(ARTICLE_SOURCE.publishedAtNote.length).toBeGreaterThan(0);
  });
});

describe("seed entities", () => {
  it("have unique kebab-case ids", () => {
    expect(entityIds.size).toBe(SEED_ENTITIES.length);
    for (const e of SEED_ENTITIES) expect(e.id, e.id).toMatch(KEBAB);
  });

  it("have a known kind, a name and a description", () => {
    for (const e of SEED_ENTITIES) {
      expect(ENTITY_KINDS, e.id).toContain(e.kind);
      expect(e.name.trim(), e.id).not.toBe("");
      expect(e.description.trim(), e.id).not.toBe("");
      expect(new Set(e.aliases).size, `${e.id} duplicate alias`).toBe(e.aliases.length);
    }
  });

  it("give every country an ISO 3166-1 alpha-2 code and valid event dates", () => {
    for (const e of SEED_ENTITIES) {
      if (e.kind === "Country") expect(e.country, e.id).toMatch(/^[A-Z]{2}$/);
      if (e.country !== undefined) expect(e.country, e.id).toMatch(/^[A-Z]{2}$/);
      if (e.date !== undefined) expect(isIsoDate(e.date), `${e.id} date ${e.date}`).toBe(true);
    }
    const byId = new Map(SEED_ENTITIES.map((e) => [e.id, e]));
    expect(byId.get("meeting-2023-03-21")?.date).toBe("2023-03-21");
    expect(["country-cn", "country-ru", "country-ua", "country-by", "country-kz", "country-pk", "country-us"].map((id) => byId.get(id)?.country)).toEqual([
      "CN",
      "RU",
      "UA",
      "BY",
      "KZ",
      "PK",
      "US",
    ]);
  });

  it("are each used by at least one claim", () => {
    const used = new Set(SEED_CLAIMS.flatMap((c) => [c.from, c.to]));
    const unused = SEED_ENTITIES.map((e) => e.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });
});

describe("seed claims", () => {
  it("have unique kebab-case ids, distinct from entity ids", () => {
    const ids = SEED_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(KEBAB);
      expect(entityIds.has(id), id).toBe(false);
    }
  });

  it("connect two different defined entities with an allowed type and status", () => {
    for (const c of SEED_CLAIMS) {
      expect(entityIds.has(c.from), `${c.id} from ${c.from}`).toBe(true);
      expect(entityIds.has(c.to), `${c.id} to ${c.to}`).toBe(true);
      expect(c.from, c.id).not.toBe(c.to);
      expect(isRelationshipType(c.type), `${c.id} type ${c.type}`).toBe(true);
      expect(CLAIM_STATUSES, c.id).toContain(c.status);
    }
  });

  it("do not repeat the same (type, from, to) triple", () => {
    const keys = SEED_CLAIMS.map((c) => `${c.type} ${c.from} ${c.to}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("quote the article exactly", () => {
    for (const c of SEED_CLAIMS) {
      expect(c.quotes.length, c.id).toBeGreaterThan(0);
      for (const q of c.quotes) {
        expect(q.trim(), c.id).not.toBe("");
        expect(ARTICLE.includes(q), `${c.id}: quote not in article: ${q}`).toBe(true);
        // Offsets are computed with indexOf, so a quote must occur once to point at the right place.
        expect(ARTICLE.indexOf(q, ARTICLE.indexOf(q) + 1), `${c.id}: quote occurs twice: ${q}`).toBe(-1);
      }
    }
  });

  it("take the hedge from the article's own words", () => {
    for (const c of SEED_CLAIMS) {
      expect(c.hedge.trim(), c.id).not.toBe("");
      expect(ARTICLE.includes(c.hedge), `${c.id}: hedge not in article: ${c.hedge}`).toBe(true);
    }
  });

  it("have confidences in [0, 1]", () => {
    for (const c of SEED_CLAIMS) {
      const confidence = confidenceOf(c);
      expect(confidence, c.id).toBeGreaterThanOrEqual(0);
      expect(confidence, c.id).toBeLessThanOrEqual(1);
    }
  });

  it("have valid ISO dates, in order", () => {
    for (const c of SEED_CLAIMS) {
      if (c.validFrom !== undefined) expect(isIsoDate(c.validFrom), `${c.id} validFrom ${c.validFrom}`).toBe(true);
      if (c.validTo !== undefined) expect(isIsoDate(c.validTo), `${c.id} validTo ${c.validTo}`).toBe(true);
      if (c.validFrom !== undefined && c.validTo !== undefined) expect(c.validFrom <= c.validTo, c.id).toBe(true);
    }
  });

  it("give amounts with a currency and goods only on flows", () => {
    for (const c of SEED_CLAIMS) {
      if (c.amount !== undefined) {
        expect(c.amount, c.id).toBeGreaterThan(0);
        expect(c.currency, c.id).toMatch(/^[A-Z]{3}$/);
      }
      if (c.currency !== undefined) expect(c.amount, c.id).toBeDefined();
      if (c.goods !== undefined) expect(isFlow(c), `${c.id} has goods but is not a flow`).toBe(true);
    }
  });

  it("record the $12 million China→Russia supply from the customs data", () => {
    const c = SEED_CLAIMS.find((x) => x.type === "SUPPLIED" && x.from === "country-cn" && x.to === "country-ru");
    expect(c).toMatchObject({
      status: "REPORTED",
      amount: 12_000_000,
      currency: "USD",
      goods: ["UAVs", "UAV spare parts"],
      validFrom: "2022-02-24",
    });
  });
});

describe("seed flow topology", () => {
  const flowEdges = SEED_CLAIMS.filter(isFlow).map((c) => `${c.from} -${c.type}-> ${c.to} ${c.status}`);

  it("has exactly the expected flow edges", () => {
    const transit = ["by", "kz", "pk"].flatMap((x) => [
      `small-intermediaries-and-exporters -SUPPLIED-> country-${x} POSSIBLE`,
      `country-${x} -SUPPLIED-> country-ru POSSIBLE`,
    ]);
    expect([...flowEdges].sort()).toEqual(
      [
        "dji -SUPPLIED-> small-intermediaries-and-exporters REPORTED",
        "smaller-chinese-drone-companies -SUPPLIED-> small-intermediaries-and-exporters REPORTED",
        "small-intermediaries-and-exporters -SUPPLIED-> country-ru REPORTED",
        "country-cn -SUPPLIED-> country-ru REPORTED",
        ...transit,
        "country-ru -DEPLOYED_TO-> russian-front-lines REPORTED",
        "country-cn -FINANCED-> war-in-ukraine REPORTED",
      ].sort(),
    );
  });

  it("is acyclic, so node-unique and relationship-unique route counts agree", () => {
    const flows = SEED_CLAIMS.filter(isFlow);
    const state = new Map<string, "open" | "done">();
    const visit = (node: string): void => {
      state.set(node, "open");
      for (const c of flows) {
        if (c.from !== node) continue;
        const s = state.get(c.to);
        expect(s, `flow cycle through ${c.id}`).not.toBe("open");
        if (s === undefined) visit(c.to);
      }
      state.set(node, "done");
    };
    for (const c of flows) if (!state.has(c.from)) visit(c.from);
  });

  it("has exactly 4 FLOW routes from DJI to the front, the direct one ranked first", () => {
    const routes = flowPaths("dji", "russian-front-lines");
    expect(routes).toHaveLength(4);
    const via = ["country-by", "country-kz", "country-pk"].map((x) => ["dji", "small-intermediaries-and-exporters", x, "country-ru", "russian-front-lines"]);
    expect(routes.map((r) => r.nodes.join(" > ")).sort()).toEqual(
      [["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines"], ...via].map((n) => n.join(" > ")).sort(),
    );

    const score = (r: { claims: SeedClaim[] }): number => r.claims.reduce((p, c) => p * confidenceOf(c), 1);
    const ranked = [...routes].sort((a, b) => score(b) - score(a));
    expect(ranked[0]?.nodes).toEqual(["dji", "small-intermediaries-and-exporters", "country-ru", "russian-front-lines"]);
    expect(score(ranked[0]!)).toBeGreaterThan(score(ranked[1]!));
  });

  it("routes the smaller companies the same way, and China only directly", () => {
    expect(flowPaths("smaller-chinese-drone-companies", "russian-front-lines")).toHaveLength(4);
    expect(flowPaths("country-cn", "russian-front-lines").map((r) => r.nodes)).toEqual([["country-cn", "country-ru", "russian-front-lines"]]);
  });
});
