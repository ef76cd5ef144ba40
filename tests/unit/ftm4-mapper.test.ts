import { describe, expect, it } from "vitest";
import { mapFtmEntity } from "../../src/import/ftm-mapper.js";
import { EDGE_RELATIONSHIP_TYPES, nodeKind, stubType } from "../../src/import/ftm-rules.js";
import { findSchema, FTM_VERSION, schemaNames } from "../../src/import/ftm-model.js";
import { RecordError, type RecordFacts } from "../../src/import/types.js";
import { isRelationshipType } from "../../src/model/vocabulary.js";

const ctx = { namespace: null, sourceId: "dataset-test" };
const map = (value: Record<string, unknown>, line = 1): RecordFacts => mapFtmEntity(ctx, { line, endLine: line, text: JSON.stringify(value), value });

describe("mapFtmEntity with the FtM 4 model", () => {
  it(`reads FtM ${FTM_VERSION}: a Company with FtM 4's abbreviation is an entity, not a reject (issue 16, defect 1)`, () => {
    const facts = map({ id: "co-1", schema: "Company", properties: { name: ["Example LLC"], abbreviation: ["EX"] } });
    expect(facts.entities[0]).toMatchObject({ id: "co-1", name: "Example LLC", kind: "Company", aliases: ["EX"] });
    // A Payment from co-1 is a PAID relationship from that entity.
    const payment = map({ id: "pay-1", schema: "Payment", properties: { payer: ["co-1"], beneficiary: ["co-2"], amountEur: ["10"] } });
    expect(payment.relationships[0]).toMatchObject({ type: "PAID", start: "co-1", end: "co-2" });
  });

  it("keeps a property the model lacks as ftm_<name> with an UNKNOWN_PROPERTY warning, never a reject", () => {
    const facts = map({
      id: "co-2",
      schema: "Company",
      properties: { name: ["Next Gen Ltd"], futureProperty: ["x", "y"], "bad key!": ["z"], ownershipOwner: ["own-1"] },
    });
    expect(facts.entities[0]!.props).toMatchObject({ ftm_futureProperty: ["x", "y"], ftm_ownershipOwner: ["own-1"] });
    expect(facts.entities[0]!.props).not.toHaveProperty("ftm_bad key!");
    expect(facts.warnings).toEqual([
      { code: "UNKNOWN_PROPERTY", detail: "Company.futureProperty" },
      { code: "UNKNOWN_PROPERTY", detail: "Company.bad key!" },
      { code: "UNKNOWN_PROPERTY", detail: "Company.ownershipOwner" },
    ]);
  });

  it("fills amount and currency by the money rule: the original first, amountEur alone as EUR, amountUsd alone as USD (defect 2)", () => {
    const pay = (props: Record<string, string[]>) =>
      map({ id: "p", schema: "Payment", properties: { payer: ["a"], beneficiary: ["b"], ...props } }).relationships[0]!.props;
    expect(pay({ amountEur: ["17000000"] })).toMatchObject({ amount: 17000000, currency: "EUR", amountEur: 17000000 });
    expect(pay({ amountUsd: ["5"] })).toMatchObject({ amount: 5, currency: "USD", amountUsd: 5 });
    expect(pay({ amount: ["100"], currency: ["rub"], amountEur: ["1"] })).toMatchObject({ amount: 100, currency: "RUB", amountEur: 1 });
    expect(pay({ amount: ["100"] })).toMatchObject({ amount: 100, currency: null });
    expect(map({ id: "d", schema: "Debt", properties: { debtor: ["a"], creditor: ["b"], amountEur: ["7"] } }).relationships[0]).toMatchObject({
      type: "OWES",
      props: { amount: 7, currency: "EUR" },
    });
  });

  it("types a stub by the range of the property that references it, and names an unnamed entity by FtM's caption rule (defect 5)", () => {
    const co = map({ id: "co-3", schema: "Company", properties: { name: ["C"], addressEntity: ["addr-9"], parent: ["par-9"] } });
    expect(co.stubs).toEqual([
      { id: "addr-9", kind: "Address", ftmSchema: "Address" },
      { id: "par-9", kind: "LegalEntity", ftmSchema: "LegalEntity" },
    ]);
    expect(map({ id: "own", schema: "Ownership", properties: { owner: ["a"], asset: ["b"] } }).stubs).toEqual([
      { id: "a", kind: "LegalEntity", ftmSchema: "LegalEntity" },
      { id: "b", kind: "Asset", ftmSchema: "Asset" },
    ]);
    // Sanction.entity's range is Thing, which is abstract: the stub is a LegalEntity.
    const sanction = map({ id: "s-1", schema: "Sanction", properties: { entity: ["x"], authority: ["OFAC"], program: ["RUSSIA-EO14024"] } });
    expect(sanction.stubs).toEqual([{ id: "x", kind: "LegalEntity", ftmSchema: "LegalEntity" }]);
    expect(sanction.entities[0]).toMatchObject({ name: "RUSSIA-EO14024", kind: "Sanction" });
    expect(sanction.relationships[0]).toMatchObject({
      type: "SUBJECT_TO",
      start: "x",
      end: "s-1",
      props: { ftm_program: ["RUSSIA-EO14024"], ftm_authority: ["OFAC"] },
    });
    // No caption value at all: the schema's label, as FtM's EntityProxy.caption.
    expect(map({ id: "s-2", schema: "Sanction", properties: { entity: ["x"] } }).entities[0]!.name).toBe("Sanction");
  });

  it("makes identifier properties identifiers, and a passport's number one of its holder's", () => {
    const co = map({
      id: "co-4",
      schema: "Company",
      properties: { name: ["D"], innCode: ["7701234560"], leiCode: ["253400ZENIT0UAV00092"], okvedCode: ["30.30"] },
    });
    expect(co.identifiers).toEqual([
      { entityId: "co-4", scheme: "innCode", value: "7701234560" },
      { entityId: "co-4", scheme: "leiCode", value: "253400ZENIT0UAV00092" },
    ]);
    const passport = map({ id: "pp-1", schema: "Passport", properties: { holder: ["person-1"], number: ["75 1234567"] } });
    expect(passport.identifiers).toContainEqual({ entityId: "person-1", scheme: "passportNumber", value: "75 1234567" });
    expect(passport.entities[0]).toMatchObject({ kind: "Identification", name: "75 1234567" });
  });

  it("keeps OpenSanctions' referents, datasets, first_seen, last_seen and target, each referent resolving to the entity (defect 8)", () => {
    const facts = map({
      id: "NK-1",
      schema: "Company",
      properties: { name: ["E"] },
      referents: ["ofac-1", "NK-1"],
      datasets: ["us_ofac_sdn"],
      first_seen: "2022-03-15T10:12:00",
      last_seen: "2025-11-30T08:00:00",
      target: true,
    });
    expect(facts.referents).toEqual([{ id: "ofac-1", canonicalId: "NK-1" }]);
    expect(facts.entities[0]!.props).toMatchObject({
      referents: ["ofac-1"],
      datasets: ["us_ofac_sdn"],
      firstSeen: "2022-03-15T10:12:00",
      lastSeen: "2025-11-30T08:00:00",
      target: true,
    });
    expect(() => map({ id: "NK-2", schema: "Company", properties: {}, target: "yes" })).toThrow(RecordError);
  });

  it("decodes ids our export encoded (defect 4's way back)", () => {
    const facts = map({ id: "ag.ns.3aco-5", schema: "Ownership", properties: { owner: ["ag.party-ru-.u043e.u043e.u043e"], asset: ["plain-id"] } });
    expect(facts.relationships[0]).toMatchObject({ id: "ns:co-5", start: "party-ru-ооо", end: "plain-id" });
  });
});

