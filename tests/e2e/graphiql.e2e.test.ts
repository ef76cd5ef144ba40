import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
import { ARTIFACTS_DIR, launchChromium, type TestBrowser } from "./support/browser.js";

const EXAMPLES = readFileSync(join(import.meta.dirname, "..", "..", "examples.graphql"), "utf8");
const OPERATION_NAMES = parse(EXAMPLES).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
const HEADLINE = "RoutesFromDJIToTheFront";
const DJI_ROUTE = "DJI → Small intermediaries and exporters → Russia → Front lines in the war with Ukraine";

/**
 * Text of the CodeMirror 5 editor inside `selector` (GraphiQL 4 keeps the instance on its
 * element), once GraphiQL has mounted it: CodeMirror is loaded lazily, after the tabs render.
 */
async function editorText(page: Page, selector: string): Promise<string> {
  const editor = page.locator(`${selector} .CodeMirror`);
  await editor.waitFor();
  return editor.evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

describe("GET /graphiql", () => {
  const server = useTestServer();
  let browser: TestBrowser;
  const problems: string[] = [];
  let cspHeader: string | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    browser.page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    browser.page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    browser.page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()} ${r.request().postData()?.slice(0, 200) ?? ""}`);
    });
    const response = await browser.page.goto(`${server().server.url}/graphiql`);
    expect(response?.status()).toBe(200);
    cspHeader = response?.headers()["content-security-policy"];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens one tab per operation of examples.graphql, in file order", async () => {
    const { page } = browser;
    await page
      .locator(".graphiql-tab")
      .nth(OPERATION_NAMES.length - 1)
      .waitFor();
    expect(await page.locator(".graphiql-tab-button").allInnerTexts()).toEqual(OPERATION_NAMES);
    await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain(`query ${OPERATION_NAMES[0]}(`);
  });

  it("runs the headline route example and shows the ranked routes in the result pane", async () => {
    const { page } = browser;
    await page.locator(".graphiql-tab-button", { hasText: new RegExp(`^${HEADLINE}$`) }).click();
    await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain(`query ${HEADLINE}(`);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 30_000 }).toContain(DJI_ROUTE);
    const result = JSON.parse(await editorText(page, ".graphiql-response"));
    expect(result.errors).toBeUndefined();
    expect(result.data.routes.routes[0]).toMatchObject({ rank: 1, confidence: 0.512, summary: DJI_ROUTE });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, "graphiql.png") });
  });

  it("shows every example's tab in the bar at 1366 px, full names in tooltips", async () => {
    const { page } = browser;
    const bar = (await page.locator(".graphiql-session-header .graphiql-tabs").boundingBox())!;
    const tabs = page.locator(".graphiql-tab");
    expect(await tabs.count()).toBe(OPERATION_NAMES.length);
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(bar.x);
      expect(box.x + box.width).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
      expect(box.width).toBeGreaterThanOrEqual(60);
    }
    const titles = await page.locator(".graphiql-tab-button").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("title")));
    expect(titles).toEqual(OPERATION_NAMES);
    // Long lines (the examples' comments) wrap instead of running off the editor.
    const wraps = await page.locator(".graphiql-query-editor .CodeMirror").evaluate((el) => (el as any).CodeMirror.getOption("lineWrapping"));
    expect(wraps).toBe(true);
  });

  it("lists every example in the header's Examples menu, which opens its tab, and reopens a closed one", async () => {
    const { page } = browser;
    const openFromMenu = async (name: string) => {
      await page.getByRole("button", { name: /^Examples/ }).click();
      const items = page.locator("[data-example]");
      expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-example")))).toEqual(OPERATION_NAMES);
      await page.locator(`[data-example="${name}"]`).click();
      await expect.poll(() => page.locator(".graphiql-tab-active .graphiql-tab-button").innerText()).toBe(name);
      await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain(`query ${name}(`);
    };
    await openFromMenu("HowAreTheyConnected");
    const neighborhood = page.locator(".graphiql-tab", { hasText: "NeighborhoodOfDJI" });
    await neighborhood.hover();
    await neighborhood.locator(".graphiql-tab-close").click();
    await expect.poll(() => page.locator(".graphiql-tab").count()).toBe(OPERATION_NAMES.length - 1);
    await openFromMenu("NeighborhoodOfDJI");
    expect(await page.locator(".graphiql-tab").count()).toBe(OPERATION_NAMES.length);
  });

  it("links to the route explorer from its header", async () => {
    const link = browser.page.getByRole("link", { name: "Route explorer" });
    expect(await link.getAttribute("href")).toBe("/explorer");
    expect(await link.isVisible()).toBe(true);
  });

  it("loads the schema by introspection, so the documentation explorer lists the queries", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: /show documentation explorer/i }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
    await expect.poll(() => page.locator(".graphiql-doc-explorer").innerText()).toContain("routes");
  });

  it("sends every request to the server's own origin and trips neither the CSP nor any script", () => {
    const origin = new URL(server().server.url).origin;
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("answers with a self-only Content-Security-Policy", () => {
    expect(cspHeader).toBeDefined();
    const directives = new Map(
      cspHeader!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
  });
});
