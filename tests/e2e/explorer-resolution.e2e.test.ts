import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { dropResolution, writeRecords } from "../helpers/resolution.js";
import { useTestServer } from "../helpers/test-app.js";
import { findDjiToFrontRoutes, pointOf, useExplorerBrowser } from "./support/explorer-page.js";

const tag = `e2er${Date.now().toString(36)}`;
const BUYER = `${tag}-a-buyer`;
const TWIN = `${tag}-b-twin`;
const EDITOR = `resolver-${tag}`;
/** A judgement runs a transaction, a route search and a re-read; give the page time on a busy machine. */
const SLOW = { timeout: 15_000 };

describe("the explorer's possible duplicates: candidates with reasons, judged by an editor", () => {
  const server = useTestServer();
  beforeAll(async () => {
    await writeRecords(
      server().app.db,
      [
        { id: BUYER, name: `Zenit Avia ${tag} LLC`, country: "RU" },
        { id: TWIN, name: `ZENIT AVIA ${tag} LIMITED`, country: "RU", aliases: [`Zenit-Avia ${tag}`] },
      ],
      [["SUPPLIED", "dji", BUYER, `${tag}-s1`]],
    );
  });
  const browser = useExplorerBrowser(server, findDjiToFrontRoutes);
  afterAll(async () => {
    await dropResolution(server().app.db, [BUYER, TWIN]);
  });

  const openBuyer = async () => {
    const { page } = browser();
    const at = await pointOf(page, BUYER);
    await page.mouse.click(at.x, at.y);
    await page.locator("section.duplicates ol.candidates, section.duplicates p").first().waitFor();
  };

  it("lists the candidates of an entity with their score and reasons, read-only without a token", async () => {
    const { page } = browser();
    const dji = await pointOf(page, "dji");
    await page.mouse.click(dji.x, dji.y);
    await page.getByRole("button", { name: "Expand neighbourhood" }).click();
    await expect
      .poll(
        async () =>
          page.evaluate(
            (id) =>
              (window as unknown as { actorgraphExplorer: { cy: { getElementById(i: string): { empty(): boolean } } } }).actorgraphExplorer.cy
                .getElementById(id)
                .empty(),
            BUYER,
          ),
        SLOW,
      )
      .toBe(false);
    await openBuyer();
    const item = page.locator(`section.duplicates li.candidate[data-id="${TWIN}"]`);
    await expect.poll(() => item.count(), SLOW).toBe(1);
    expect(await item.locator(".score").innerText()).toBe("score 0.95");
    const reasons = await item.locator(".reasons > li").allInnerTexts();
    expect(reasons[0]).toBe(
      `Names alike without the legal forms (llc, limited): "Zenit Avia ${tag} LLC" ~ "ZENIT AVIA ${tag} LIMITED", as "zenit avia ${tag}" and "zenit avia ${tag}", similarity 1.00 (+0.9)`,
    );
    expect(reasons[1]).toBe("Same country RU (+0.05)");
    expect(await item.locator(".judge").count()).toBe(0);
  });

  it("lets an editor judge the pair one actor, after which the entity lists the other record as merged and the pair is no candidate", async () => {
    const { page } = browser();
    await page.getByRole("button", { name: "Settings" }).click();
    await page.locator("#token-input").fill(await testToken(EDITOR, "editor"));
    await page.getByRole("button", { name: "Save token" }).click();
    await expect.poll(() => page.locator("#token-status").innerText(), SLOW).toBe(`Signed in as ${EDITOR} (editor).`);
    await page.locator("#settings-close").click();
    await openBuyer();
    const item = page.locator(`section.duplicates li.candidate[data-id="${TWIN}"]`);
    await expect.poll(() => item.count(), SLOW).toBe(1);
    await item.getByRole("button", { name: "Same actor" }).click();
    expect(await item.locator(".form-status").innerText()).toBe("Say why, so the judgement records it.");
    await item.locator(".judge-reason").fill("Same Moscow address and director in both registries");
    await item.getByRole("button", { name: "Same actor" }).click();
    await expect
      .poll(() => page.locator("#notice").innerText(), SLOW)
      .toContain(`Judged POSITIVE: Zenit Avia ${tag} LLC and ZENIT AVIA ${tag} LIMITED (${BUYER} and ${TWIN}) by ${EDITOR}.`);
    await expect.poll(() => page.locator("#details .merged-ids").innerText(), SLOW).toBe(TWIN);
    await expect.poll(() => page.locator(`section.duplicates li.candidate[data-id="${TWIN}"]`).count(), SLOW).toBe(0);
    const stored = await server().gql<{ judgements: { judgement: string; actor: string; reason: string }[] }>(
      `query($id: ID!) { judgements(id: $id) { judgement actor reason } }`,
      { id: TWIN },
    );
    expect(stored.data?.judgements).toEqual([{ judgement: "POSITIVE", actor: EDITOR, reason: "Same Moscow address and director in both registries" }]);
  });
});
