import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { useTestServer } from "../helpers/test-app.js";
import { dropWrites } from "../helpers/writes.js";

const ROOT = join(import.meta.dirname, "..", "..");
const NOTEBOOK = join(ROOT, "notebooks", "explore.ipynb");
/** The executed notebook and its figure, for a person to look at (git-ignored). */
const ARTIFACTS_DIR = join(ROOT, "test-results", "notebook");
/** Seconds one cell may run; the seed graph answers in well under a second. */
const CELL_TIMEOUT_S = 120;
const DJI_ROUTE = "DJI → Small intermediaries and exporters → Russia → Front lines in the war with Ukraine";

interface Output {
  output_type: "stream" | "execute_result" | "display_data" | "error";
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: "code" | "markdown" | "raw";
  id: string;
  source: string | string[];
  metadata: { tags?: string[] };
  execution_count?: number | null;
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (the test server answers the notebook meanwhile); never rejects. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, env: options.env, timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
      const why = err && code === null ? `${err.message}${err.killed ? ` (killed after ${options.timeoutMs} ms)` : ""}\n` : "";
      resolve({ code, stdout: String(stdout), stderr: why + String(stderr) });
    });
  });
}

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join("") : (value ?? ""));
const codeCells = (nb: Notebook): Cell[] => nb.cells.filter((c) => c.cell_type === "code");

function taggedCell(nb: Notebook, tag: string): Cell {
  const cell = nb.cells.find((c) => c.metadata.tags?.includes(tag));
  if (!cell) throw new Error(`no cell tagged ${JSON.stringify(tag)} in the notebook`);
  return cell;
}

/** What a cell printed (streams) and the plain-text form of what it displayed, in order. */
function printed(cell: Cell): string {
  return (cell.outputs ?? []).map((o) => (o.output_type === "stream" ? text(o.text) : text(o.data?.["text/plain"]))).join("\n");
}

describe("notebooks/explore.ipynb as committed", () => {
  const nb = JSON.parse(readFileSync(NOTEBOOK, "utf8")) as Notebook;

  it("has no outputs and no execution counts, so diffs show only what changed in the cells", () => {
    const dirty = codeCells(nb).filter((c) => (c.outputs ?? []).length > 0 || c.execution_count != null);
    expect(dirty.map((c) => c.id)).toEqual([]);
  });

  it("declares the python3 kernel that scripts/notebook-env.sh installs into the virtualenv", () => {
    expect(nb.metadata.kernelspec?.name).toBe("python3");
  });
});

