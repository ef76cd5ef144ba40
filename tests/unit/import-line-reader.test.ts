import { describe, expect, it } from "vitest";
import { readLines, type LineItem } from "../../src/import/line-reader.js";
import { asyncItems } from "../support/async-items.js";

async function collect(chunks: (string | Buffer)[], max = 16): Promise<LineItem[]> {
  const out: LineItem[] = [];
  for await (const item of readLines(asyncItems(chunks), max)) out.push(item);
  return out;
}

describe("readLines", () => {
  it("splits lines across chunks, strips CR and marks an unterminated last line", async () => {
    expect(await collect(["a\r\nb", "c\n", "d"])).toEqual([
      { line: 1, text: "a", unterminated: false },
      { line: 2, text: "bc", unterminated: false },
      { line: 3, text: "d", unterminated: true },
    ]);
  });

  it("rejects invalid UTF-8 and over-long lines by line number and goes on", async () => {
    const items = await collect([Buffer.from([0xff, 0x0a]), "x".repeat(40), "\nok\n"]);
    expect(items).toEqual([
      { reject: { line: 1, code: "INVALID_UTF8", reason: "line 1 is not valid UTF-8" } },
      { reject: { line: 2, code: "LINE_TOO_LONG", reason: "line 2 is longer than 16 bytes" } },
      { line: 3, text: "ok", unterminated: false },
    ]);
  });
});
