import { describe, expect, it } from "vitest";
import { loadCustomsColumns } from "../../src/import/customs-columns.js";
import { currencyCode, isHsChapter, MAX_ENTITY_ID_LENGTH, nonNegative } from "../../src/import/facts.js";
import type { LineItem } from "../../src/import/line-reader.js";
import { claimsHeader, mappedRecords, type MappedItem } from "../../src/import/mapped-records.js";
import type { ImportFormat } from "../../src/import/types.js";
import { asyncItems } from "../support/async-items.js";

const ctx = { namespace: null, sourceId: "dataset-test", aggregate: false };

function linesOf(text: string): AsyncGenerator<LineItem> {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return asyncItems(lines.map((line, i) => ({ line: i + 1, text: line, unterminated: false })));
}

async function mapAll(format: ImportFormat, text: string, namespace: string | null = null): Promise<MappedItem[]> {
  const out: MappedItem[] = [];
  for await (const item of mappedRecords(format, linesOf(text), { ...ctx, namespace }, loadCustomsColumns(undefined))) out.push(item);
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
    expect("facts" in first && first.facts.relationships.find((r) => r.type === "SUPPLIED")?.props).toMatchObject({
      currency: "USD",
      amount: 1000.5,
      quantity: 10,
    });
  });
});

describe("FtM ids", () => {
  it("trims an entity's own id as its references are trimmed, so ' p15 ' and a link to 'p15' name one node", async () => {
    const items = await mapAll(
      "ftm",
      [
        '{"id":" p15 ","schema":"Company","properties":{"name":["P Fifteen"]}}',
        '{"id":"own-9","schema":"Ownership","properties":{"owner":[" p15"],"asset":["co-b"]}}',
      ].join("\n"),
    );
    const facts = items.map((i) => ("facts" in i ? i.facts : null));
    expect(facts[0]?.entities[0]?.id).toBe("p15");
    expect(facts[1]?.relationships[0]).toMatchObject({ start: "p15", end: "co-b" });
  });
});

describe("dated FtM things", () => {
  it("refuses a Sanction or Event that ends before it starts, as a link is refused, and reads a year end as the year's last day", async () => {
    const jsonl = [
      '{"id":"san-1","schema":"Sanction","properties":{"entity":["co-a"],"startDate":["2022"],"endDate":["2022-06"]}}',
      '{"id":"san-2","schema":"Sanction","properties":{"entity":["co-a"],"startDate":["2023-05-01"],"endDate":["2022"]}}',
      '{"id":"ev-1","schema":"Event","properties":{"name":["Summit"],"startDate":["2022-07-01"],"endDate":["2022"]}}',
    ].join("\n");
    const out = await outcomes("ftm", jsonl);
    expect(out[0]).toBe("1 ok");
    expect(out[1]).toMatch(/^2 INVALID_VALUE: line 2: valid from 2023-05-01 .* is after valid to 2022-12-31/);
    expect(out[2]).toBe("3 ok");
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
      '4 INVALID_VALUE: line 4: valid from 2023-06-01 (valid_from "2023-06-01") is after valid to 2023-01-01 (valid_to "2023-01-01")',
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
      '2 INVALID_VALUE: line 2: Ownership owner "co-a" is also its asset: a OWNS relationship from "co-a" to itself',
      '3 INVALID_VALUE: line 3: valid from 2021-05-01 (startDate "2021-05") is after valid to 2020-12-31 (endDate "2020", the last day of that year)',
      '4 INVALID_VALUE: line 4: currency: "US$" is not an ISO 4217 currency code (USD, EUR, CNY, …)',
      "5 ok",
    ]);
  });
});

/** The relationships of each mapped record (none for a reject). */
async function relationshipsOf(format: ImportFormat, text: string, namespace: string | null = null) {
  return (await mapAll(format, text, namespace)).flatMap((item) => ("facts" in item ? item.facts.relationships : []));
}

