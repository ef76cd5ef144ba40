import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { TestServer } from "../../helpers/test-app.js";
import { launchChromium, type TestBrowser } from "./browser.js";

/**
 * Helpers for driving the route explorer (`/explorer`) in the browser tests. They read the
 * page's Cytoscape.js instance, `window.actorgraphExplorer.cy`.
 */

/** Page coordinates of a node's centre or an edge's midpoint, as Cytoscape.js renders them now (after the layout settles). */
export async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForSelector("#graph[data-layout=done]");
  return page.evaluate((elementId) => {
    const cy = (window as any).actorgraphExplorer.cy;
    const el = cy.getElementById(elementId);
    if (el.empty()) throw new Error(`${elementId} is not in the view`);
    const p = el.isEdge() ? el.renderedMidpoint() : el.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** The ids of the nodes (entity ids) and edges (`TYPE:id`) in view, sorted. */
export function viewIds(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => {
    const cy = (window as any).actorgraphExplorer.cy;
    return {
      nodes: cy
        .nodes()
        .map((n: any) => n.id())
        .sort(),
      edges: cy
        .edges()
        .map((e: any) => e.id())
        .sort(),
    };
  });
}

/** Types into a search picker and picks the option whose entity id is `id`. */
export async function pick(page: Page, label: "From" | "To", text: string, id: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).fill(text);
  await page.locator(`#${label.toLowerCase()}-picker [role=option][data-id="${id}"]`).click();
}

/** Picks DJI and the Russian front lines and finds the routes between them, as the seed story does; resolves once the graph is laid out. */
export async function findDjiToFrontRoutes(page: Page): Promise<void> {
  await pick(page, "From", "DJI", "dji");
  await pick(page, "To", "front lines", "russian-front-lines");
  await page.getByRole("button", { name: "Find routes" }).click();
  await page.locator("ol.routes > li").first().waitFor();
  await page.waitForSelector("#graph[data-layout=done]");
}

/** Width and height of a PNG file, from its IHDR chunk; throws when `file` is not a PNG. */
export function pngDimensions(file: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (file.length < 24 || !file.subarray(0, 8).equals(signature) || file.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`not a PNG (${file.length} bytes)`);
  }
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/**
 * Holds every `POST /graphql` whose operation is named `operationName` (for example
 * `ExplorerNeighborhood`) until `release()`, so a test can act while the page waits for it.
 * `count()` says how many such requests the page sent.
 */
export async function holdOperation(page: Page, operationName: string): Promise<{ count(): number; release(): Promise<void> }> {
  const held: { continue(): Promise<void> }[] = [];
  let seen = 0;
  let released = false;
  await page.route("**/graphql", async (route) => {
    const body = route.request().postData() ?? "";
    if (!body.includes(`query ${operationName}`)) return route.continue();
    seen += 1;
    if (released) return route.continue();
    held.push({ continue: () => route.continue() });
  });
  return {
    count: () => seen,
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
      await page.unroute("**/graphql");
    },
  };
}

/**
 * Opens `/explorer` of the test server in a fresh Chromium before the enclosing describe block's
 * tests (then runs `prepare`, e.g. {@link findDjiToFrontRoutes}) and closes it after them.
 * @returns a getter, since the browser exists only once beforeAll has run.
 */
export function useExplorerBrowser(server: () => TestServer, prepare?: (page: Page) => Promise<void>): () => TestBrowser {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    expect((await browser.page.goto(`${server().server.url}/explorer`))?.status()).toBe(200);
    await prepare?.(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("useExplorerBrowser: the browser is not started yet");
    return browser;
  };
}
