import { countryFact, digest, endpointId, isHsChapter, isoDate, nonNegative, reportedRelationship, scopedId, slug, type MapContext } from "./facts.js";
import { moneyOf } from "./money.js";
import type { CustomsField } from "./customs-columns.js";
import { RecordError, type CountryFact, type EntityFact, type InputRecord, type RecordFacts, type RelationshipFact, type ShipmentStatement } from "./types.js";

/** The `leg` property of a declaration's manufacturer → exporter SUPPLIED (the other hop's is "exporter-importer"). */
export const MANUFACTURER_LEG = "manufacturer-exporter";

/**
 * Maps one customs declaration to shipment facts that FLOW routes can follow:
 * `manufacturer ─SUPPLIED→ exporter ─SUPPLIED→ importer` (the first hop only when a
 * manufacturer other than the exporter is named). Each party is BASED_IN its country.
 *
 * Transit countries are NOT hops: a chain `exporter → Kazakhstan → importer` would let every
 * shipment through Kazakhstan connect every exporter to every importer via the country hub, a
 * false route. They are kept on the SUPPLIED relationship as `via` (ISO codes, in order), with
 * `origin` and `destination`, and in its `note`.
 *
 * Parties get ids `party-<iso2>-<slug of name>` (namespaced); the batch writer links a party
 * to an existing entity with exactly that name instead (see party-resolver.ts). BASED_IN is a
 * shared fact that every declaration naming the party restates: its evidence keeps the first
 * statements only, with counts and first/last dates (MAX_EVIDENCE_PER_RELATIONSHIP, batch-facts.ts).
 *
 * With `ctx.aggregate` (`--aggregate`) the shipment hops are aggregates instead of one SUPPLIED
 * per declaration: one SUPPLIED per (exporter, importer, HS heading = first 4 digits), id
 * `customs-agg-<heading>:<exporter>><importer>`, and one per (manufacturer, exporter, heading),
 * id `customs-agg-mfr-<heading>:…`, each summing the declarations' values (ShipmentStatement;
 * import-merge-relationships.cypher). Only one kind of shipment edge per import, so routes
 * never offer the same shipments twice. A declaration repeated in the file (same `record_id` and
 * `source`) is summed once: its repeats add no statement (`ctx.declarations`), as in
 * per-declaration mode, where they restate one SUPPLIED. Its money follows the rule of money.ts
 * (`value` in `currency`; customs files state no conversions).
 * @throws RecordError INVALID_VALUE for a missing name, a bad date or country, an HS code outside
 * the HS chapters, a negative or malformed quantity or value, a currency that is no ISO 4217
 * code, or an exporter that is the importer.
 */