describe("values that become entity ids", () => {
  const long = "x".repeat(10_000);
  const at = (n: number) => "y".repeat(n);

  it("refuses an FtM reference, a link endpoint or an id over 256 characters, or holding #, naming the property (a 10 000-character parent once failed the whole Neo4j batch)", async () => {
    const jsonl = [
      JSON.stringify({ id: "ref2", schema: "Company", properties: { name: ["Ref two"], parent: [long] } }),
      JSON.stringify({ id: "own-9", schema: "Ownership", properties: { owner: ["co-a", long], asset: ["co-b"] } }),
      JSON.stringify({ id: "pay-9", schema: "Payment", properties: { payer: ["co-a"], beneficiary: ["co-b#1"] } }),
      JSON.stringify({ id: "ea-9", schema: "EconomicActivity", properties: { sender: [long], receiver: ["co-b"] } }),
      JSON.stringify({ id: long, schema: "Company", properties: { name: ["Long id"] } }),
      JSON.stringify({ id: "ref3", schema: "Company", properties: { name: ["Ref three"], parent: [at(MAX_ENTITY_ID_LENGTH)] } }),
      JSON.stringify({ id: at(MAX_ENTITY_ID_LENGTH), schema: "Ownership", properties: { owner: [at(MAX_ENTITY_ID_LENGTH - 1)], asset: ["co-b"] } }),
    ].join("\n");
    const xs = JSON.stringify("x".repeat(40) + "…");
    expect(await outcomes("ftm", jsonl)).toEqual([
      `1 INVALID_VALUE: line 1: parent: an entity id of 10000 characters (${xs}); ids are at most 256 characters`,
      `2 INVALID_VALUE: line 2: owner: an entity id of 10000 characters (${xs}); ids are at most 256 characters`,
      '3 INVALID_VALUE: line 3: beneficiary: "co-b#1": "#" is not allowed in an entity id (FollowTheMoney ids are letters, digits, "." and "-"; actorgraph numbers a link\'s relationships with "#")',
      `4 INVALID_VALUE: line 4: sender: an entity id of 10000 characters (${xs}); ids are at most 256 characters`,
      `5 INVALID_VALUE: line 5: id: an entity id of 10000 characters (${xs}); ids are at most 256 characters`,
      "6 ok",
      "7 ok",
    ]);
  });

  it("refuses a claim's from or to over 256 characters plus the longest namespace, or holding #, before it reaches the index lookup", async () => {
    const jsonl = [
      JSON.stringify({ from: long, to: "autel", type: "RELATED_TO", status: "REPORTED" }),
      JSON.stringify({ from: "dji", to: "autel#1", type: "RELATED_TO", status: "REPORTED" }),
      // A namespaced id as an FtM import stores it: 40 + ":" + 256 characters.
      JSON.stringify({ from: `${"n".repeat(40)}:${at(MAX_ENTITY_ID_LENGTH)}`, to: "autel", type: "RELATED_TO", status: "REPORTED" }),
      JSON.stringify({ from: "dji", to: at(MAX_ENTITY_ID_LENGTH + 42), type: "RELATED_TO", status: "REPORTED" }),
    ].join("\n");
    expect(await outcomes("claims", jsonl)).toEqual([
      `1 INVALID_VALUE: line 1: from: an entity id of 10000 characters (${JSON.stringify("x".repeat(40) + "…")}); ids are at most 297 characters`,
      '2 INVALID_VALUE: line 2: to: "autel#1": "#" is not allowed in an entity id (FollowTheMoney ids are letters, digits, "." and "-"; actorgraph numbers a link\'s relationships with "#")',
      "3 ok",
      `4 INVALID_VALUE: line 4: to: an entity id of 298 characters (${JSON.stringify("y".repeat(40) + "…")}); ids are at most 297 characters`,
    ]);
  });

  it("gives a customs party of the longest name an id within the limit (slugs are capped), namespace included", async () => {
    const csv = [CUSTOMS_HEADER, `r1,2023-01-05,${"x".repeat(1000)},HK,${"é".repeat(1000)},RU,880622,10,1000,USD`].join("\n");
    const rels = await relationshipsOf("customs", csv, "n".repeat(40));
    expect(rels.length).toBeGreaterThan(0);
    for (const r of rels) for (const id of [r.start, r.end]) expect(id.length).toBeLessThanOrEqual(MAX_ENTITY_ID_LENGTH);
  });
});

describe("FtM currencies and amounts", () => {
  it("checks every value of every currency property (any schema) and of every amount, and keeps the values as written", async () => {
    const jsonl = [
      '{"id":"pay-1","schema":"Payment","properties":{"payer":["co-a"],"beneficiary":["co-b"],"amount":["10"],"currency":["USD","bogus"]}}',
      '{"id":"co-1","schema":"Company","properties":{"name":["One"],"currency":["US$"]}}',
      '{"id":"pay-2","schema":"Payment","properties":{"payer":["co-a"],"beneficiary":["co-b"],"amount":["10","ten"]}}',
      '{"id":"co-2","schema":"Company","properties":{"name":["Two"],"amountUsd":["1e3x"]}}',
      '{"id":"ea-1","schema":"EconomicActivity","properties":{"sender":["co-a"],"receiver":["co-b"],"customsAmount":["5"],"invoiceAmount":["0x10"]}}',
      // A refund: FtM amounts may be negative. Lower case is an ISO 4217 code too.
      '{"id":"pay-3","schema":"Payment","properties":{"payer":["co-a"],"beneficiary":["co-b"],"amount":["-10","1,000.5"],"currency":["usd","EUR"]}}',
      '{"id":"co-3","schema":"Company","properties":{"name":["Three"],"currency":["eur"],"amount":["12"]}}',
    ].join("\n");
    expect(await outcomes("ftm", jsonl)).toEqual([
      '1 INVALID_VALUE: line 1: currency: "bogus" is not an ISO 4217 currency code (USD, EUR, CNY, …)',
      '2 INVALID_VALUE: line 2: currency: "US$" is not an ISO 4217 currency code (USD, EUR, CNY, …)',
      '3 INVALID_VALUE: line 3: amount: "ten" is not a decimal number (digits, optional thousands commas, a decimal point)',
      '4 INVALID_VALUE: line 4: amountUsd: "1e3x" is not a decimal number (digits, optional thousands commas, a decimal point)',
      '5 INVALID_VALUE: line 5: invoiceAmount: "0x10" is not a decimal number (digits, optional thousands commas, a decimal point)',
      "6 ok",
      "7 ok",
    ]);
    const [pay] = await relationshipsOf("ftm", jsonl.split("\n")[5]!);
    expect(pay!.props).toMatchObject({ amount: -10, currency: "USD", ftm_currency: ["usd", "EUR"], ftm_amount: ["-10", "1,000.5"] });
  });
});

