import { describe, expect, it } from "vitest";
import type { LineItem } from "../../src/import/line-reader.js";
import { jsonlRecords } from "../../src/import/record-readers.js";
import { asyncItems } from "../support/async-items.js";

async function read(...texts: string[]) {
  const lines = () => asyncItems(texts.map((text, i) => ({ line: i + 1, text }) as LineItem));
  const out = [];
  for await (const item of jsonlRecords(lines())) out.push(item);
  return out;
}

describe("jsonlRecords", () => {
  it("rejects a line whose JSON escapes parse to half a character, and keeps an escaped pair", async () => {
    const [lone, key, pair] = await read(
      String.raw`{"id":"a","schema":"Company","properties":{"name":["Drones \ud83d"]}}`,
      String.raw`{"id":"b","schema":"Company","properties":{"\udc01":["x"]}}`,
      String.raw`{"id":"c","schema":"Company","properties":{"name":["Drones \ud83d\ude81"]}}`,
    );
    expect(lone).toMatchObject({ reject: { line: 1, code: "INVALID_UTF8", reason: expect.stringMatching(/half a character/) } });
    expect(key).toMatchObject({ reject: { line: 2, code: "INVALID_UTF8" } });
    expect(pair).toMatchObject({ line: 3, value: { properties: { name: ["Drones 🚁"] } } });
  });

  it("names null as null when a line is not an object", async () => {
    const [item] = await read("null");
    expect(item).toMatchObject({ reject: { code: "MALFORMED_JSON", reason: "line 1: expected a JSON object, got null" } });
  });
});
