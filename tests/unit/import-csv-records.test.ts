import { describe, expect, it } from "vitest";
import type { LineItem } from "../../src/import/line-reader.js";
import { csvRecords } from "../../src/import/record-readers.js";
import { asyncItems } from "../support/async-items.js";

/** `text` as the line reader gives it; `unterminated`: the file ends without a newline. */
function linesOf(text: string, unterminated = false): AsyncGenerator<LineItem> {
  const lines = text.split("\n");
  if (!unterminated) lines.pop();
  return asyncItems(lines.map((line, i) => ({ line: i + 1, text: line, unterminated: unterminated && i === lines.length - 1 })));
}

/** Each item as `<line> <first field>` for a record, `<line> <code>` for a reject. */
async function read(text: string, unterminated = false): Promise<string[]> {
  const out: string[] = [];
  for await (const item of csvRecords(linesOf(text, unterminated))) {
    if ("header" in item) out.push(`header ${item.header.length}`);
    else if ("reject" in item) out.push(`${item.reject.line} ${item.reject.code}`);
    else out.push(item.line === item.endLine ? `${item.line} ${item.value[0]}` : `${item.line}-${item.endLine} ${item.value[0]}`);
  }
  return out;
}

const HEADER = "id,name,country";

describe("csvRecords", () => {
  it("reads the rows after a stray quote instead of swallowing them into its field, and rejects the row that has it at its own line", async () => {
    const text = [HEADER, "r1,Alpha,HK", 'r2,"Beta,RU', "r3,Gamma,HK", "r4,Delta,HK", 'r5,"Eps",RU', "r6,Zeta,HK", ""].join("\n");
    expect(await read(text)).toEqual(["header 3", "2 r1", "3 MALFORMED_CSV", "4 r3", "5 r4", "6 r5", "7 r6"]);
    const items = [];
    for await (const item of csvRecords(linesOf(text))) items.push(item);
    expect(items.find((i) => "reject" in i)).toMatchObject({
      reject: {
        reason: expect.stringMatching(
          /^line 3: a quote opened on this line is not closed on it \(no quote closes it before the end of the file; the lines after it are read as rows of their own\)$/,
        ),
      },
    });
  });

  it("still reads a quoted field that spans lines, as RFC 4180 allows", async () => {
    expect(await read([HEADER, 'r1,"Alpha\nTrading",HK', "r2,Beta,RU", ""].join("\n"))).toEqual(["header 3", "2-3 r1", "4 r2"]);
  });

  it("rejects a row of the wrong width at its line, and a stray quote on the last line as MALFORMED_CSV or, without a final newline, TRUNCATED_LINE", async () => {
    expect(await read([HEADER, "r1,Alpha", "r2,Beta,RU", ""].join("\n"))).toEqual(["header 3", "2 MALFORMED_CSV", "3 r2"]);
    expect(await read([HEADER, "r1,Alpha,HK", 'r2,"Beta,RU', ""].join("\n"))).toEqual(["header 3", "2 r1", "3 MALFORMED_CSV"]);
    expect(await read([HEADER, "r1,Alpha,HK", 'r2,"Beta,RU'].join("\n"), true)).toEqual(["header 3", "2 r1", "3 TRUNCATED_LINE"]);
  });

  it("keeps file order when the rows read one by one follow many rows csv-parse had already read", async () => {
    // The failure is found in the first 64 KiB that csv-parse reads, while this generator has
    // taken one record of it; its rows must still come after lines 2 to 201.
    const rows = Array.from({ length: 3000 }, (_, i) => `r${i + 2},Name ${i},HK`);
    rows[200] = `r202,"Broken,HK`;
    rows[203] = `r205,"Quoted",HK`;
    const out = await read([HEADER, ...rows, ""].join("\n"));
    const lines = out.slice(1).map((s) => Number(s.split(" ")[0]));
    expect(lines).toEqual(Array.from({ length: 3000 }, (_, i) => i + 2));
    expect(out.filter((s) => s.includes("MALFORMED"))).toEqual(["202 MALFORMED_CSV"]);
    expect(out.slice(201, 206)).toEqual(["202 MALFORMED_CSV", "203 r203", "204 r204", "205 r205", "206 r206"]);
  });

  it("reads every row after a bad closing quote, which once dropped the rest of the file with exit 0", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `q${i + 3},Row ${i},HK`);
    const text = [HEADER, "q1,Alpha,HK", 'q2,"Quadcopters" model,HK', ...rows, 'q103,"x",HK', ""].join("\n");
    const out = await read(text);
    expect(out.slice(0, 4)).toEqual(["header 3", "2 q1", "3 MALFORMED_CSV", "4 q3"]);
    expect(out).toHaveLength(1 + 1 + 1 + 100 + 1);
    expect(out.at(-1)).toBe("104 q103");
  });

  it("does not let a stray quote swallow thousands of rows into one record that happens to have the right width", async () => {
    // Line 3 opens a quote that the inch mark of line 5003 would close: 5 001 lines, 3 fields.
    const rows = Array.from({ length: 5000 }, (_, i) => `s${i + 4},Row ${i},HK`);
    const text = [HEADER, "s2,Alpha,HK", 's3,"Drone parts,HK', ...rows, 's5004,Pipe 12",HK', "s5005,Last,RU", ""].join("\n");
    const out = await read(text);
    expect(out.filter((o) => o.includes("MALFORMED"))).toEqual(["3 MALFORMED_CSV", "5004 MALFORMED_CSV"]);
    expect(out.filter((o) => !o.includes("MALFORMED") && !o.startsWith("header"))).toHaveLength(1 + 5000 + 1);
    expect(out.at(-1)).toBe("5005 s5005");
  });

  it("does not merge a row with a stray opening quote and the next row with an inch mark into one record of the right width", async () => {
    const text = [HEADER, "r1,Alpha,HK", 'r2,"Drone parts,RU', 'r3,Pipe 12",CN', "r4,Delta,HK", ""].join("\n");
    expect(await read(text)).toEqual(["header 3", "2 r1", "3 MALFORMED_CSV", "4 MALFORMED_CSV", "5 r4"]);
  });

  it("keeps a valid multi-line row right after a stray quote, which reading line by line lost", async () => {
    const text = [HEADER, "r1,Alpha,HK", 'r2,"bad,RU', 'r3,"multi', 'line, ""quoted"" field",CN', "r4,Delta,HK", ""].join("\n");
    expect(await read(text)).toEqual(["header 3", "2 r1", "3 MALFORMED_CSV", "4-5 r3", "6 r4"]);
  });

  it("ends a record at a line the reader rejected, and refuses a header that does not parse", async () => {
    const withBadLine = () =>
      asyncItems<LineItem>([
        { line: 1, text: `\uFEFF${HEADER}`, unterminated: false },
        { line: 2, text: 'r1,"open,HK', unterminated: false },
        { reject: { line: 3, code: "INVALID_UTF8", reason: "line 3: not UTF-8" } },
        { line: 4, text: "r2,Beta,RU", unterminated: false },
      ]);
    const out: string[] = [];
    for await (const item of csvRecords(withBadLine()))
      out.push("header" in item ? item.header.join("|") : "reject" in item ? `${item.reject.line} ${item.reject.code}` : `${item.line} ${item.value[0]}`);
    expect(out).toEqual(["id|name|country", "2 MALFORMED_CSV", "3 INVALID_UTF8", "4 r2"]);
    // Two open quotes before the unreadable line: both rejected before it, in line order.
    const twoOpen = () =>
      asyncItems<LineItem>([
        { line: 1, text: HEADER, unterminated: false },
        { line: 2, text: 'r1,"open,HK', unterminated: false },
        { line: 3, text: 'r2,"open too,HK', unterminated: false },
        { line: 4, text: 'r3,"and three,HK', unterminated: false },
        { reject: { line: 5, code: "INVALID_UTF8", reason: "line 5: not UTF-8" } },
        { line: 6, text: "r4,Delta,HK", unterminated: false },
      ]);
    const lines2: string[] = [];
    for await (const item of csvRecords(twoOpen()))
      if (!("header" in item)) lines2.push("reject" in item ? `${item.reject.line} ${item.reject.code}` : `${item.line} ${item.value[0]}`);
    expect(lines2).toEqual(["2 MALFORMED_CSV", "3 MALFORMED_CSV", "4 MALFORMED_CSV", "5 INVALID_UTF8", "6 r4"]);
    await expect(read(['id,"name,country', "r1,Alpha,HK", ""].join("\n"))).rejects.toMatchObject({ code: "MALFORMED_HEADER" });
  });
});
