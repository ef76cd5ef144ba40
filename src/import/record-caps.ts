import { RecordError, type InputRecord, type RecordFacts } from "./types.js";

/**
 * The most work one input record may ask of an import, in values. A record past a cap is
 * rejected alone with code RECORD_TOO_LARGE, and the import goes on (issue 21: one FtM line with
 * 40 000 names, 429 KB and under the 1 MiB line cap, overflowed Neo4j's stack in the query that
 * unions an entity's names, and stopped the whole import with exit 1). Chosen well above real
 * data: OpenSanctions' most-named entities carry a few hundred names and aliases.
 */
export const RECORD_CAPS = Object.freeze({
  /** Names of one entity: its name and its aliases together (FtM `name`, `alias`, `previousName`, `weakAlias`, …). */
  namesPerEntity: 1000,
  /** Values of one property of one record (an FtM property list, an entity's topics, a relationship's list property). */
  valuesPerProperty: 1000,
  /** Relationships one record makes (an FtM link makes one per source × target pair; references and countries one each). */
  relationshipsPerRecord: 1000,
});

/** Arrays of a JSON record (an FtM entity, a claims JSON line) checked before mapping: property lists are at most this deep. */
const RAW_DEPTH = 3;

/**
 * Checks a parsed JSON record before it is mapped, so that a mapper never expands a huge one
 * (an FtM link of 1 000 sources and 1 000 targets would make a million relationship facts):
 * every array in it holds at most `RECORD_CAPS.valuesPerProperty` values.
 * @throws RecordError RECORD_TOO_LARGE naming the property.
 */
export function checkRawRecordCaps(record: InputRecord<unknown>): void {
  const visit = (value: unknown, path: string, depth: number): void => {
    if (value === null || typeof value !== "object" || depth > RAW_DEPTH) return;
    if (Array.isArray(value)) {
      if (value.length > RECORD_CAPS.valuesPerProperty)
        tooLarge(`${path || "the record"} has ${value.length} values`, RECORD_CAPS.valuesPerProperty, "values per property");
      return;
    }
    for (const [key, inner] of Object.entries(value)) visit(inner, key, depth + 1);
  };
  // A CSV row is an array of cells, bounded by the line cap and not a property: not checked here.
  if (!Array.isArray(record.value)) visit(record.value, "", 0);
}

/**
 * Checks what a record maps to: each entity's names and aliases together, each list property of
 * an entity or relationship, each entity's topics, and the relationships of the record.
 * @throws RecordError RECORD_TOO_LARGE naming the cap and the count.
 */
export function checkRecordCaps(facts: RecordFacts): void {
  if (facts.relationships.length > RECORD_CAPS.relationshipsPerRecord) {
    tooLarge(`the record makes ${facts.relationships.length} relationships`, RECORD_CAPS.relationshipsPerRecord, "relationships per record");
  }
  for (const e of facts.entities) {
    const names = 1 + e.aliases.length;
    if (names > RECORD_CAPS.namesPerEntity)
      tooLarge(`entity ${JSON.stringify(e.id)} has ${names} names and aliases`, RECORD_CAPS.namesPerEntity, "names per entity");
    checkLists({ ...e.props, topics: e.topics });
  }
  for (const r of facts.relationships) checkLists(r.props);
}

function checkLists(props: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(props)) {
    if (Array.isArray(value) && value.length > RECORD_CAPS.valuesPerProperty)
      tooLarge(`${key} has ${value.length} values`, RECORD_CAPS.valuesPerProperty, "values per property");
  }
}

function tooLarge(what: string, cap: number, unit: string): never {
  throw new RecordError(
    "RECORD_TOO_LARGE",
    `${what}; an import takes at most ${cap} ${unit} (RECORD_CAPS, src/import/record-caps.ts); split the record or trim it`,
  );
}