export function mapCustomsRow(ctx: MapContext, record: InputRecord<string[]>, index: Partial<Record<CustomsField, number>>): RecordFacts {
  const get = (field: CustomsField): string => {
    const at = index[field];
    return at === undefined ? "" : (record.value[at] ?? "").trim();
  };
  const required = (field: CustomsField): string => {
    const v = get(field);
    if (v === "") throw new RecordError("INVALID_VALUE", `${field} is empty`);
    return v;
  };
  const recordId = required("recordId");
  const date = isoDate(required("date"), "date");
  const hsCode = required("hsCode").replace(/[.\s]/g, "");
  if (!/^\d{4,10}$/.test(hsCode)) throw new RecordError("INVALID_VALUE", `hsCode: ${JSON.stringify(get("hsCode"))} is not an HS code of 4 to 10 digits`);
  if (!isHsChapter(hsCode))
    throw new RecordError("INVALID_VALUE", `hsCode: ${JSON.stringify(get("hsCode"))} has no HS chapter ${hsCode.slice(0, 2)} (chapters are 01 to 97)`);
  const countries: CountryFact[] = [];
  const entities: EntityFact[] = [];
  const rels: RelationshipFact[] = [];
  const country = (field: CustomsField): CountryFact | null => {
    const v = get(field);
    if (!v) return null;
    const c = countryFact(v, field);
    countries.push(c);
    return c;
  };
  const party = (nameField: CustomsField, countryField: CustomsField, role: string): EntityFact | null => {
    const name = get(nameField);
    if (!name) return null;
    const c = country(countryField);
    const entity: EntityFact = {
      id: scopedId(ctx, `party-${c ? c.code.toLowerCase() : "xx"}-${slug(name)}`),
      name,
      kind: "Company",
      aliases: [],
      topics: [],
      ftmSchema: null,
      props: { country: c?.code ?? null, description: `${role} in customs declarations` },
      matchName: { name, country: c?.code ?? null },
    };
    entities.push(entity);
    if (c) rels.push(reportedRelationship(ctx, record, { id: `${entity.id}>BASED_IN>${c.id}`, type: "BASED_IN", start: entity.id, end: c.id, statedOn: date }));
    return entity;
  };
  const exporter = party("exporterName", "exporterCountry", "exporter");
  const importer = party("importerName", "importerCountry", "importer");
  if (!exporter || !importer) throw new RecordError("INVALID_VALUE", "exporterName and importerName are required");
  if (exporter.id === importer.id)
    throw new RecordError(
      "INVALID_VALUE",
      `exporter and importer are one party (${JSON.stringify(exporter.name)}, ${typeof exporter.props.country === "string" ? exporter.props.country : "no country"}): a declaration moves goods between two`,
    );
  const manufacturer = party("manufacturerName", "manufacturerCountry", "manufacturer");
  const via = get("transitCountries")
    .split(/[;|,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((code) => countryFact(code, "transitCountries").code);
  const origin = get("originCountry") ? countryFact(get("originCountry"), "originCountry").code : null;
  const destination = get("destinationCountry") ? countryFact(get("destinationCountry"), "destinationCountry").code : null;
  const goods = [`HS ${hsCode}`, get("goodsDescription")].filter(Boolean);
  const note = [
    `customs record ${recordId}`,
    get("source") && `source ${get("source")}`,
    origin && `origin ${origin}`,
    via.length > 0 && `via ${via.join(", ")}`,
    destination && `to ${destination}`,
  ]
    .filter(Boolean)
    .join("; ");
  const quantity = nonNegative(get("quantity"), "quantity");
  nonNegative(get("value"), "value");
  const { amount, currency } = moneyOf({ amount: get("value"), currency: get("currency") }, { amount: "value" });
  if (ctx.aggregate) {
    const heading = hsCode.slice(0, 4);
    const declaration = digest(get("source"), recordId);
    if (ctx.declarations?.has(declaration)) return { entities, countries, relationships: rels, publications: [], requiredIds: [] };
    ctx.declarations?.add(declaration);
    const statement: ShipmentStatement = { recordId, amount, currency, quantity, via };
    const aggregate = (idPrefix: string, start: string, end: string, leg: string) =>
      reportedRelationship(ctx, record, {
        id: endpointId(idPrefix, start, end),
        idPrefix,
        type: "SUPPLIED",
        start,
        end,
        statedOn: date,
        shipment: statement,
        props: { aggregate: true, hsHeading: heading, goods: [`HS ${heading}`], leg },
      });
    rels.push(aggregate(scopedId(ctx, `customs-agg-${heading}`), exporter.id, importer.id, "exporter-importer"));
    if (manufacturer && manufacturer.id !== exporter.id)
      rels.push(aggregate(scopedId(ctx, `customs-agg-mfr-${heading}`), manufacturer.id, exporter.id, MANUFACTURER_LEG));
    return { entities, countries, relationships: rels, publications: [], requiredIds: [] };
  }
  const shipment = {
    goods,
    hsCode,
    hsChapter: hsCode.slice(0, 2),
    quantity,
    amount,
    currency,
    origin,
    destination,
    via,
    note,
    recordId,
    // Which hop of the declaration this is (aggregates carry it too).
    leg: "exporter-importer",
  };
  const id = scopedId(ctx, `customs-${digest(get("source"), recordId)}`);
  rels.push(
    reportedRelationship(ctx, record, {
      id,
      type: "SUPPLIED",
      start: exporter.id,
      end: importer.id,
      validFrom: date,
      validTo: date,
      statedOn: date,
      props: shipment,
    }),
  );
  if (manufacturer && manufacturer.id !== exporter.id) {
    rels.push(
      reportedRelationship(ctx, record, {
        id: `${id}-mfr`,
        type: "SUPPLIED",
        start: manufacturer.id,
        end: exporter.id,
        validFrom: date,
        validTo: date,
        statedOn: date,
        props: { ...shipment, leg: MANUFACTURER_LEG, note: `manufacturer of the goods in ${note}` },
      }),
    );
  }
  return { entities, countries, relationships: rels, publications: [], requiredIds: [] };
}
