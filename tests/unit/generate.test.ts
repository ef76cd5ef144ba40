import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { TradeNetwork } from "../../src/generate/trade-network.js";
import { claimsCsv, claimsJsonl, customsCsv, ftmJsonl } from "../../src/generate/writers.js";
import { CLAIM_FIELDS } from "../../src/import/claims-mapper.js";
import { CustomsColumnsSchema, REQUIRED_CUSTOMS_FIELDS } from "../../src/import/customs-columns.js";
import { findSchema } from "../../src/import/ftm-model.js";
import { ftmProblems } from "../support/ftm-check.js";

const text = (chunks: Iterable<string>) => [...chunks].join("");
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("TradeNetwork", () => {
  it("is deterministic: the same seed and size give the same bytes, another seed other bytes", () => {
    const a = new TradeNetwork({ seed: 7, declarations: 2000 });
    const b = new TradeNetwork({ seed: 7, declarations: 2000 });
    for (const write of [ftmJsonl, customsCsv, claimsCsv]) expect(sha(text(write(a)))).toBe(sha(text(write(b))));
    expect(sha(text(customsCsv(new TradeNetwork({ seed: 8, declarations: 2000 }))))).not.toBe(sha(text(customsCsv(a))));
    // Any record can be drawn alone and is the same as in the stream.
    expect(a.declaration(1234)).toEqual([...a.declarations()][1234]);
  });

  it("ships only HS 8806/8807 goods from Chinese manufacturers through transit countries to Russia", () => {
    const net = new TradeNetwork({ seed: 1, declarations: 5000 });
    for (const d of net.declarations()) {
      expect(d.hsCode).toMatch(/^880[67]\d{2}$/);
      expect([d.manufacturer.role, d.manufacturer.country, d.importer.role, d.importer.country]).toEqual(["manufacturer", "cn", "importer", "ru"]);
      expect(["intermediary", "shell"]).toContain(d.exporter.role);
    }
  });

  it("draws counterparties with a power law and sanctions a few percent of companies", () => {
    const net = new TradeNetwork({ seed: 3, declarations: 20_000 });
    const degree = new Map<string, number>();
    for (const d of net.declarations()) degree.set(d.importer.id, (degree.get(d.importer.id) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => y - x);
    const importers = [...net.companies()].filter((c) => c.role === "importer").length;
    const top = sorted.slice(0, Math.ceil(importers / 100)).reduce((s, x) => s + x, 0);
    // Under a uniform pick the top 1% would hold about 1%; the power law (skew 2.5) gives ~16%.
    expect(top / net.declarationCount).toBeGreaterThan(0.1);
    expect(sorted[0]).toBeGreaterThan(50 * (net.declarationCount / importers));
    const sanctioned = [...net.companies()].filter((c) => c.sanctioned).length / net.companyCount;
    expect(sanctioned).toBeGreaterThan(0.01);
    expect(sanctioned).toBeLessThan(0.1);
  });
});

describe("generate writers", () => {
  const net = new TradeNetwork({ seed: 11, declarations: 600 });

  it("writes FtM JSONL that the FtM 4 model reads, with sanctioned companies, Sanctions, Ownerships and EconomicActivities", () => {
    const entities = text(ftmJsonl(net))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
    for (const e of entities) expect(ftmProblems(e)).toEqual([]);
    const schemata = new Set(entities.map((e) => e.schema));
    expect([...schemata].sort()).toEqual(["Company", "EconomicActivity", "Ownership", "Payment", "Sanction"]);
    expect(entities.filter((e) => e.schema === "EconomicActivity")).toHaveLength(600);
    expect(entities.some((e) => e.properties.topics?.includes("sanction"))).toBe(true);
    const ids = new Set(entities.map((e) => e.id));
    for (const e of entities) {
      for (const [name, values] of Object.entries(e.properties)) {
        if (findSchema(e.schema)!.getProperty(name)!.type === "entity") for (const v of values) expect(ids.has(v)).toBe(true);
      }
    }
  });

  it("writes a customs CSV with the importer's default columns", () => {
    const rows = parseCsv<Record<string, string>>(text(customsCsv(net)), { columns: true });
    expect(rows).toHaveLength(600);
    const columns = CustomsColumnsSchema.parse({});
    for (const field of REQUIRED_CUSTOMS_FIELDS) expect(rows[0]).toHaveProperty(columns[field]);
    expect(rows[0]![columns.hsCode]).toMatch(/^880[67]/);
  });

  it("writes the same claims as CSV and JSONL, with the claim importer's fields", () => {
    const csv = parseCsv<Record<string, string>>(text(claimsCsv(net)), { columns: true });
    const jsonl = text(claimsJsonl(net))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(csv.length).toBeGreaterThan(0);
    expect(csv).toEqual(jsonl);
    expect(Object.keys(csv[0]!).sort()).toEqual([...CLAIM_FIELDS].sort());
  });
});
