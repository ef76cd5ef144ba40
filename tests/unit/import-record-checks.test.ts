import { describe, expect, it } from "vitest";
import { loadCustomsColumns } from "../../src/import/customs-columns.js";
import { currencyCode, isHsChapter, nonNegative } from "../../src/import/facts.js";
import type { LineItem } from "../../src/import/line-reader.js";
import { claimsHeader, mappedRecords, type MappedItem } from "../../src/import/mapped-records.js";
import type { ImportFormat } from "../../src/import/types.js";

const ctx = { namespace: null, sourceId: "dataset-test", aggregate: false };

async function* linesOf(text: string): AsyncGenerator<LineItem> {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const [i, line] of lines.entries()) yield { line: i + 1, text: line, unterminated: false };
}

async function mapAll(format: ImportFormat, text: string): Promise<MappedItem[]> {
  const out: MappedItem[] = [];
  for await (const item of mappedRecords(format, linesOf(text), ctx, loadCustomsColumns(undefined))) out.push(item);
  return out;
}

/** The reject code and reason of each line, or "ok" for a mapped record. */
async function outcomes(format: ImportFormat, text: string): Promise<string[]> {
  return (await mapAll(format, text)).map((item) => ("reject" in item ? `${item.reject.line} ${item.reject.code}: ${item.reject.reason}` : `${item.line} ok`));
}

const CUSTOMS_HEADER = "record_id,date,exporter_name,exporter_country,importer_name,importer_country,hs_code,quantity,value,currency";

describe("customs values a declaration cannot hold", () => {
  it("refuses an HS code outside the HS chapters, a negative quantity or value, a currency that is no ISO 4217 code, and an exporter that is the importer", async () => {
    const rows = [
      "r1,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,880622,10,1000.50,usd",
      "r2,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,0000,10,1000,USD",
      "r3,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,7700,10,1000,USD",
      "r4,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,880622,-3,1000,USD",
      "r5,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,880622,10,-1000,USD",
      "r6,2023-01-05,Alpha Ltd,HK,Beta LLC,RU,880622,10,1000,US$",
      "r7,2023-01-05,Alpha Ltd,HK,Alpha Ltd,HK,880622,10,1000,USD",
      "r8,2023-01-05,Alpha Ltd,HK,Alpha Ltd,CN,880700,0,0,",
    ];
    expect(await outcomes("customs", [CUSTOMS_HEADER, ...rows].join("\n"))).toEqual([
      "2 ok",
      '3 INVALID_VALUE: line 3: hsCode: "0000" has no HS chapter 00 (chapters are 01 to 97)',
      '4 INVALID_VALUE: line 4: hsCode: "7700" has no HS chapter 77 (chapters are 01 to 97)',
      '5 INVALID_VALUE: line 5: quantity: "-3" is negative',
      '6 INVALID_VALUE: line 6: value: "-1000" is negative',
      '7 INVALID_VALUE: line 7: currency: "US$" is not an ISO 4217 currency code (USD, EUR, CNY, …)',
      '8 INVALID_VALUE: line 8: exporter and importer are one party ("Alpha Ltd", HK): a declaration moves goods between two',
      // One name in two countries is two parties; zero is a quantity and a value.
      "9 ok",
    ]);
    const first = (await mapAll("customs", [CUSTOMS_HEADER, rows[0]].join("\n")))[0]!;
    expect("facts" in first && first.facts.relationships.find((r) => r.type === "SUPPLIED")?.props).toMatchObject({ currency: "USD", amount: 1000.5, quantity: 10 });
  });
});

