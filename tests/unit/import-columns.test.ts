import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexColumns, loadCustomsColumns } from "../../src/import/customs-columns.js";

const header = "date,exporter_name,exporter_country,importer_name,importer_country,hs_code,record_id".split(",");

describe("customs columns", () => {
  it("indexes the default header, case- and space-insensitively", () => {
    expect(
      indexColumns(
        loadCustomsColumns(undefined),
        header.map((h) => ` ${h.toUpperCase()} `),
      ),
    ).toMatchObject({ date: 0, exporterName: 1, importerName: 3, recordId: 6 });
  });

  it("refuses a header that has a column it reads twice, instead of reading the last", () => {
    expect(() => indexColumns(loadCustomsColumns(undefined), ["date", ...header])).toThrow(
      expect.objectContaining({ code: "AMBIGUOUS_COLUMNS", message: expect.stringContaining('"date" 2 times (columns 1, 2)') }),
    );
    // A repeated column no field reads is harmless.
    expect(indexColumns(loadCustomsColumns(undefined), [...header, "notes", "notes"])).toMatchObject({ date: 0 });
  });

  it("refuses a mapping that gives two fields one column (every row importer → importer before)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "columns-")), "map.json");
    writeFileSync(file, JSON.stringify({ exporterName: "Importer_Name " }));
    expect(() => loadCustomsColumns(file)).toThrow(
      expect.objectContaining({ code: "BAD_COLUMN_CONFIG", message: expect.stringContaining("exporterName and importerName both read column") }),
    );
  });
});
