import { STATUS_CONFIDENCE } from "../model/vocabulary.js";
import { countryFact, interval, referenceId, reportedRelationship, scopedId, type MapContext } from "./facts.js";
import type { FtmRecord } from "./ftm-record.js";
import { RecordError, type InputRecord, type PropertyValue, type RecordFacts } from "./types.js";
import { RELATIONSHIP_STATE_FIELDS } from "../model/relationship-fields.js";

/**
 * The two properties naming a link's ends in a line our export wrote for a relationship
 * (src/export/ftm-mapping.ts TYPE_LINK): the schema's FtM edge spec, or for EconomicActivity,
 * which has none, sender → receiver.
 */
function linkEnds(rec: FtmRecord): { from: string; to: string } {
  if (rec.schema.edge) return { from: rec.schema.edge.source, to: rec.schema.edge.target };
  if (rec.schema.isA("EconomicActivity")) return { from: "sender", to: "receiver" };
  throw new RecordError("INVALID_VALUE", `actorgraph: a relationship cannot be read from a ${rec.schema.name}, which has no link ends`);
}

/** Keys the import sets itself on a node or relationship, never restored from a line. */
const OWN_KEYS: ReadonlySet<string> = new Set([
  "id",
  "name",
  "kind",
  "aliases",
  "topics",
  "placeholder",
  "importNamespace",
  "latinNames",
  "nameKey",
  "aliasKeys",
  "identifiers",
  "identifierKeys",
  "type",
  "start",
  "end",
  ...RELATIONSHIP_STATE_FIELDS,
]);

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The stored properties a line carries in `actorgraph.props`: scalars and lists of strings, the import's own keys left out. */
function restoredProps(raw: unknown): Record<string, PropertyValue> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (OWN_KEYS.has(k)) continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
    else if (Array.isArray(v) && v.every((x): x is string => typeof x === "string")) out[k] = v;
  }
  return out;
}

/**
 * Restores a node or relationship from a line our FtM export wrote for it (src/export/ftm.ts,
 * `actorgraph.native`), so that re-importing an export gives the graph back: a node with its kind
 * (Product, Place, Regulation: kinds FtM lacks), name, aliases, description, country, date and
 * other stored properties; a Country as a Country node, which keeps its id in any namespace (as
 * every country does: facts.ts countryFact), and which the file's later references then name; a
 * stub as a stub; a relationship with its type, status, confidence, dates and stored properties,
 * from the link's first end to its second. Its evidence is the line, as for any imported record.
 * @throws RecordError INVALID_VALUE for a relationship line without exactly one entity at each end.
 */
export function nativeFacts(ctx: MapContext, record: InputRecord<unknown>, rec: FtmRecord): RecordFacts {
  const native = rec.native!;
  const v = native.values;
  const none: RecordFacts = { entities: [], countries: [], relationships: [], publications: [], requiredIds: [] };
  if (native.type) {
    const ends = linkEnds(rec);
    const from = rec.props[ends.from] ?? [];
    const to = rec.props[ends.to] ?? [];
    if (from.length !== 1 || to.length !== 1)
      throw new RecordError("INVALID_VALUE", `actorgraph: a ${native.type} line needs one ${ends.from} and one ${ends.to}`);
    const status = native.status ?? "REPORTED";
    const { validFrom, validTo } = interval(str(v.validFrom), str(v.validTo), "validFrom", "validTo");
    const rel = reportedRelationship(
      ctx,
      record,
      {
        id: scopedId(ctx, rec.id),
        type: native.type,
        start: referenceId(ctx, from[0]!),
        end: referenceId(ctx, to[0]!),
        validFrom,
        validTo,
        props: restoredProps(v.props),
      },
      status,
    );
    return { ...none, relationships: [{ ...rel, confidence: native.confidence ?? STATUS_CONFIDENCE[status] }] };
  }
  const kind = native.kind!;
  if (v.stub === true) return { ...none, stubs: [{ id: referenceId(ctx, rec.id), kind, ftmSchema: str(v.ftmSchema) }] };
  const name = str(v.name) ?? rec.id;
  const aliases = strs(v.aliases).filter((a) => a !== name);
  if (kind === "Country") {
    const code = str(v.country);
    if (!code) throw new RecordError("INVALID_VALUE", "actorgraph: a Country line needs its country code");
    ctx.nativeCountries?.add(rec.id);
    return { ...none, countries: [{ ...countryFact(code, "country"), id: rec.id, name, aliases, description: str(v.description) }] };
  }
  const props: Record<string, PropertyValue> = { ...restoredProps(v.props), unidentified: v.unidentified === true };
  for (const key of ["description", "country", "date"] as const) if (str(v[key])) props[key] = str(v[key]);
  return { ...none, entities: [{ id: scopedId(ctx, rec.id), name, kind, aliases, topics: strs(v.topics), ftmSchema: null, props }] };
}
