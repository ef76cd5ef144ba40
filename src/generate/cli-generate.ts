import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { BadUserInputError } from "../errors.js";
import { TradeNetwork } from "./trade-network.js";
import { claimsCsv, claimsJsonl, customsCsv, ftmJsonl } from "./writers.js";

/** The files `generate` writes, by name. */
export const GENERATED_FILES = Object.freeze({
  "trade.ftm.jsonl": ftmJsonl,
  "customs.csv": customsCsv,
  "claims.csv": claimsCsv,
  "claims.jsonl": claimsJsonl,
});

/**
 * Adds `actorgraph generate`: writes a deterministic synthetic trade network (same `--seed` and
 * size, same bytes) into `--out`: trade.ftm.jsonl, customs.csv, claims.csv and claims.jsonl, in
 * the formats `actorgraph import` reads. Streams every file, so a million declarations take
 * constant memory.
 */
export function registerGenerateCommand(program: Command): void {
  program
    .command("generate")
    .description("Write a deterministic synthetic drone trade network (FtM JSONL, customs CSV, claims CSV/JSONL) for benchmarks and demos.")
    .requiredOption("--out <dir>", "directory for the files (created if missing)")
    .option("--declarations <n>", "customs declarations (HS 8806/8807 shipments)", "10000")
    .option("--companies <n>", "companies (default: declarations / 10, at least 40)")
    .option("--seed <n>", "random seed", "20230321")
    .action(async (options: { out: string; declarations: string; companies?: string; seed: string }) => {
      const net = new TradeNetwork({
        seed: integer("seed", options.seed, 0),
        declarations: integer("declarations", options.declarations, 1),
        companies: options.companies === undefined ? undefined : integer("companies", options.companies, 8),
      });
      mkdirSync(options.out, { recursive: true });
      for (const [file, chunks] of Object.entries(GENERATED_FILES)) {
        await pipeline(Readable.from(chunks(net)), createWriteStream(join(options.out, file)));
      }
      process.stdout.write(
        `${JSON.stringify({ out: options.out, seed: net.seed, companies: net.companyCount, declarations: net.declarationCount, files: Object.keys(GENERATED_FILES) })}\n`,
      );
    });
}

function integer(name: string, value: string, min: number): number {
  // Digits only: Number() alone read `0x10` as 16 and `1e3` as 1000.
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new BadUserInputError(`--${name} must be an integer ≥ ${min}; got ${JSON.stringify(value)}`);
  return n;
}
