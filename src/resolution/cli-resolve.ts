import { createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { Command } from "commander";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { BadUserInputError } from "../errors.js";
import { CANDIDATE_LIMITS } from "../services/candidate.service.js";

/** Candidate pairs described (entity names read) per query while writing the CSV. */
const DESCRIBE_PAGE = 500;

/** The CSV header of `resolve --candidates`. */
export const CANDIDATE_CSV_HEADER = ["score", "left", "left_name", "right", "right_name", "left_record", "right_record", "reasons"] as const;

/**
 * Adds `actorgraph resolve`:
 * - `--candidates` writes every candidate pair of the graph at or above `--min-score`
 *   (default 0.7), best first, as CSV (csv-stringify, RFC 4180, formula cells escaped as in
 *   exports) to `--out` or stdout, for review in a spreadsheet: `score, left, left_name, right,
 *   right_name, left_record, right_record, reasons` (the reasons' details joined by ` | `).
 *   stderr gets the run's figures as JSON. A file is written as `<out>.partial-<pid>` and renamed
 *   when complete.
 * - `--auto` runs automatic resolution over every record of the graph that holds identifiers or
 *   OpenSanctions referents (equal valid strong identifier with no conflicting country, or a
 *   referents link; what each import does for its own records), and prints what it judged.
 */
export function registerResolveCommand(program: Command): void {
  program
    .command("resolve")
    .description(
      "Entity resolution: --candidates writes possible duplicates as CSV; --auto judges records with an equal strong identifier (docs/resolution.md).",
    )
    .option("--candidates", "write the candidate pairs of the whole graph as CSV")
    .option("--min-score <x>", `lowest score written, in [0, 1] (default ${CANDIDATE_LIMITS.minScore})`)
    .option("--out <file>", "CSV file (default stdout)")
    .option("--auto", "judge records with an equal valid INN, OGRN, LEI, IMO or BIC, or an OpenSanctions referents link, as one actor")
    .action(async (options: { candidates?: boolean; minScore?: string; out?: string; auto?: boolean }) => {
      if (!options.candidates && !options.auto) throw new BadUserInputError("say what to do: --candidates, --auto, or both");
      const minScore = options.minScore === undefined ? CANDIDATE_LIMITS.minScore : Number(options.minScore);
      if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1)
        throw new BadUserInputError(`--min-score must be a number from 0 to 1; got ${JSON.stringify(options.minScore)}`);
      const app = createApp(loadConfig());
      try {
        if (options.auto) {
          const { recordsChecked, pairsFound, judged } = await app.services.resolution.autoResolveDataset(null);
          process.stderr.write(`${JSON.stringify({ auto: { recordsChecked, pairsFound, judged } })}\n`);
        }
        if (options.candidates) await writeCandidates(app, minScore, options.out ?? null);
      } finally {
        await app.close();
      }
    });
}

async function writeCandidates(app: ReturnType<typeof createApp>, minScore: number, out: string | null): Promise<void> {
  const started = Date.now();
  const { candidates, stats } = await app.services.candidates.all(minScore);
  const partial = out === null ? null : `${out}.partial-${process.pid}`;
  const sink: Writable = partial === null ? process.stdout : createWriteStream(partial);
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, "drain");
  };
  try {
    await write(stringify([CANDIDATE_CSV_HEADER]));
    for (let i = 0; i < candidates.length; i += DESCRIBE_PAGE) {
      const page = await app.services.candidates.describe(candidates.slice(i, i + DESCRIBE_PAGE));
      const rows = page.map((c) => [
        c.score,
        c.left.id,
        c.left.name,
        c.right.id,
        c.right.name,
        c.leftRecord,
        c.rightRecord,
        c.reasons.map((r) => r.detail).join(" | "),
      ]);
      if (rows.length > 0) await write(stringify(rows, { escape_formulas: true }));
    }
    if (partial !== null && out !== null) {
      sink.end();
      await once(sink, "finish");
      renameSync(partial, out);
    }
  } catch (err) {
    if (partial !== null) {
      sink.destroy();
      rmSync(partial, { force: true });
    }
    throw err;
  }
  process.stderr.write(`${JSON.stringify({ ...stats, candidates: candidates.length, minScore, seconds: (Date.now() - started) / 1000 })}\n`);
}