describe("notebooks/explore.ipynb executed against the live API", () => {
  const server = useTestServer();
  const NOTEBOOK_EDITOR = `notebook-${Date.now().toString(36)}`;
  // The last cell writes (a fictional source, entity and two claims); delete them after.
  afterAll(async () => {
    const db = server().app.db;
    const found = await server().app.driver.executeQuery(
      "MATCH (n:Entity {name: 'Steppe Logistics LLP (fictional)'}) OPTIONAL MATCH (n)-[r]-() RETURN n.id AS id, collect(r.id) AS claims",
    );
    const sources = await server().app.driver.executeQuery("MATCH (v:Revision {actor: $actor, operation: 'addSource'}) RETURN v.targetId AS id", {
      actor: NOTEBOOK_EDITOR,
    });
    await dropWrites(db, {
      entities: found.records.map((r) => r.get("id") as string),
      claims: found.records.flatMap((r) => r.get("claims") as string[]),
      sources: sources.records.map((r) => r.get("id") as string),
      actors: [NOTEBOOK_EDITOR],
    });
  });
  let executed: Notebook | undefined;
  const nb = (): Notebook => {
    if (!executed) throw new Error("the notebook did not run (see the test that executes it)");
    return executed;
  };

  it("runs top to bottom in the pinned virtualenv without an error", async () => {
    // Creates .venv-notebook/ on first use (from PyPI), reuses it afterwards.
    const env = await run("bash", [join(ROOT, "scripts", "notebook-env.sh")], { timeoutMs: 600_000 });
    if (env.code !== 0) {
      throw new Error(`scripts/notebook-env.sh failed (exit ${env.code}); the notebook test needs python3 (3.11+) and PyPI:\n${env.stderr}`);
    }
    const last = env.stdout.trim().split("\n").pop() ?? "";
    const python = isAbsolute(last) ? last : join(ROOT, last);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const out = join(ARTIFACTS_DIR, "explore.executed.ipynb");
    const url = server().server.url;
    const result = await run(python, [join(ROOT, "scripts", "run-notebook.py"), NOTEBOOK, out, "--timeout", String(CELL_TIMEOUT_S)], {
      env: { ...process.env, ACTORGRAPH_URL: url, ACTORGRAPH_TOKEN: await testToken(NOTEBOOK_EDITOR, "editor") },
      timeoutMs: 300_000,
    });
    if (result.code !== 0) {
      throw new Error(`the notebook failed against ${url} (exit ${result.code}; executed notebook in ${out}):\n${result.stderr}`);
    }
    executed = JSON.parse(readFileSync(out, "utf8")) as Notebook;
  }, 900_000);

  it("executed every code cell once, in order, with no error output", () => {
    const cells = codeCells(nb());
    expect(cells.length).toBeGreaterThanOrEqual(6);
    expect(cells.map((c) => c.execution_count)).toEqual(cells.map((_, i) => i + 1));
    const errors = cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `${c.id}: ${o.ename}: ${o.evalue}`));
    expect(errors).toEqual([]);
  });

  it("printed the four ranked routes from DJI to the front, the customs-data route first at 0.512", () => {
    const out = printed(taggedCell(nb(), "routes-summary"));
    expect(out).toContain("15 hops in 4 routes, ranks [1, 2, 3, 4]");
    const rows = out
      .split("\n")
      .map((line) => /^\s*(\d+)\s+([\d.]+)\s+(\d+)\s+(DJI → .*\S)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ rank: Number(m[1]), confidence: Number(m[2]), hops: Number(m[3]), summary: m[4] }));
    expect(rows).toEqual([
      { rank: 1, confidence: 0.512, hops: 3, summary: DJI_ROUTE },
      { rank: 2, confidence: 0.0576, hops: 4, summary: "DJI → Small intermediaries and exporters → Belarus → Russia → Front lines in the war with Ukraine" },
      { rank: 3, confidence: 0.0576, hops: 4, summary: "DJI → Small intermediaries and exporters → Kazakhstan → Russia → Front lines in the war with Ukraine" },
      { rank: 4, confidence: 0.0576, hops: 4, summary: "DJI → Small intermediaries and exporters → Pakistan → Russia → Front lines in the war with Ukraine" },
    ]);
  });

  it("read the seed's 32 entities and 62 claims from the CSV export", () => {
    expect(printed(taggedCell(nb(), "csv"))).toContain("nodes.csv: 32 entities; edges.csv: 62 claims");
  });

  it("drew DJI's two-hop neighbourhood with matplotlib as a PNG", () => {
    const cell = taggedCell(nb(), "graph");
    expect(printed(cell)).toContain("DJI within 2 hops: 22 entities, 40 claims (truncated: False)");
    const images = (cell.outputs ?? []).filter((o) => o.output_type === "display_data" && o.data?.["image/png"]);
    expect(images).toHaveLength(1);
    const png = Buffer.from(text(images[0]!.data!["image/png"]).replace(/\s/g, ""), "base64");
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]; // IHDR
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(400);
    writeFileSync(join(ARTIFACTS_DIR, "dji-neighbourhood.png"), png);
  });

  it("added a claim through the API and showed the route ranking change", () => {
    const out = printed(taggedCell(nb(), "writes"));
    expect(out).toMatch(/^source source-[0-9a-f]{16} \(The Steppe Ledger\)/);
    expect(out).toMatch(/claim small-intermediaries-and-exporters-supplied-steppe-logistics-llp-fictional\S*: REPORTED 0\.8, quote at \d+–\d+/);
    const after = out.slice(out.indexOf("after:"));
    expect(after).toMatch(
      /\n2\s+0\.4096\s+DJI → Small intermediaries and exporters → Steppe Logistics LLP \(fictional\) → Russia → Front lines in the war with Ukraine/,
    );
    expect(after).toMatch(/\n5\s+0\.0576\s+DJI → Small intermediaries and exporters → Pakistan/);
  });

  it("tabulated the claims by status with the seed's counts and confidences", () => {
    const rows = printed(taggedCell(nb(), "claims"))
      .split("\n")
      .map((line) => /^(REPORTED|LIKELY|POSSIBLE|UNCONFIRMED)\s+(\d+)\s+([\d.]+)\s/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(rows).toEqual([
      ["REPORTED", 53, 0.8],
      ["POSSIBLE", 6, 0.3],
      ["UNCONFIRMED", 3, 0.2],
    ]);
  });
});
