import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../dist/src/import/importer.js";
import { useTestServer } from "../helpers/test-app.js";

const tag = `rc${Date.now().toString(36)}`;
const HEADER =
  "date,manufacturer_name,manufacturer_country,exporter_name,exporter_country,importer_name,importer_country,origin_country,transit_countries,destination_country,hs_code,goods_description,quantity,value,currency,record_id,source";

interface Rel {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
}

describe("customs party linking by alias: 大疆创新 (CN) is DJI", () => {
  const server = useTestServer();
  const tmp = mkdtempSync(join(tmpdir(), "resolution-customs-"));
  const path = join(tmp, "declarations.csv");
  let summary: ImportSummary;
  /** Country nodes this import may create (an import outside a namespace leaves them unmarked), to remove if it did. */
  let countriesBefore: string[] = [];

  beforeAll(async () => {
    countriesBefore = (await server().app.db.read("entities-by-ids", { ids: ["country-hk", "country-cn", "country-ru", "country-kz"] })).map((r) =>
      String((r.entity as { id: string }).id),
    );
    writeFileSync(
      path,
      [
        HEADER,
        `2023-02-01,大疆创新,cn,Golden Steppe ${tag} Trading Ltd,hk,OOO Vostok ${tag},ru,cn,kz,ru,880621,Quadcopters,10,25000,USD,${tag}-1,Customs extract (fictional)`,
        `2023-02-02,大疆创新,hk,Golden Steppe ${tag} Trading Ltd,hk,OOO Vostok ${tag},ru,cn,kz,ru,880621,Quadcopters,5,12500,USD,${tag}-2,Customs extract (fictional)`,
      ].join("\n") + "\n",
    );
    summary = await server().app.imports.importFile({ format: "customs", path, rejectsFile: null });
  });
  afterAll(async () => {
    // Imported without a namespace (the seed's DJI is outside every namespace), so removed by hand:
    // the dataset, the relationships its rows made, and the party nodes of this run.
    await server().app.db.writeTx("test-drop-customs", async (tx) => {
      await tx.run(
        "MATCH ()-[r]->() WHERE r.id STARTS WITH $tag OR any(x IN coalesce(r.recordIds, []) WHERE x STARTS WITH $tag) OR $sid IN coalesce(r.evidenceSourceIds, []) DELETE r",
        { tag, sid: summary.sourceId },
      );
      await tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'party-' AND (n.name CONTAINS $tag OR n.id = 'party-hk-大疆创新') DETACH DELETE n", { tag });
      await tx.run("MATCH (s:Source {id: $sid}) DETACH DELETE s", { sid: summary.sourceId });
      await tx.run("MATCH (v:Revision {targetId: $sid}) DELETE v", { sid: summary.sourceId });
      await tx.run(
        "MATCH (c:Entity {kind: 'Country'}) WHERE c.id IN ['country-hk', 'country-cn', 'country-ru', 'country-kz'] AND NOT c.id IN $before AND NOT (c)--() DELETE c",
        { before: countriesBefore },
      );
    });
    rmSync(tmp, { recursive: true, force: true });
  });

  it("links the manufacturer named by DJI's alias in China to DJI, and says how in the summary", () => {
    expect(summary).toMatchObject({ rejected: 0 });
    expect(summary.partyLinks).toEqual({
      name: 0,
      nameKey: 0,
      alias: 1,
      links: [{ party: "party-cn-大疆创新", entity: "dji", by: "alias", reason: 'customs name "大疆创新" (CN) is the alias "大疆创新" of DJI (dji, CN)' }],
    });
  });

  it("writes the shipment from DJI itself, and records the reason on the dataset's link", async () => {
    const res = await server().gql<{ entity: { relationships: Rel[] } }>(
      `{ entity(id: "dji") { relationships(limit: 500) { id type from { id } to { id } } } }`,
    );
    const mine = res.data!.entity.relationships.filter((r) => r.to.id.includes(tag.toLowerCase()));
    expect(mine.map((r) => [r.type, r.from.id])).toEqual([["SUPPLIED", "dji"]]);
    const reasons = await server().app.db.readTx("test-reasons", async (tx) =>
      (
        await tx.run("MATCH (:Source {id: $sid})-[pr:PROVIDED]->(:Entity {id: 'dji'}) RETURN pr.resolvedParties AS parties, pr.resolvedReasons AS reasons", {
          sid: summary.sourceId,
        })
      ).records.map((r) => r.toObject()),
    );
    expect(reasons).toEqual([
      { parties: ["party-cn-大疆创新"], reasons: ['party-cn-大疆创新: customs name "大疆创新" (CN) is the alias "大疆创新" of DJI (dji, CN)'] },
    ]);
  });

  it("leaves the same alias in another country a party of its own", async () => {
    const res = await server().gql<{ entity: { id: string; name: string } | null }>(`{ entity(id: "party-hk-大疆创新") { id name } }`);
    expect(res.data?.entity).toEqual({ id: "party-hk-大疆创新", name: "大疆创新" });
  });
});
