import { stringify } from "csv-stringify/sync";
import type { Company, Declaration, TradeNetwork } from "./trade-network.js";

/**
 * The generated network in the import formats (src/import/): FtM JSONL, a customs CSV with the
 * default columns of src/import/customs-columns.ts, and analyst claims as CSV and JSONL with the
 * fields of src/import/claims-mapper.ts. Each writer yields text in chunks of {@link CHUNK}
 * records, drawing records on demand, so memory does not grow with the size.
 */
const CHUNK = 1000;
const SOURCE_URL = "https://example.org/synthetic-trade";
const AUTHORITY = "Synthetic Sanctions Authority (fictional)";

/** FtM JSONL: Company entities (sanctioned ones with topic `sanction` and a Sanction entity), Ownerships of shells, then one EconomicActivity per declaration and a Payment for every third. */
export function* ftmJsonl(net: TradeNetwork): Iterable<string> {
  yield* chunked(net.companies(), (c) => companyFtm(net, c));
  yield* chunked(net.declarations(), (d) => declarationFtm(d));
}

function companyFtm(net: TradeNetwork, c: Company): object[] {
  const out: object[] = [
    {
      id: c.id,
      schema: "Company",
      properties: { name: [c.name], country: [c.country], incorporationDate: [c.incorporationDate], ...(c.sanctioned ? { topics: ["sanction"] } : {}) },
    },
  ];
  if (c.sanctioned) {
    out.push({
      id: `gen-sanction-${c.index}`,
      schema: "Sanction",
      properties: { entity: [c.id], authority: [AUTHORITY], reason: ["Supply of UAVs for military end use (synthetic)"] },
    });
  }
  if (c.role === "shell") {
    const owner = net.pick(net.ownerRand(c.index), "intermediary");
    out.push({
      id: `gen-own-${c.index}`,
      schema: "Ownership",
      properties: { owner: [owner.id], asset: [c.id], percentage: ["100"], startDate: [c.incorporationDate] },
    });
  }
  return out;
}

function declarationFtm(d: Declaration): object[] {
  const out: object[] = [
    {
      id: d.id,
      schema: "EconomicActivity",
      properties: {
        sender: [d.exporter.id],
        receiver: [d.importer.id],
        declarant: [d.exporter.id],
        originCountry: [d.manufacturer.country],
        departureCountry: [d.transit],
        destinationCountry: ["ru"],
        vedCode: [d.hsCode],
        goodsDescription: [d.goodsDescription],
        customsAmount: [d.valueUsd.toFixed(2)],
        startDate: [d.date],
      },
    },
  ];
  if (d.index % 3 === 0) {
    out.push({
      id: `gen-pay-${d.index}`,
      schema: "Payment",
      properties: { payer: [d.importer.id], beneficiary: [d.exporter.id], amount: [d.valueUsd.toFixed(2)], currency: ["usd"], date: [d.date] },
    });
  }
  return out;
}

/** The customs CSV header (src/import/customs-columns.ts defaults). */
export const CUSTOMS_HEADER = [
  "record_id",
  "date",
  "exporter_name",
  "exporter_country",
  "importer_name",
  "importer_country",
  "manufacturer_name",
  "manufacturer_country",
  "origin_country",
  "transit_countries",
  "destination_country",
  "hs_code",
  "goods_description",
  "quantity",
  "value",
  "currency",
  "source",
] as const;

/** Customs declarations as CSV, one row per declaration, header first. */
export function* customsCsv(net: TradeNetwork): Iterable<string> {
  yield stringify([CUSTOMS_HEADER]);
  for (const rows of batches(net.declarations())) {
    yield stringify(
      rows.map((d) => [
        d.id,
        d.date,
        d.exporter.name,
        up(d.exporter.country),
        d.importer.name,
        up(d.importer.country),
        d.manufacturer.name,
        up(d.manufacturer.country),
        up(d.manufacturer.country),
        up(d.transit),
        "RU",
        d.hsCode,
        d.goodsDescription,
        d.quantity,
        d.valueUsd.toFixed(2),
        "USD",
        SOURCE_URL,
      ]),
    );
  }
}

/** The claim fields (src/import/claims-mapper.ts). */
export const CLAIM_HEADER = ["from", "to", "type", "confidence", "status", "quote", "source_url", "source_title", "valid_from", "valid_to"] as const;
type Claim = Record<(typeof CLAIM_HEADER)[number], string>;

/** Analyst claims that a shell company is part of its owner's group, as CSV. Ids are the FtM file's, so import that first. */
export function* claimsCsv(net: TradeNetwork): Iterable<string> {
  yield stringify([CLAIM_HEADER]);
  for (const claims of batches(shellClaims(net))) yield stringify(claims.map((c) => CLAIM_HEADER.map((f) => c[f])));
}

/** The same claims as JSONL. */
export function* claimsJsonl(net: TradeNetwork): Iterable<string> {
  yield* chunked(shellClaims(net), (c) => [c]);
}

function* shellClaims(net: TradeNetwork): Iterable<Claim> {
  for (const c of net.companies()) {
    if (c.role !== "shell") continue;
    const owner = net.pick(net.ownerRand(c.index), "intermediary");
    yield {
      from: c.id,
      to: owner.id,
      type: "PART_OF",
      confidence: "",
      status: c.index % 2 === 0 ? "LIKELY" : "POSSIBLE",
      quote: `Registry filings and a shared address suggest that ${c.name} is a front of ${owner.name}.`,
      source_url: `${SOURCE_URL}/claims/${c.index}`,
      source_title: "Synthetic analyst note",
      valid_from: c.incorporationDate,
      valid_to: "",
    };
  }
}

const up = (code: string): string => code.toUpperCase();

function* batches<T>(items: Iterable<T>): Iterable<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === CHUNK) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* chunked<T>(items: Iterable<T>, toObjects: (item: T) => object[]): Iterable<string> {
  for (const batch of batches(items))
    yield batch
      .flatMap(toObjects)
      .map((o) => `${JSON.stringify(o)}\n`)
      .join("");
}