describe("FtM 4 link schemata", () => {
  it("map every relationship-carrying schema the issue names to an allow-listed type", () => {
    const expected = {
      Ownership: "OWNS",
      Directorship: "DIRECTS",
      Control: "CONTROLS",
      Succession: "SUCCEEDED_BY",
      Representation: "REPRESENTS",
      Employment: "EMPLOYED_BY",
      Membership: "MEMBER_OF",
      Family: "FAMILY_OF",
      Associate: "ASSOCIATE_OF",
      UnknownLink: "RELATED_TO",
      Payment: "PAID",
      Debt: "OWES",
    };
    expect(EDGE_RELATIONSHIP_TYPES).toEqual(expected);
    for (const [schema, type] of Object.entries(expected)) {
      expect(findSchema(schema)!.edge, schema).not.toBeNull();
      expect(isRelationshipType(type)).toBe(true);
    }
    for (const [schema, kind] of [
      ["Sanction", "Sanction"],
      ["Risk", "Risk"],
      ["EconomicActivity", "EconomicActivity"],
      ["Passport", "Identification"],
      ["Identification", "Identification"],
    ]) {
      expect(nodeKind(findSchema(schema!)!)).toBe(kind);
    }
  });

  it("import every concrete schema but the annotations Mention, Page and Similar", () => {
    const refused = schemaNames().filter((n) => !findSchema(n)!.abstract && !findSchema(n)!.edge && !nodeKind(findSchema(n)!));
    expect(refused).toEqual(["Mention", "Page", "Similar"]);
    expect(stubType("Thing")).toEqual({ kind: "LegalEntity", ftmSchema: "LegalEntity" });
  });
});