describe("relationships in any format", () => {
  it("refuses a claim from an entity to itself, and one valid from after it is valid to", async () => {
    const csv = [
      "from,to,type,status,quote,valid_from,valid_to",
      "dji,autel,RELATED_TO,REPORTED,q1,2022-01-01,2023-01-01",
      "dji,dji,RELATED_TO,REPORTED,q2,,",
      "dji,autel,RELATED_TO,REPORTED,q3,2023-06-01,2023-01-01",
    ].join("\n");
    expect(await outcomes("claims", csv)).toEqual([
      "2 ok",
      '3 INVALID_VALUE: line 3: a RELATED_TO relationship from "dji" to itself',
      "4 INVALID_VALUE: line 4: valid from 2023-06-01 is after valid to 2023-01-01",
    ]);
  });

  it("refuses an FtM link from an entity to itself, an FtM interval that ends before it starts, and a currency that is no ISO 4217 code", async () => {
    const jsonl = [
      '{"id":"own-1","schema":"Ownership","properties":{"owner":["co-a"],"asset":["co-b"],"startDate":["2020-01-01"],"endDate":["2021"]}}',
      '{"id":"own-2","schema":"Ownership","properties":{"owner":["co-a"],"asset":["co-a"]}}',
      '{"id":"own-3","schema":"Ownership","properties":{"owner":["co-a"],"asset":["co-b"],"startDate":["2021-05"],"endDate":["2020"]}}',
      '{"id":"pay-1","schema":"Payment","properties":{"payer":["co-a"],"beneficiary":["co-b"],"amount":["10"],"currency":["US$"]}}',
      '{"id":"pay-2","schema":"Payment","properties":{"payer":["co-a"],"beneficiary":["co-b"],"amount":["10"],"currency":["eur"]}}',
    ].join("\n");
    expect(await outcomes("ftm", jsonl)).toEqual([
      "1 ok",
      '2 INVALID_VALUE: line 2: a OWNS relationship from "co-a" to itself',
      "3 INVALID_VALUE: line 3: valid from 2021-05-01 is after valid to 2020-01-01",
      '4 INVALID_VALUE: line 4: currency: "US$" is not an ISO 4217 currency code (USD, EUR, CNY, …)',
      "5 ok",
    ]);
  });
});

describe("headers and empty files", () => {
  it("refuses a claims header that repeats a claim field, as the customs header does, instead of reading the last", () => {
    expect(() => claimsHeader(["from", "to", "type", "status", "To "])).toThrow(expect.objectContaining({ code: "AMBIGUOUS_COLUMNS", message: expect.stringContaining('"to" 2 times (columns 2, 5)') }));
    expect(() => claimsHeader(["from", "type", "status"])).toThrow(expect.objectContaining({ code: "MISSING_COLUMNS" }));
    // A repeated column no field reads is harmless.
    expect(claimsHeader([" From", "to", "type", "status", "notes", "notes"])).toEqual(["from", "to", "type", "status", "notes", "notes"]);
  });

  it("refuses an empty file in every format with EMPTY_FILE (FtM and claims once imported nothing and succeeded)", async () => {
    for (const [format, text] of [["ftm", ""], ["ftm", "\n  \n"], ["claims", ""], ["claims", "\n\n"], ["customs", ""]] as const) {
      await expect(mapAll(format, text), `${format} ${JSON.stringify(text)}`).rejects.toMatchObject({ code: "EMPTY_FILE" });
    }
  });
});

describe("value helpers", () => {
  it("reads currencies as upper-case ISO 4217 codes and refuses the rest", () => {
    expect(currencyCode(" eur ", "c")).toBe("EUR");
    expect(currencyCode("XXX", "c")).toBe("XXX");
    expect(currencyCode("", "c")).toBeNull();
    for (const v of ["€", "US$", "USD.", "DOLLAR", "ZZZ"]) expect(() => currencyCode(v, "c")).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
  });

  it("knows the HS chapters 01-97 without 77, and non-negative numbers", () => {
    expect(["0100", "8806", "9706", "8807"].map(isHsChapter)).toEqual([true, true, true, true]);
    expect(["0000", "7700", "9800", "9900"].map(isHsChapter)).toEqual([false, false, false, false]);
    expect(nonNegative("0", "q")).toBe(0);
    expect(nonNegative("1,500", "q")).toBe(1500);
    expect(() => nonNegative("-0.5", "q")).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
  });
});
