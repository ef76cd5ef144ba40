import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import { findDjiToFrontRoutes, pointOf, useExplorerBrowser, viewIds } from "./support/explorer-page.js";

// How the explorer reads on a 1366×768 laptop screen (the browser's viewport): legible labels
// and faded routes, a left panel that shows the four seed routes without scrolling, a busy
// view that does not bury a hub in edge labels. explorer.e2e.test.ts covers the flow itself.
describe("GET /explorer at 1366×768", () => {
  const server = useTestServer();
  const browser = useExplorerBrowser(server, findDjiToFrontRoutes);

  it("keeps the routes not picked legible, greyed rather than vanished, with labels of 10 px or more", async () => {
    const { page } = browser();
    await page.waitForSelector("#graph[data-layout=done]");
    const look = await page.evaluate(() => {
      const cy = (window as any).actorgraphExplorer.cy;
      const px = (e: any) => parseFloat(e.style("font-size")) * cy.zoom();
      return {
        fadedNodes: cy.$("node.faded").map((n: any) => ({ fill: Number(n.style("background-opacity")), text: Number(n.style("text-opacity")), label: px(n) })),
        fadedEdges: cy.$("edge.faded").map((e: any) => ({ opacity: Number(e.style("opacity")), label: e.style("label") })),
        edgeLabelPx: Math.min(...cy.edges().map(px)),
        nodeLabelPx: Math.min(...cy.nodes().map(px)),
        nodeLabelBackground: Math.min(...cy.nodes().map((n: any) => Number(n.style("text-background-opacity")))),
      };
    });
    // Pakistan, Kazakhstan, Belarus and the six hops through them, when route 1 is picked.
    expect(look.fadedNodes).toHaveLength(3);
    expect(look.fadedEdges).toHaveLength(6);
    for (const n of look.fadedNodes) expect(n.fill >= 0.4 && n.text >= 0.7).toBe(true);
    for (const e of look.fadedEdges) {
      expect(e.opacity).toBeGreaterThanOrEqual(0.6);
      expect(e.label).toBe("SUPPLIED");
    }
    expect(look.edgeLabelPx).toBeGreaterThanOrEqual(10);
    expect(look.nodeLabelPx).toBeGreaterThanOrEqual(11.5);
    expect(look.nodeLabelBackground).toBe(1);
  });

  it("fits the form and the four routes' headers in a 1366×768 window, hop names in full", async () => {
    const { page } = browser();
    expect(await page.locator("aside.side").evaluate((el) => el.scrollTop)).toBe(0);
    for (let rank = 1; rank <= 4; rank++) {
      const box = (await page.locator(`ol.routes > li[data-rank="${rank}"] button.route-main`).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    const hops = page.locator('ol.routes > li[data-rank="1"] button.hop');
    expect(await hops.nth(1).locator(".hop-ends").innerText()).toBe("Small intermediaries and exporters → Russia");
    for (const hop of await hops.all()) {
      // Wrapped, never cut: the text's box holds all of it.
      expect(await hop.locator(".hop-text").evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
    }
    // The picked entity's card is one line; its tooltip has every alias.
    const aliases = page.locator("#from-picker .entity-card .aliases");
    expect(await aliases.getAttribute("title")).toContain("Da-Jiang Innovations");
    expect((await aliases.boundingBox())!.height).toBeLessThan(20);
  });

  it("keeps a busy view readable: only the route's and the hovered edges carry labels, the hub's name stays on top", async () => {
    const { page } = browser();
    const russia = await pointOf(page, "country-ru");
    await page.mouse.dblclick(russia.x, russia.y);
    await expect.poll(async () => (await viewIds(page)).nodes.length).toBeGreaterThan(10);
    await page.waitForSelector("#graph[data-layout=done]");
    await page.mouse.move(1, 1);
    const labels = () =>
      page.evaluate(() => {
        const cy = (window as any).actorgraphExplorer.cy;
        return {
          edges: cy.edges().length,
          labelled: cy
            .edges()
            .filter((e: any) => e.style("label") !== "")
            .map((e: any) => e.id())
            .sort(),
          onRoute: cy
            .$("edge.on-route")
            .map((e: any) => e.id())
            .sort(),
          russiaLabelOnTop: cy.getElementById("country-ru").style("text-background-opacity") === "1",
        };
      });
    const busy = await labels();
    expect(busy.edges).toBeGreaterThan(14);
    expect(busy.labelled).toEqual(busy.onRoute);
    expect(busy.russiaLabelOnTop).toBe(true);
    // Hovering an edge labels it.
    const other = await page.evaluate(() => (window as any).actorgraphExplorer.cy.edges().not(".on-route")[0].id());
    const mid = await pointOf(page, other);
    await page.mouse.move(mid.x, mid.y);
    await expect.poll(async () => (await labels()).labelled).toContain(other);
    await page.mouse.move(1, 1);
  });

  it("tripped no script error", () => {
    expect(browser().problems).toEqual([]);
  });
});
