import { readFileSync } from "node:fs";
import { z } from "zod";
import { ImportFileError } from "./import-errors.js";

/**
 * Which CSV header holds each field of a customs declaration. Defaults are the snake_case names
 * below; `--columns <file.json>` overrides any of them, e.g. `{"exporterName": "Shipper"}`.
 * Header matching is case-insensitive and ignores surrounding spaces.
 */
export const CustomsColumnsSchema = z
  .object({
    date: z.string().min(1).default("date"),
    exporterName: z.string().min(1).default("exporter_name"),
    exporterCountry: z.string().min(1).default("exporter_country"),
    importerName: z.string().min(1).default("importer_name"),
    importerCountry: z.string().min(1).default("importer_country"),
    /** Optional: the maker of the goods, when the declaration names one; becomes manufacturer → exporter. */
    manufacturerName: z.string().min(1).default("manufacturer_name"),
    manufacturerCountry: z.string().min(1).default("manufacturer_country"),
    originCountry: z.string().min(1).default("origin_country"),
    /** Transit countries, separated by `;`, `|` or `,`. */
    transitCountries: z.string().min(1).default("transit_countries"),
    destinationCountry: z.string().min(1).default("destination_country"),
    hsCode: z.string().min(1).default("hs_code"),
    goodsDescription: z.string().min(1).default("goods_description"),
    quantity: z.string().min(1).default("quantity"),
    value: z.string().min(1).default("value"),
    currency: z.string().min(1).default("currency"),
    recordId: z.string().min(1).default("record_id"),
    source: z.string().min(1).default("source"),
  })
  .strict();
export type CustomsColumns = z.infer<typeof CustomsColumnsSchema>;
export type CustomsField = keyof CustomsColumns;

/** Fields a customs CSV must have; the others may be absent. */
export const REQUIRED_CUSTOMS_FIELDS: readonly CustomsField[] = [
  "date",
  "exporterName",
  "exporterCountry",
  "importerName",
  "importerCountry",
  "hsCode",
  "recordId",
];

/**
 * Reads a column mapping from a JSON file (fields not named keep their defaults).
 * @throws ImportFileError BAD_COLUMN_CONFIG when the file is unreadable, has unknown fields, or
 * gives two fields one column (`{"exporterName": "importer_name"}` made every row importer → importer).
 */
export function loadCustomsColumns(file: string | undefined): CustomsColumns {
  if (!file) return CustomsColumnsSchema.parse({});
  let columns: CustomsColumns;
  try {
    columns = CustomsColumnsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (err) {
    throw new ImportFileError(
      "BAD_COLUMN_CONFIG",
      `column mapping ${file}: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message}`,
    );
  }
  const byColumn = new Map<string, CustomsField>();
  for (const [field, name] of Object.entries(columns) as [CustomsField, string][]) {
    const other = byColumn.get(columnKey(name));
    if (other)
      throw new ImportFileError(
        "BAD_COLUMN_CONFIG",
        `column mapping ${file}: ${other} and ${field} both read column ${JSON.stringify(name)}; give each field its own column`,
      );
    byColumn.set(columnKey(name), field);
  }
  return columns;
}

/** How a header name is matched: trimmed, case-insensitive. */
function columnKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Field → column index for a header row.
 * @throws ImportFileError MISSING_COLUMNS naming every required header that is absent, or
 * AMBIGUOUS_COLUMNS when a column a field reads appears twice in the header (the last one was read).
 */
export function indexColumns(columns: CustomsColumns, header: readonly string[]): Partial<Record<CustomsField, number>> {
  const positions = new Map<string, number[]>();
  header.forEach((h, i) => positions.set(columnKey(h), [...(positions.get(columnKey(h)) ?? []), i]));
  const index: Partial<Record<CustomsField, number>> = {};
  for (const [field, name] of Object.entries(columns) as [CustomsField, string][]) {
    const at = positions.get(columnKey(name));
    if (at && at.length > 1)
      throw new ImportFileError(
        "AMBIGUOUS_COLUMNS",
        `the CSV header has column ${JSON.stringify(name)} ${at.length} times (columns ${at.map((i) => i + 1).join(", ")}); ${field} must read one`,
      );
    if (at) index[field] = at[0]!;
  }
  const missing = REQUIRED_CUSTOMS_FIELDS.filter((f) => index[f] === undefined).map((f) => columns[f]);
  if (missing.length > 0)
    throw new ImportFileError("MISSING_COLUMNS", `the CSV header lacks required columns: ${missing.join(", ")} (map other names with --columns)`);
  return index;
}
