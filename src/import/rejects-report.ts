import { constants, createWriteStream, type WriteStream } from "node:fs";
import { access, stat } from "node:fs/promises";
import { once } from "node:events";
import { dirname } from "node:path";
import { ImportFileError } from "./import-errors.js";
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

  /** A write error of the file, raised by the next add() or close() (the stream reports it as an event). */
  private failure: Error | undefined;

  /** @param file where to write, or null to keep only the count and the first few. */
  constructor(readonly file: string | null) {}

  /**
   * Checks, before an import writes anything, that the file can be written: its folder exists
   * and is writable, and the path is not a folder. The file itself is created on the first
   * reject only.
   * @throws ImportFileError BAD_OPTION otherwise (the CLI's `--rejects`).
   */
  async checkWritable(): Promise<void> {
    if (!this.file) return;
    const existing = await stat(this.file).catch(() => null);
    if (existing?.isDirectory()) throw new ImportFileError("BAD_OPTION", `rejects: ${this.file} is a folder; give a file path`);
    try {
      await access(existing ? this.file : dirname(this.file), constants.W_OK);
    } catch {
      throw new ImportFileError(
        "BAD_OPTION",
        `rejects: cannot write ${this.file} (${existing ? "the file is not writable" : "its folder does not exist or is not writable"})`,
      );
    }
  }

  /** @throws ImportFileError REJECTS_UNWRITABLE when the file could not be written (a full disk). */
  async add(reject: Reject): Promise<void> {
    this.count += 1;
    if (this.first.length < SUMMARY_REJECTS) this.first.push(reject);
    if (!this.file) return;
    this.out ??= createWriteStream(this.file, { flags: "w" }).on("error", (err) => (this.failure ??= err));
    this.raise();
    if (!this.out.write(`${JSON.stringify(reject)}\n`)) await this.drained(this.out);
    this.raise();
  }

  /** Flushes and closes the file; the path when one was written. @throws ImportFileError REJECTS_UNWRITABLE as add(). */
  async close(): Promise<string | null> {
    if (!this.out) return null;
    const out = this.out;
    if (!out.destroyed) await new Promise<void>((resolve) => out.end(() => resolve()));
    this.raise();
    return this.file;
  }

  /**
   * Waits until `out` drains or closes, then removes both listeners: a listener left on the
   * event that did not come stayed attached at each wait, and thousands of rejects warned
   * MaxListenersExceededWarning. A stream error is recorded by add()'s error listener.
   */
  private async drained(out: WriteStream): Promise<void> {
    const stop = new AbortController();
    const until = (event: string) => once(out, event, { signal: stop.signal }).catch(() => undefined);
    try {
      await Promise.race([until("drain"), until("close")]);
    } finally {
      stop.abort();
    }
  }

  private raise(): void {
    if (this.failure) throw new ImportFileError("REJECTS_UNWRITABLE", `rejects: could not write ${this.file}: ${this.failure.message}`);
  }
}
