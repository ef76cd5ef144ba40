import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const DOCS = join(ROOT, "docs");
const PAGES = readdirSync(DOCS)
  .filter((f) => f.endsWith(".md"))
  .map((f) => join(DOCS, f));
const FRONT = [join(ROOT, "README.md"), join(ROOT, "BENCHMARKS.md")];

/** Markdown links `[text](target)` that point into the repository (not http, not mailto). */
function localLinks(file: string): { target: string; anchor: string | null }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^[a-z]+:/i.test(t))
    .map((t) => {
      const [path, anchor] = t.split("#");
      return { target: path ? resolve(dirname(file), path) : file, anchor: anchor ?? null };
    });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchors(file: string): Set<string> {
  const headings = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l));
  return new Set(
    headings.map((h) =>
      h
        .replace(/^#+ /, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-"),
    ),
  );
}

describe("README.md and docs/", () => {
  it("keeps the front door and the benchmark page under 15 KB each", () => {
    for (const file of FRONT) expect(statSync(file).size, file).toBeLessThanOrEqual(15 * 1024);
  });

  it("opens every docs page with a title and a summary of at most two lines", () => {
    for (const page of PAGES) {
      const [title, blank, ...rest] = readFileSync(page, "utf8").split("\n");
      expect(title, page).toMatch(/^# \S/);
      expect(blank, page).toBe("");
      const summary = rest.slice(0, rest.indexOf(""));
      expect(summary.length, page).toBeGreaterThanOrEqual(1);
      expect(summary.length, page).toBeLessThanOrEqual(2);
      expect(summary.join(" "), page).not.toMatch(/^#/);
    }
  });

  it("links only to files and headings that exist", () => {
    for (const file of [...FRONT, ...PAGES]) {
      for (const link of localLinks(file)) {
        expect(existsSync(link.target), `${file} → ${link.target}`).toBe(true);
        if (link.anchor && link.target.endsWith(".md")) expect(anchors(link.target), `${file} → #${link.anchor}`).toContain(link.anchor);
      }
    }
  });

  it("links every docs page from the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const page of PAGES) expect(readme, page).toContain(`](docs/${page.slice(DOCS.length + 1)})`);
  });

  it("documents every environment variable the configuration reads", () => {
    const source = readFileSync(join(ROOT, "src", "config.ts"), "utf8");
    const names = new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(10);
    const page = readFileSync(join(DOCS, "configuration.md"), "utf8");
    for (const name of names) expect(page, name).toContain(`\`${name}\``);
  });

  it("runs the CLI as npx actorgraph in every shell example, never a bare actorgraph", () => {
    for (const file of [...FRONT, ...PAGES]) {
      let inBlock = false;
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (line.startsWith("```")) inBlock = !inBlock;
        else if (inBlock) expect(line, file).not.toMatch(/^(\$ )?actorgraph /);
      }
    }
  });
});
