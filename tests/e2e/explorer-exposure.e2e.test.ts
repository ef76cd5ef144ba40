import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtureGraph } from "../helpers/fixture-graph.js";
import { useTestServer } from "../helpers/test-app.js";
import { pick, pointOf, useExplorerBrowser, viewIds } from "./support/explorer-page.js";

/**
 * A supplier that sells to a buyer and is owned, through a holding, by a sanctioned person
 * (FtM topic `sanction`). The names carry a made-up word so full-text search finds only them.
 */
const P = `expo${Date.now()}-`;
const WORD = `Qorvex${Date.now() % 100000}`;
const ids = { supplier: `${P}supplier`, buyer: `${P}buyer`, holding: `${P}holding`, owner: `${P}owner` };
const ENTITIES = [
  { id: ids.supplier, name: `${WORD} Supplier`, kind: "Company", topics: [] },
  { id: ids.buyer, name: `${WORD} Buyer`, kind: "Company", topics: [] },
  { id: ids.holding, name: `${WORD} Holding`, kind: "Company", topics: [] },
  { id: ids.owner, name: `${WORD} Owner`, kind: "Person", topics: ["sanction"] },
];
const PROPS = {
  status: "REPORTED",
  confidence: 0.8,
  evidenceQuotes: ["a statement"],
  evidenceStarts: [0],
  evidenceEnds: [11],
  evidenceSourceIds: [`${P}source`],
};

describe("GET /explorer: how close to a sanctioned party?", () => {
  const server = useTestServer();
  const browser = useExplorerBrowser(server);

  beforeAll(async () => {
    await server().app.db.writeTx("test-exposure", async (tx) => {
      await tx.run("UNWIND $entities AS e CREATE (:Entity {id: e.id, name: e.name, kind: e.kind, topics: e.topics, aliases: []})", { entities: ENTITIES });
      await tx.run(
        `MATCH (s:Entity {id: $supplier}), (b:Entity {id: $buyer}), (h:Entity {id: $holding}), (o:Entity {id: $owner})
         CREATE (s)-[r1:SUPPLIED]->(b), (h)-[r2:OWNS]->(s), (o)-[r3:OWNS]->(h)
         SET r1 = $props, r1.id = $p + 'sells', r2 = $props, r2.id = $p + 'owns-1', r3 = $props, r3.id = $p + 'owns-2'`,
        { ...ids, props: PROPS, p: P },
      );
    });
  });
  afterAll(async () => {
    await dropFixtureGraph(server().app.db, P);
  });

  it("shows the routes from an entity to the sanctioned owner, from the entity panel", async () => {
    const { page } = browser();
    await pick(page, "From", `${WORD} Supplier`, ids.supplier);
    await pick(page, "To", `${WORD} Buyer`, ids.buyer);
    await page.getByRole("button", { name: "Find routes" }).click();
    await page.locator("ol.routes > li").first().waitFor();
    const at = await pointOf(page, ids.supplier);
    await page.mouse.click(at.x, at.y);
    await page.getByRole("button", { name: "How close to a sanctioned party?" }).click();
    const first = page.locator("ol.routes > li").first();
    await expect.poll(() => first.locator(".summary").innerText()).toBe(`${WORD} Supplier ← ${WORD} Holding ← ${WORD} Owner`);
    expect(await first.locator(".confidence").innerText()).toBe("0.64");
    expect(await page.locator("ol.routes > li").count()).toBe(1);
    expect(await page.locator(".facts-line").innerText()).toMatch(/^1 route · complete search within 4 hops/);
    await page.waitForSelector("#graph[data-layout=done]");
    expect((await viewIds(page)).nodes).toEqual([ids.holding, ids.owner, ids.supplier].sort());
    const owner = await pointOf(page, ids.owner);
    await page.mouse.click(owner.x, owner.y);
    await expect.poll(() => page.locator("#details").innerText()).toMatch(/Topics\s+sanction/);
  });

  it("says so when no sanctioned party is near", async () => {
    const { page } = browser();
    await pick(page, "From", `${WORD} Buyer`, ids.buyer);
    await pick(page, "To", `${WORD} Supplier`, ids.supplier);
    await page.locator("#direction").selectOption("ANY");
    await page.getByRole("button", { name: "Find routes" }).click();
    await page.locator("ol.routes > li").first().waitFor();
    const at = await pointOf(page, ids.buyer);
    await page.mouse.click(at.x, at.y);
    // The buyer is 3 hops from the owner: found. The owner itself has no other sanctioned party near.
    await page.getByRole("button", { name: "How close to a sanctioned party?" }).click();
    await expect
      .poll(() => page.locator("ol.routes > li .summary").first().innerText())
      .toBe(`${WORD} Buyer ← ${WORD} Supplier ← ${WORD} Holding ← ${WORD} Owner`);
    const owner = await pointOf(page, ids.owner);
    await page.mouse.click(owner.x, owner.y);
    await page.getByRole("button", { name: "How close to a sanctioned party?" }).click();
    const empty = page.locator("#results .state.empty");
    await empty.waitFor();
    expect(await empty.locator(".state-title").innerText()).toBe("No sanctioned party within 4 hops");
  });
});
