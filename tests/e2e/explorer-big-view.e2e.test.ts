import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import { findDjiToFrontRoutes, holdOperation, pngDimensions, pointOf, useExplorerBrowser, viewIds } from "./support/explorer-page.js";

/** {@link pointOf} once two readings 150 ms apart agree: the canvas resizes a frame or two after the panels above it change. */
async function stablePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = await pointOf(page, id);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const now = await pointOf(page, id);
    if (Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
    last = now;
  }
  return last;
}

/** The explorer's cap on an exported PNG's sides (src/web/explorer/graph.ts PNG_MAX_SIDE). */
const PNG_MAX_SIDE = 4096;

// The explorer under load and misuse: impatient double-clicks, overlapping layouts, a view too
// big to draw at full resolution, numbers that are not numbers. explorer.e2e.test.ts covers the flow.
describe("GET /explorer with big views and impatient input", () => {
  const server = useTestServer();
  const routeRequests: string[] = [];
  const browser = useExplorerBrowser(server, async (page) => {
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/graphql") && (r.postData() ?? "").includes("query ExplorerRoutes")) routeRequests.push(r.postData()!);
    });
    await findDjiToFrontRoutes(page);
  });

  it("explains a max hops or min confidence that is not a number in the form, without asking the API", async () => {
    const { page } = browser();
    const error = page.locator("#results .state.error");
    const sent = routeRequests.length;
    const cases: [string, string, RegExp][] = [
      ["#max-hops", "", /Max hops is empty: enter a whole number from 1 to 10\./],
      ["#max-hops", "e", /Max hops is not a number: enter a whole number from 1 to 10\./],
      ["#max-hops", "2.5", /Max hops must be a whole number; got 2\.5\./],
      ["#min-confidence", "-", /Min confidence is not a number: enter a number from 0 to 1/],
      ["#min-confidence", "", /Min confidence is empty/],
    ];
    for (const [field, typed, message] of cases) {
      await page.fill("#max-hops", "6");
      await page.fill("#min-confidence", "0");
      await page.fill(field, "");
      // Typed key by key, as a person would: the browser keeps text it cannot read as a number out of the field's value.
      if (typed) await page.locator(field).pressSequentially(typed);
      await page.getByRole("button", { name: "Find routes" }).click();
      await expect.poll(() => error.innerText()).toMatch(message);
      expect(await error.innerText()).not.toMatch(/Variable|must not be null/);
      expect(await page.locator(field).getAttribute("aria-invalid")).toBe("true");
    }
    expect(routeRequests.length).toBe(sent);
    await page.fill("#max-hops", "6");
    await page.fill("#min-confidence", "0");
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect.poll(() => page.locator("ol.routes > li").count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("#max-hops").getAttribute("aria-invalid")).toBe("false");
    expect(routeRequests.length).toBe(sent + 1);
    await page.waitForSelector("#graph[data-layout=done]");
  });

  it("runs one expansion at a time: double-clicks while one loads are ignored, and the graph says it is busy", async () => {
    const { page } = browser();
    const before = await viewIds(page);
    const hold = await holdOperation(page, "ExplorerNeighborhood");
    // The stale banner of the form test has just gone, so the canvas moved up: wait until the nodes hold still.
    await page.locator("#stale").waitFor({ state: "hidden" });
    const russia = await stablePoint(page, "country-ru");
    const dji = await stablePoint(page, "dji");
    await page.mouse.dblclick(russia.x, russia.y);
    await page.waitForSelector('#graph[aria-busy="true"][data-expanding="country-ru"]');
    expect(await page.locator("#notice").innerText()).toContain("Loading the neighbourhood of Russia");
    await page.mouse.dblclick(dji.x, dji.y);
    await expect.poll(() => page.locator("#notice").innerText()).toContain("Still loading the neighbourhood of Russia; DJI was not expanded");
    await page.mouse.dblclick(russia.x, russia.y);
    await page.mouse.dblclick(dji.x, dji.y);
    expect(hold.count()).toBe(1);
    expect(await page.locator("#notice .spinner").count()).toBe(1);
    await hold.release();
    await page.waitForSelector("#graph:not([aria-busy])");
    await page.waitForSelector("#graph[data-layout=done]");
    await expect.poll(() => page.locator("#notice").innerText()).toMatch(/Added \d+ entities and \d+ relationships around Russia/);
    expect(hold.count()).toBe(1);
    const after = await viewIds(page);
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    expect(new Set(after.edges).size).toBe(after.edges.length);
    // Free again: the next double-click expands.
    const again = await stablePoint(page, "dji");
    await page.mouse.dblclick(again.x, again.y);
    await expect.poll(() => page.locator("#notice").innerText()).toMatch(/around DJI/);
  });

  it("stops a running layout before it starts another", async () => {
    const { page } = browser();
    await page.waitForSelector("#graph[data-layout=done]");
    await page.evaluate(() => {
      const w = window as any;
      const cy = w.actorgraphExplorer.cy;
      w.layoutsRunning = 0;
      w.mostLayoutsAtOnce = 0;
      w.layoutsStarted = 0;
      cy.on("layoutstart", () => {
        w.layoutsStarted += 1;
        w.layoutsRunning += 1;
        w.mostLayoutsAtOnce = Math.max(w.mostLayoutsAtOnce, w.layoutsRunning);
      });
      cy.on("layoutstop", () => {
        w.layoutsRunning -= 1;
      });
    });
    // Re-layout animates small views for 300 ms; three clicks inside that time.
    const relayout = page.getByRole("button", { name: "Re-layout" });
    await relayout.click();
    await relayout.click();
    await relayout.click();
    await page.waitForSelector("#graph[data-layout=done]");
    await expect.poll(() => page.evaluate(() => (window as any).layoutsRunning)).toBe(0);
    const counts = await page.evaluate(() => ({ started: (window as any).layoutsStarted, most: (window as any).mostLayoutsAtOnce }));
    expect(counts.started).toBe(3);
    expect(counts.most).toBe(1);
  });

  it("reports a picture the browser drew empty as an error and saves nothing", async () => {
    const { page } = browser();
    const downloads: string[] = [];
    const onDownload = (d: { suggestedFilename(): string }) => downloads.push(d.suggestedFilename());
    page.on("download", onDownload);
    await page.evaluate(() => {
      const w = window as any;
      w.realCanvas = Object.getOwnPropertyDescriptors(HTMLCanvasElement.prototype);
      // What Chromium yields for a canvas past its size limit: nothing to encode.
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
        callback(new Blob([], { type: "image/png" }));
      };
      HTMLCanvasElement.prototype.toDataURL = () => "data:,";
    });
    await page.getByRole("button", { name: "PNG" }).click();
    const notice = page.locator("#notice");
    await expect.poll(() => notice.innerText()).toMatch(/PNG_FAILED[\s\S]*The PNG export failed: the browser drew an empty picture, so nothing was saved/);
    expect(await notice.getAttribute("class")).toContain("error");
    await page.evaluate(() => {
      const w = window as any;
      Object.defineProperties(HTMLCanvasElement.prototype, { toBlob: w.realCanvas.toBlob, toDataURL: w.realCanvas.toDataURL });
    });
    page.off("download", onDownload);
    expect(downloads).toEqual([]);
  });

  it("saves a non-empty PNG of at most 4096 px a side of a view far wider than that", async () => {
    const { page } = browser();
    // 300 extra nodes in a row 30 000 px wide, added to Cytoscape.js directly (the seed graph has
    // 32 entities): at the page's 2× scale that is a 60 000 px canvas, which Chromium cannot draw.
    await page.evaluate(() => {
      const cy = (window as any).actorgraphExplorer.cy;
      cy.add(
        Array.from({ length: 300 }, (_, i) => ({
          group: "nodes",
          data: { id: `wide-${i}`, label: `Wide ${i}`, kind: "Company" },
          position: { x: i * 100, y: (i % 10) * 60 },
        })),
      );
    });
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PNG" }).click()]);
    expect(png.suggestedFilename()).toBe("actorgraph-view.png");
    const file = readFileSync(await png.path());
    const { width, height } = pngDimensions(file);
    expect(Math.max(width, height)).toBeLessThanOrEqual(PNG_MAX_SIDE);
    expect(Math.max(width, height)).toBeGreaterThan(PNG_MAX_SIDE / 2);
    expect(file.length).toBeGreaterThan(10_000);
    expect(file.length).toBeLessThan(16 * 1024 * 1024);
    await expect.poll(() => page.locator("#notice").innerText()).toMatch(/Saved actorgraph-view\.png \(\d+ KB\)\./);
  });

  it("tripped no script error", () => {
    expect(browser().problems).toEqual([]);
  });
});