describe("intervals", () => {
  it("reads an end date of year or month precision as the end of that period, and stores it so (asOf searches found 2023-06-01 to 2023 valid on no day)", async () => {
    const csv = [
      "from,to,type,status,quote,valid_from,valid_to",
      "dji,autel,RELATED_TO,REPORTED,q1,2023-06-01,2023",
      "dji,autel,RELATED_TO,REPORTED,q2,2023-06-15,2023-06",
      "dji,autel,RELATED_TO,REPORTED,q3,2024-02-29,2024-02",
      "dji,autel,RELATED_TO,REPORTED,q4,2023,2023",
      "dji,autel,RELATED_TO,REPORTED,q5,2023-07-01,2023-06",
      "dji,autel,RELATED_TO,REPORTED,q6,2024,2023",
    ].join("\n");
    expect(await outcomes("claims", csv)).toEqual([
      "2 ok",
      "3 ok",
      "4 ok",
      "5 ok",
      '6 INVALID_VALUE: line 6: valid from 2023-07-01 (valid_from "2023-07-01") is after valid to 2023-06-30 (valid_to "2023-06", the last day of that month)',
      '7 INVALID_VALUE: line 7: valid from 2024-01-01 (valid_from "2024") is after valid to 2023-12-31 (valid_to "2023", the last day of that year)',
    ]);
    expect((await relationshipsOf("claims", csv)).map((r) => [r.validFrom, r.validTo])).toEqual([
      ["2023-06-01", "2023-12-31"],
      ["2023-06-15", "2023-06-30"],
      ["2024-02-29", "2024-02-29"],
      ["2023-01-01", "2023-12-31"],
    ]);
    const ownership = '{"id":"own-1","schema":"Ownership","properties":{"owner":["co-a"],"asset":["co-b"],"startDate":["2023-06-01"],"endDate":["2023"]}}';
    expect(await outcomes("ftm", ownership)).toEqual(["1 ok"]);
    expect((await relationshipsOf("ftm", ownership)).map((r) => [r.validFrom, r.validTo])).toEqual([["2023-06-01", "2023-12-31"]]);
  });
});

describe("loops", () => {
  it("rejects an FtM link whole when one of its pairs is a loop, naming the pair; and a reference or shipment to the entity itself, naming the property", async () => {
    const jsonl = [
      '{"id":"own-5","schema":"Ownership","properties":{"owner":["alpha","beta"],"asset":["beta"]}}',
      '{"id":"co-5","schema":"Company","properties":{"name":["Five"],"parent":["co-5"]}}',
      '{"id":"ea-5","schema":"EconomicActivity","properties":{"sender":["co-a","co-b"],"receiver":["co-b"]}}',
    ].join("\n");
    expect(await outcomes("ftm", jsonl)).toEqual([
      '1 INVALID_VALUE: line 1: Ownership owner "beta" is also its asset: a OWNS relationship from "beta" to itself (the link is rejected whole, with its 1 other owner–asset pair)',
      '2 INVALID_VALUE: line 2: parent: "co-5" is the Company\'s own id; a reference joins two entities',
      '3 INVALID_VALUE: line 3: EconomicActivity sender "co-b" is also its receiver: a shipment moves goods between two entities',
    ]);
  });
});

describe("headers and empty files", () => {
  it("refuses a claims header that repeats a claim field, as the customs header does, instead of reading the last", () => {
    expect(() => claimsHeader(["from", "to", "type", "status", "To "])).toThrow(
      expect.objectContaining({ code: "AMBIGUOUS_COLUMNS", message: expect.stringContaining('"to" 2 times (columns 2, 5)') }),
    );
    expect(() => claimsHeader(["from", "type", "status"])).toThrow(expect.objectContaining({ code: "MISSING_COLUMNS" }));
    // A repeated column no field reads is harmless.
    expect(claimsHeader([" From", "to", "type", "status", "notes", "notes"])).toEqual(["from", "to", "type", "status", "notes", "notes"]);
  });

  it("refuses an empty file in every format with EMPTY_FILE (FtM and claims once imported nothing and succeeded)", async () => {
    for (const [format, text] of [
      ["ftm", ""],
      ["ftm", "\n  \n"],
      ["claims", ""],
      ["claims", "\n\n"],
      ["customs", ""],
    ] as const) {
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
