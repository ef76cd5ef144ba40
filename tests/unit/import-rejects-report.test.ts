import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RejectsReport } from "../../src/import/rejects-report.js";

describe("RejectsReport", () => {
  it("writes thousands of rejects without leaving a listener behind at each wait for the file to drain", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rejects-")), "r.jsonl");
    const report = new RejectsReport(file);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    // Long reasons, so that the stream's buffer fills and add() waits for it again and again.
    const reason = "x".repeat(2000);
    let maxListeners = 0;
    try {
      for (let line = 1; line <= 4000; line++) {
        await report.add({ line, code: "MALFORMED_CSV", reason });
        const out = (report as unknown as { out?: NodeJS.EventEmitter }).out;
        if (out) maxListeners = Math.max(maxListeners, out.listenerCount("close"), out.listenerCount("drain"));
      }
      await report.close();
    } finally {
      process.off("warning", onWarning);
    }
    // Node's own listeners on a file stream are one or two; a leak grew by one per wait.
    expect(maxListeners).toBeLessThanOrEqual(2);
    expect(warnings).not.toContain("MaxListenersExceededWarning");
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4000);
    expect(report.count).toBe(4000);
  });
});
