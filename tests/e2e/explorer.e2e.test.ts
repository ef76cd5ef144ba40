import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import { ARTIFACTS_DIR } from "./support/browser.js";
import { pick, pngDimensions, pointOf, useExplorerBrowser, viewIds } from "./support/explorer-page.js";

const CUSTOMS_ROUTE = "DJI → Small intermediaries and exporters → Russia → Front lines in the war with Ukraine";
const FRONT_HOP = "DEPLOYED_TO:russia-deployed-uavs-to-front";
const FRONT_QUOTE = "As a result, Russia is constantly receiving new drones that end up on the front lines in the war with Ukraine.";
const DOCS_SCREENSHOT = join(import.meta.dirname, "..", "..", "docs", "images", "explorer-routes.png");

describe("GET /explorer", () => {
  const server = useTestServer();
  const browser = useExplorerBrowser(server);

  it("answers with a self-only Content-Security-Policy", async () => {
    const res = await fetch(`${server().server.url}/explorer`);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "font-src 'self' data:", "object-src 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it("finds the ranked routes from DJI to the front lines, the customs-data route first", async () => {
    const { page } = browser();
    await pick(page, "From", "DJI", "dji");
    await expect.poll(() => page.locator("#from-picker .entity-card").innerText()).toMatch(/Company[\s\S]*dji[\s\S]*Da-Jiang Innovations/);
    await pick(page, "To", "front lines", "russian-front-lines");
    await page.getByRole("button", { name: "Find routes" }).click();
    const items = page.locator("ol.routes > li");
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(4);
    const first = items.first();
    expect(await first.getAttribute("data-rank")).toBe("1");
    expect(await first.locator(".summary").innerText()).toBe(CUSTOMS_ROUTE);
    expect(await first.locator(".confidence").innerText()).toBe("0.512");
    expect(await items.nth(1).locator(".confidence").innerText()).toBe("0.0576");
    expect(await page.locator(".facts-line").innerText()).toMatch(/^4 routes · complete search within 6 hops/);
    const { nodes, edges } = await viewIds(page);
    expect(nodes).toEqual(["country-by", "country-kz", "country-pk", "country-ru", "dji", "russian-front-lines", "small-intermediaries-and-exporters"]);
    expect(edges).toHaveLength(9);
    expect(await page.locator("#graph-stats").innerText()).toBe("7 entities · 9 relationships in view");
  });

  it("highlights the route picked in the list in the graph", async () => {
    const { page } = browser();
    const onRoute = () =>
      page.evaluate(() =>
        (window as any).actorgraphExplorer.cy
          .$("edge.on-route")
          .map((e: any) => e.id())
          .sort(),
      );
    expect(await onRoute()).toEqual([FRONT_HOP, "SUPPLIED:dji-supplied-intermediaries-uavs", "SUPPLIED:intermediaries-supplied-russia-uavs"].sort());
    await page.locator('ol.routes > li[data-rank="2"] button.route-main').click();
    expect(await onRoute()).toContain("SUPPLIED:by-supplied-russia-uavs");
    expect(await page.locator('ol.routes > li[data-rank="2"] button.hop').count()).toBe(4);
    await page.locator('ol.routes > li[data-rank="1"] button.route-main').click();
    expect(await onRoute()).not.toContain("SUPPLIED:by-supplied-russia-uavs");
  });

  it("shows a hop's evidence, quote marked, when its edge is clicked in the graph or its hop in the list", async () => {
    const { page } = browser();
    await expect(page.locator("#details mark").count()).resolves.toBe(0);
    const mid = await pointOf(page, FRONT_HOP);
    await page.mouse.click(mid.x, mid.y);
    await page.locator(`#details .claim[data-edge="${FRONT_HOP}"]`).waitFor();
    expect(await page.locator("#details mark").allInnerTexts()).toContain(FRONT_QUOTE);
    const details = await page.locator("#details").innerText();
    expect(details).toMatch(/Status\s+REPORTED/);
    expect(details).toMatch(/Confidence\s+0\.8/);
    expect(details).toMatch(/Valid from\s+2022-02-24/);
    expect(details).toContain("NYT: China supplied Russia with $12 million of drones and drone parts since the start of the war");
    expect(details).toContain("published 2023-03");
    expect(await page.locator(`button.hop[data-edge="${FRONT_HOP}"]`).getAttribute("aria-pressed")).toBe("true");
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const shot = join(ARTIFACTS_DIR, "explorer-routes.png");
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(DOCS_SCREENSHOT, ".."), { recursive: true });
      copyFileSync(shot, DOCS_SCREENSHOT);
    }
    await page.locator('button.hop[data-edge="SUPPLIED:dji-supplied-intermediaries-uavs"]').click();
    await page.locator('#details .claim[data-edge="SUPPLIED:dji-supplied-intermediaries-uavs"]').waitFor();
    expect((await page.locator("#details mark").allInnerTexts()).join("\n")).toContain("mostly products from DJI");
  });

  it("adds a node's neighbourhood on double-click, once", async () => {
    const { page } = browser();
    const at = await pointOf(page, "small-intermediaries-and-exporters");
    await page.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => (await viewIds(page)).nodes.length).toBe(10);
    const { nodes, edges } = await viewIds(page);
    expect(nodes).toEqual(expect.arrayContaining(["biden-administration", "smaller-chinese-drone-companies", "us-export-controls"]));
    expect(edges).toEqual(expect.arrayContaining(["THREATENED_ACTION_AGAINST:biden-administration-threatened-suppliers", "RELATED_TO:by-russian-friendly"]));
    expect(new Set(edges).size).toBe(edges.length);
    expect(await page.locator("#notice").innerText()).toMatch(/Added 3 entities and \d+ relationships around Small intermediaries and exporters/);
    const again = await pointOf(page, "small-intermediaries-and-exporters");
    await page.mouse.dblclick(again.x, again.y);
    await expect.poll(() => page.locator("#notice").innerText()).toContain("Everything around Small intermediaries and exporters is already in view.");
    expect(await viewIds(page)).toEqual({ nodes, edges });
  });

  it("exports exactly the view as GraphML, evidence on every edge, and as PNG", async () => {
    const { page } = browser();
    const view = await viewIds(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "GraphML" }).click()]);
    expect(download.suggestedFilename()).toBe("actorgraph-view.graphml");
    const text = readFileSync(await download.path(), "utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name, _p, _l, isAttr) => !isAttr && ["key", "node", "edge", "data"].includes(name),
    }).parse(text);
    const names = new Map<string, string>(doc.graphml.key.map((k: any) => [k.id, k["attr.name"]]));
    const data = (item: any) => Object.fromEntries(item.data.map((d: any) => [names.get(d.key), String(d["#text"])]));
    expect(doc.graphml.graph.node.map((n: any) => n.id).sort()).toEqual(view.nodes);
    expect(doc.graphml.graph.edge.map((e: any) => e.id).sort()).toEqual(view.edges);
    for (const edge of doc.graphml.graph.edge) {
      const d = data(edge);
      expect(Number(d.confidence)).toBeGreaterThan(0);
      expect(JSON.parse(d.evidence).length).toBeGreaterThan(0);
    }
    const front = data(doc.graphml.graph.edge.find((e: any) => e.id === FRONT_HOP));
    expect(JSON.parse(front.evidence).map((e: any) => e.quote)).toContain(FRONT_QUOTE);
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PNG" }).click()]);
    expect(png.suggestedFilename()).toBe("actorgraph-view.png");
    const picture = readFileSync(await png.path());
    expect(picture.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Non-empty, and drawn at the page's 2× scale within the 4096 px cap (explorer-big-view.e2e.test.ts covers a view past it).
    const { width, height } = pngDimensions(picture);
    expect(Math.min(width, height)).toBeGreaterThan(100);
    expect(Math.max(width, height)).toBeLessThanOrEqual(4096);
    expect(picture.length).toBeGreaterThan(5_000);
    await expect.poll(() => page.locator("#notice").innerText()).toMatch(/Saved actorgraph-view\.png \(\d+ KB\)\./);
  });

  it("says there is no route within 1 hop in the API's own words", async () => {
    const { page } = browser();
    const api = await server().gql(`{ routes(from: "dji", to: "russian-front-lines", maxHops: 1) { reason hint } }`);
    expect(api.data.routes.reason).toBe("NO_PATH_WITHIN_HOPS");
    await page.fill("#max-hops", "1");
    await page.getByRole("button", { name: "Find routes" }).click();
    const empty = page.locator("#results .state.empty");
    await empty.waitFor();
    expect(await empty.locator(".state-title").innerText()).toBe("No route within 1 hop");
    expect(await empty.locator(".hint").innerText()).toBe(api.data.routes.hint);
    expect(await empty.innerText()).toContain("reason: NO_PATH_WITHIN_HOPS");
    expect((await viewIds(page)).nodes).toEqual(["dji", "russian-front-lines"]);
  });

  it("shows the API's error for an out-of-range input, an HTTP error and a network failure", async () => {
    const { page } = browser();
    const error = page.locator("#results .state.error");
    await page.fill("#max-hops", "12");
    await page.getByRole("button", { name: "Find routes" }).click();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/BAD_USER_INPUT\s+maxHops must be an integer from 1 to 10; got 12/);
    // The graph of the previous search stays, dimmed and labelled as such, without a highlighted route.
    const stale = page.locator("#stale");
    expect(await stale.innerText()).toMatch(
      /^Previous result\. This search failed, so the graph below still shows the earlier search from DJI to Front lines in the war with Ukraine \(FLOW, up to 1 hop: no route\)/,
    );
    expect(await page.locator("#graph").getAttribute("class")).toContain("stale");
    expect(await page.locator("ol.routes").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).actorgraphExplorer.cy.$(".on-route, .faded").length)).toBe(0);
    await page.fill("#max-hops", "6");
    await page.route("**/graphql", (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" }));
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect.poll(() => error.innerText()).toMatch(/HTTP_502\s+The server answered HTTP 502/);
    expect(await stale.isVisible()).toBe(true);
    // "Keep it" shows the previous result undimmed.
    await stale.getByRole("button", { name: "Keep it" }).click();
    expect(await stale.isHidden()).toBe(true);
    expect(await page.locator("#graph").getAttribute("class")).not.toContain("stale");
    await page.unroute("**/graphql");
    await page.route("**/graphql", (route) => route.abort("connectionrefused"));
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect.poll(() => error.innerText()).toMatch(/NETWORK_ERROR\s+Could not reach the actorgraph server/);
    expect(await stale.isVisible()).toBe(true);
    await page.unroute("**/graphql");
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect.poll(() => page.locator("ol.routes > li").count()).toBeGreaterThanOrEqual(4);
    expect(await stale.isHidden()).toBe(true);
    expect(await page.locator("#graph").getAttribute("class")).not.toContain("stale");
  });

  it("shows markup typed or stored as text, never as HTML", async () => {
    const { page } = browser();
    // Matches no entity: the picker echoes the text in its "no match" line.
    const text = '<img src=qzq onerror="pwned=1">';
    await page.getByRole("combobox", { name: "From" }).fill(text);
    await expect.poll(() => page.locator("#from-options").innerText()).toBe(`No entity matches “${text}”.`);
    expect(await page.locator("#from-options img").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  });

  it("made every request to the test server's origin, with no CSP violation, page error or unexpected HTTP error", () => {
    const origin = new URL(server().server.url).origin;
    expect(browser().requests.length).toBeGreaterThan(5);
    // blob: URLs (the downloads) carry the page's origin; data: URLs never leave the browser.
    const outside = browser().requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
    expect(outside).toEqual([]);
    expect(browser().problems).toEqual([]);
    // The one HTTP error is the 502 the error-state test made up; API errors arrive with HTTP 200.
    expect(browser().httpErrors).toEqual(["502 POST /graphql"]);
  });
});
