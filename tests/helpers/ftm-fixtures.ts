import { join } from "node:path";

/**
 * Our FtM 4 fixture (fictional, realistic): a sanctioned drone maker with aliases in five
 * scripts, an ownership chain with percentages, directorships, party donations with only
 * `amountEur`, sanctions with programs, OpenSanctions referents, FtM 4's `abbreviation`, a
 * property newer than the model, messy names, missing references and repeated records.
 */
export const ZENIT = join(import.meta.dirname, "..", "fixtures", "ftm", "zenit-uav.ftm.jsonl");

/** /work/shared/data/ftm-sample.jsonl: its first line a real OpenSanctions record, the rest synthetic. */
export const FTM_SAMPLE = join(import.meta.dirname, "..", "..", "..", "shared", "data", "ftm-sample.jsonl");
