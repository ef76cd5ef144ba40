import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Reject } from "./types.js";

/** Rejects kept in memory for the summary; the report file has all of them. */
export const SUMMARY_REJECTS = 20;

/**
 * Collects rejected records: every one goes to a JSON Lines file (`{"line", "code", "reason"}`
 * per line, created on the first reject, so memory stays flat however many there are), and the
 * first {@link SUMMARY_REJECTS} to the summary.
 */
export class RejectsReport {
  count = 0;
  readonly first: Reject[] = [];
  private out: WriteStream | undefined;

  /** @param file where to write, or null to keep only the count and the first few. */
  constructor(readonly file: string | null) {}

  async add(reject: Reject): Promise<void> {
    this.count += 1;
    if (this.first.length < SUMMARY_REJECTS) this.first.push(reject);
    if (!this.file) return;
    this.out ??= createWriteStream(this.file, { flags: "w" });
    if (!this.out.write(`${JSON.stringify(reject)}\n`)) await once(this.out, "drain");
  }

  /** Flushes and closes the file; the path when one was written. */
  async close(): Promise<string | null> {
    if (!this.out) return null;
    const out = this.out;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return this.file;
  }
}
