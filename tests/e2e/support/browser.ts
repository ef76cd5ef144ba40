import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`, done by .ci/run); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where tests leave artifacts (screenshots, downloads) for a person to look at: git-ignored. */
export const ARTIFACTS_DIR = join(import.meta.dirname, "..", "..", "..", "test-results");

/** A headless Chromium with a fresh profile, and every request the pages made. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** URLs of every request any page made, in order, for the no-outside-host assertion. */
  requests: string[];
  /** Script errors, console errors and CSP violations of the first page (failed loads are in `httpErrors`). */
  problems: string[];
  /** `<status> <METHOD> <path>` of every response of 400 or more the first page received. */
  httpErrors: string[];
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium through playwright-core with the flags this machine needs
 * (`--headless --no-sandbox --disable-gpu --disable-background-networking`) and a fresh
 * user-data-dir, removed on close. Never downloads a browser: a missing binary fails with
 * a message naming the package to install.
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "actorgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const httpErrors: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource|net::ERR_/.test(m.text())) problems.push(`console: ${m.text()}`);
    if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) httpErrors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return {
    context,
    page,
    requests,
    problems,
    httpErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
