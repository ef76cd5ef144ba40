import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { useTestServer } from "../helpers/test-app.js";
import { dropWrites } from "../helpers/writes.js";
import { findDjiToFrontRoutes, useExplorerBrowser } from "./support/explorer-page.js";

const ns = `e2ew${Date.now().toString(36)}`;
const EDITOR = `explorer-editor-${ns}`;
const ARTICLE = `${readFileSync(join(import.meta.dirname, "..", "fixtures", "writes", "steppe-ledger-2024.txt"), "utf8")}\n(${ns})`;
const QUOTE = "bought DJI drones from small intermediaries and exporters in China in 2023";
const NEW_ROUTE = "DJI → Kazakhstan → Russia → Front lines in the war with Ukraine";
/** Writes run a transaction and a re-read; give the page's answers time on a busy machine. */
const SLOW = { timeout: 15_000 };

describe("the explorer's write flow: token, source, passage → claim, dispute shown, retraction", () => {
  const server = useTestServer();
  const browser = useExplorerBrowser(server, findDjiToFrontRoutes);
  const made = { claims: [] as string[], sources: [] as string[], actors: [EDITOR] };
  let token = "";

  beforeAll(async () => {
    token = await testToken(EDITOR, "editor");
  });
  afterAll(async () => {
    await dropWrites(server().app.db, made);
  });

  it("takes an editor token in Settings and says who it is", async () => {
    const { page } = browser();
    expect(await page.locator("#source-editor-open").isHidden()).toBe(true);
    await page.getByRole("button", { name: "Settings" }).click();
    await page.locator("#token-input").fill(token);
    await page.getByRole("button", { name: "Save token" }).click();
    await expect.poll(() => page.locator("#token-status").innerText(), SLOW).toBe(`Signed in as ${EDITOR} (editor).`);
    await page.locator("#settings-close").click();
    expect(await page.locator("#source-editor-open").isVisible()).toBe(true);
  });

  it("adds a source by pasting its text, then a claim from a selected passage between two picked entities", async () => {
    const { page } = browser();
    await page.locator("#source-editor-open").click();
    await page.locator("#source-title").fill("Steppe Logistics re-exported DJI drones (fictional)");
    await page.locator("#source-publisher").fill("The Steppe Ledger");
    await page.locator("#source-text-input").fill(ARTICLE);
    await page.getByRole("button", { name: "Store source" }).click();
    await expect.poll(() => page.locator("#editor-status").innerText(), SLOW).toMatch(/^Stored source (source-[0-9a-f]{16}) \(\d+ characters\)/);
    const sourceId = (await page.locator("#source-text").getAttribute("data-source-id"))!;
    made.sources.push(sourceId);
    // Select the passage as a reader would, with the mouse's range, in the stored text.
    await page.evaluate((quote) => {
      const box = document.getElementById("source-text")!;
      const node = box.firstChild!;
      const start = node.textContent!.indexOf(quote);
      window.getSelection()!.setBaseAndExtent(node, start, node, start + quote.length);
    }, QUOTE);
    await page.getByRole("button", { name: "Use selected passage" }).click();
    expect(await page.locator("#claim-quote").innerText()).toBe(QUOTE);
    for (const [label, text, id] of [
      ["Claim from", "DJI", "dji"],
      ["Claim to", "Kazakhstan", "country-kz"],
    ] as const) {
      await page.getByRole("combobox", { name: label, exact: true }).fill(text);
      await page.locator(`#${label === "Claim from" ? "claim-from" : "claim-to"}-options [role=option][data-id="${id}"]`).click();
    }
    await page.locator("#claim-type").selectOption("SUPPLIED");
    await page.locator("#claim-status").selectOption("REPORTED");
    await page.getByRole("button", { name: "Add claim" }).click();
    await expect
      .poll(() => page.locator("#editor-status").innerText(), SLOW)
      .toMatch(/^Added claim (\S+): DJI SUPPLIED Kazakhstan, REPORTED \(0\.8\), quote at (\d+)–(\d+)\./);
    const [, claimId, start, end] = /^Added claim (\S+):.* quote at (\d+)–(\d+)\./.exec(await page.locator("#editor-status").innerText())!;
    made.claims.push(claimId!);
    expect(ARTICLE.slice(Number(start), Number(end))).toBe(QUOTE);
    await page.locator("#source-editor-close").click();
    // The route search runs again: the new claim opens a route ranked second.
    const second = page.locator('ol.routes > li[data-rank="2"] .summary');
    await expect.poll(() => second.innerText(), SLOW).toBe(NEW_ROUTE);
    expect(await page.locator('ol.routes > li[data-rank="2"] .confidence').innerText()).toBe("0.192");
  });

  it("shows the claim's corroborating and disputing sources and its history in the evidence panel", async () => {
    const { page } = browser();
    const claimId = made.claims[0]!;
    const denial = await server().gql(
      `mutation($input: SourceInput!) { addSource(input: $input) { id } }`,
      { input: { title: "Denial", publisher: "Kazakh Customs Committee", text: `No DJI drones were declared at the border in 2023. (${ns})` } },
      token,
    );
    made.sources.push(denial.data.addSource.id);
    const disputed = await server().gql(
      `mutation($id: ID!, $evidence: [EvidenceInput!]!) { disputeClaim(claimId: $id, evidence: $evidence, note: "Customs deny any such declaration.") { status version } }`,
      { id: claimId, evidence: [{ sourceId: denial.data.addSource.id, quote: "No DJI drones were declared at the border in 2023." }] },
      token,
    );
    expect(disputed.data.disputeClaim).toEqual({ status: "LIKELY", version: 2 });
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect.poll(() => page.locator('ol.routes > li[data-rank="2"] .summary').innerText(), SLOW).toBe(NEW_ROUTE);
    await page.locator('ol.routes > li[data-rank="2"] button.route-main').click();
    await page.locator(`button.hop[data-edge="SUPPLIED:${claimId}"]`).click();
    const panel = page.locator("#details");
    await panel.locator(`.claim[data-edge="SUPPLIED:${claimId}"]`).waitFor();
    expect(await panel.locator("ol.quotes.corroborating mark").allInnerTexts()).toEqual([QUOTE]);
    expect(await panel.locator("ol.quotes.disputing mark").allInnerTexts()).toEqual(["No DJI drones were declared at the border in 2023."]);
    expect(await panel.innerText()).toContain("Note: Customs deny any such declaration.");
    expect(await panel.innerText()).toContain("Kazakh Customs Committee");
    await expect
      .poll(() => panel.locator("ol.revisions li").allInnerTexts(), SLOW)
      .toEqual([
        expect.stringMatching(new RegExp(`^v1 · .* · ${EDITOR} · addClaim`)),
        expect.stringMatching(new RegExp(`^v2 · .* · ${EDITOR} · disputeClaim\\s+Customs deny any such declaration\\.`)),
      ]);
  });

  it("retracts the claim with a reason: it leaves the routes, and the history says who and why", async () => {
    const { page } = browser();
    const claimId = made.claims[0]!;
    const panel = page.locator("#details");
    await panel.locator("#retract-reason").fill("The Steppe Ledger is fiction.");
    await panel.getByRole("button", { name: "Retract claim" }).click();
    await expect.poll(() => panel.innerText(), SLOW).toMatch(new RegExp(`Retracted\\s+by ${EDITOR} on \\d{4}-\\d{2}-\\d{2}: The Steppe Ledger is fiction\\.`));
    await expect.poll(() => page.locator("ol.routes > li").count(), SLOW).toBe(4);
    expect(await page.locator("ol.routes > li .summary").allInnerTexts()).not.toContain(NEW_ROUTE);
    await expect
      .poll(() => panel.locator("ol.revisions li").last().innerText(), SLOW)
      .toMatch(new RegExp(`^v3 · .* · ${EDITOR} · retractClaim\\s+The Steppe Ledger is fiction\\.`));
    const api = await server().gql(`query($id: ID!) { claim(id: $id) { status retracted assertedStatus } }`, { id: claimId });
    expect(api.data.claim).toEqual({ status: "RETRACTED", retracted: true, assertedStatus: "REPORTED" });
  });

  it("made no request outside the test server, and hit no page error", () => {
    expect(browser().problems).toEqual([]);
    const origin = new URL(server().server.url).origin;
    expect(browser().requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin)).toEqual([]);
  });
});
