import type { Page } from "playwright-core";

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
    return { nodes: cy.nodes().map((n: any) => n.id()).sort(), edges: cy.edges().map((e: any) => e.id()).sort() };
  });
}

/** Types into a search picker and picks the option whose entity id is `id`. */
export async function pick(page: Page, label: "From" | "To", text: string, id: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).fill(text);
  await page.locator(`[role=option][data-id="${id}"]`).click();
}

/** Picks DJI and the Russian front lines and finds the routes between them, as the seed story does; resolves once the graph is laid out. */
export async function findDjiToFrontRoutes(page: Page): Promise<void> {
  await pick(page, "From", "DJI", "dji");
  await pick(page, "To", "front lines", "russian-front-lines");
  await page.getByRole("button", { name: "Find routes" }).click();
  await page.locator("ol.routes > li").first().waitFor();
  await page.waitForSelector("#graph[data-layout=done]");
}
