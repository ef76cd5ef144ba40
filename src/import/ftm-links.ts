import { LINK_ID_SEPARATOR, referenceId, reportedRelationship, scopedId, type MapContext } from "./facts.js";
import type { FtmSchema } from "./ftm-model.js";
import { temporalExtent, type FtmRecord, type Props } from "./ftm-record.js";
import { EDGE_RELATIONSHIP_TYPES, stubType } from "./ftm-rules.js";
import { moneyOf, moneyProps } from "./money.js";
import { RecordError, type InputRecord, type PropertyValue, type RecordFacts, type RelationshipFact } from "./types.js";

/** `ftm_<prop>` lists of `props` and of `unknown`, references as graph ids. */
function ftmProps(ctx: MapContext, schema: FtmSchema, props: Props, unknown: Props): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [prop, values] of Object.entries(props))
    out[`ftm_${prop}`] = schema.getProperty(prop)!.type === "entity" ? values.map((v) => referenceId(ctx, v)) : values;
  for (const [prop, values] of Object.entries(unknown)) out[`ftm_${prop}`] = values;
  return out;
}

/**
 * An FtM link (a schema with an `edge` spec: Ownership, Payment, …) as one relationship per
 * (source, target) pair, of the type ftm-rules.ts EDGE_RELATIONSHIP_TYPES gives (RELATED_TO with
 * the schema in `note` for the others), with its dates, its money by the rule of money.ts (for
 * schemata with FtM's Value properties), `ftmId`, `ftmSchema` and every property as `ftm_<prop>`;
 * a stub for every entity it names. Rules and errors: ftm-mapper.ts mapFtmEntity.
 * @throws RecordError INVALID_VALUE for a link without both ends, or one from an entity to itself.
 */
export function edgeFacts(ctx: MapContext, record: InputRecord<unknown>, rec: FtmRecord): RecordFacts {
  const { schema, props } = rec;
  const eid = scopedId(ctx, rec.id);
  const edge = schema.edge!;
  // Sorted, so that each (source, target) pair gets the same id (`eid`, `eid#1`, …) however the
  // values are ordered: FtM property values are sets.
  const sources = [...(props[edge.source] ?? [])].sort();
  const targets = [...(props[edge.target] ?? [])].sort();
  if (sources.length === 0 || targets.length === 0) {
    throw new RecordError("INVALID_VALUE", `${schema.name} needs both ${edge.source} and ${edge.target}`);
  }
  const type = EDGE_RELATIONSHIP_TYPES[schema.name] ?? "RELATED_TO";
  // A record is taken whole: one pair from an entity to itself rejects the link, named by its pair.
  const loop = sources.find((s) => targets.includes(s));
  if (loop !== undefined) {
    const others = sources.length * targets.length - 1;
    throw new RecordError(
      "INVALID_VALUE",
      `${schema.name} ${edge.source} ${JSON.stringify(loop)} is also its ${edge.target}: a ${type} relationship from ${JSON.stringify(scopedId(ctx, loop))} to itself` +
        (others > 0 ? ` (the link is rejected whole, with its ${others} other ${edge.source}–${edge.target} pair${others === 1 ? "" : "s"})` : ""),
    );
  }
  const { validFrom, validTo } = temporalExtent(schema, props);
  const note = [
    schema.name === "UnknownLink" || !EDGE_RELATIONSHIP_TYPES[schema.name] ? schema.name : null,
    ...schema.caption.filter((p) => !["amount", "date"].includes(p)).map((p) => props[p]?.[0]),
  ]
    .filter(Boolean)
    .join("; ");
  const money = schema.isA("Value")
    ? moneyOf({ amount: props.amount?.[0], currency: props.currency?.[0], amountEur: props.amountEur?.[0], amountUsd: props.amountUsd?.[0] })
    : null;
  const relProps: Record<string, PropertyValue> = {
    note: note || null,
    ...(money ? moneyProps(money) : { amount: null, currency: null }),
    ftmSchema: schema.name,
    ftmId: eid,
    ...ftmProps(ctx, schema, props, rec.unknown),
  };
  const rels: RelationshipFact[] = [];
  for (const s of sources) {
    for (const t of targets) {
      rels.push(
        reportedRelationship(ctx, record, {
          id: rels.length === 0 ? eid : `${eid}${LINK_ID_SEPARATOR}${rels.length}`,
          type,
          start: referenceId(ctx, s),
          end: referenceId(ctx, t),
          validFrom,
          validTo,
          props: relProps,
        }),
      );
    }
  }
  // Every entity a link names exists after it, as a stub if need be, so an export never drops a reference.
  const stubs = Object.entries(props).flatMap(([prop, values]) => {
    const property = schema.getProperty(prop)!;
    return property.type === "entity" ? values.map((v) => ({ id: referenceId(ctx, v), ...stubType(property.range) })) : [];
  });
  return { entities: [], countries: [], relationships: rels, publications: [], requiredIds: [], stubs };
}
