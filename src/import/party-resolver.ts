import type { ManagedTransaction } from "neo4j-driver";
import { runIn } from "../db/run.js";
import { plainText } from "../db/values.js";
import { MANUFACTURER_LEG } from "./customs-mapper.js";
import { nameKey } from "../model/name-keys.js";
import { aliasLinks, nameLink, sendAliasLookups, type PartyLink, type PartyName } from "../resolution/party-links.js";
import { endpointId } from "./facts.js";
import type { PendingRecord } from "./batch-writer.js";
import type { RecordFacts, Reject } from "./types.js";

/**
 * Links parties known only by name (customs rows) to entities already in the graph: when
 * exactly one entity other than the party's own node has the party's name, exactly or by its
 * Latin key (nameKey, src/model/name-keys.ts: `Wuerth GmbH` for `Würth GmbH`, `OOO Vektor` for
 * `ООО «Вектор»`; import-resolve-parties.cypher), (and the same
 * country, when both name one; within the import's namespace, when it has one), or, when none
 * does, exactly one entity has it as an alias by the same key in the party's own country
 * (`大疆创新` (CN) for DJI; src/resolution/party-links.ts, entity resolution's rule for name-only
 * records), the party's facts are rewritten to that entity's id and the party's own node is
 * not written; each link says how it was made (`by`, `reason`: the import summary's
 * `partyLinks`, and `resolvedReasons` on the dataset's PROVIDED link). No match or several keep
 * the party's own `party-<iso2>-<slug>` node. No fuzzy matching: a wrong merge would invent a
 * route, a missed one only hides it.
 * A relationship keyed by its endpoints (customs aggregates) gets the id of its new endpoints.
 * A manufacturer → exporter hop whose two parties resolve to one entity is dropped, since a
 * declaration whose manufacturer is its exporter has no such hop (customs-mapper.ts).
 * Resolution sees what is in the graph when the batch runs, so import FtM or other reference
 * data before the customs files that should link to it.
 *
 * What the dataset `sourceId` did before comes first, so a party resolves as it did in the
 * dataset's earlier batches and in an earlier import of the same file, whatever was imported
 * since (a namesake that makes the name ambiguous, or one that makes it unique): the match the
 * dataset resolved it to (recorded by import-link-resolutions.cypher from the returned `links`),
 * else its own node when the dataset PROVIDED that. Without it a re-import could write
 * a shipment a second time under new endpoints (`--aggregate` ids are made of the endpoints),
 * and a file could split one party's rows between two nodes.
 * A record whose other relationships resolution turns into a loop (exporter and importer, two
 * parties of one name with and without a country, resolving to one entity) is rejected as
 * INVALID_VALUE, as customs-mapper.ts rejects an exporter that is the importer.
 * @returns the records (the same objects when nothing resolved; without the rejected ones), the
 * party → entity links made, and the rejects.
 */
export async function resolveParties(
  tx: ManagedTransaction,
  records: readonly PendingRecord[],
  namespace: string | null,
  sourceId: string,
): Promise<{ records: PendingRecord[]; links: ResolvedParty[]; rejects: Reject[] }> {
  const parties = new Map<string, PartyName>();
  for (const r of records) for (const e of r.facts.entities) if (e.matchName) parties.set(e.id, { id: e.id, ...e.matchName, key: nameKey(e.matchName.name) });
  if (parties.size === 0) return { records: [...records], links: [], rejects: [] };
  const prefix = namespace ? `${namespace}:` : null;
  const sent = runIn(tx, "import-resolve-parties", { parties: [...parties.values()], prefix, sourceId });
  // Sent now too, before the batch's writes, though only parties no name matches need its answer.
  const lookups = sendAliasLookups(tx, [...parties.values()], prefix, sourceId);
  const rows = await sent;
  const links: PartyLink[] = [];
  const named = new Set<string>();
  for (const row of rows) {
    const party = parties.get(plainText(row.partyId))!;
    const matches = row.matches as string[];
    const names = row.matchNames as string[];
    const before = row.resolvedBefore as string[];
    named.add(party.id);
    // The recorded link first: the dataset can also have PROVIDED the party's own node without
    // keeping the party on it (a stored declaration moved there, see relationship-ids.ts).
    const entity = before.length === 1 ? before[0]! : row.ownProvided !== true && matches.length === 1 ? matches[0]! : null;
    if (entity !== null) links.push(nameLink(party, entity, names[matches.indexOf(entity)] ?? party.name));
  }
  // A party no entity names may be an entity's alias, in the same country (大疆创新 for DJI).
  links.push(
    ...(await aliasLinks(
      lookups,
      [...parties.values()].filter((p) => !named.has(p.id)),
    )),
  );
  if (links.length === 0) return { records: [...records], links: [], rejects: [] };
  const resolved = new Map(links.map((l) => [l.party, l.entity] as const));
  const to = (id: string) => resolved.get(id) ?? id;
  const rejects: Reject[] = [];
  const out = records.flatMap((r): PendingRecord[] => {
    const loop = r.facts.relationships.find(
      (rel) => rel.type !== "BASED_IN" && rel.props.leg !== MANUFACTURER_LEG && rel.start !== rel.end && to(rel.start) === to(rel.end),
    );
    if (loop) {
      rejects.push({
        line: r.line,
        code: "INVALID_VALUE",
        reason: `line ${r.line}: ${JSON.stringify(loop.start)} and ${JSON.stringify(loop.end)} both resolve to the entity ${JSON.stringify(to(loop.start))}, so its ${loop.type} would run from that entity to itself`,
      });
      return [];
    }
    const facts: RecordFacts = {
      ...r.facts,
      entities: r.facts.entities.filter((e) => !resolved.has(e.id)),
      // The BASED_IN link of a resolved party is dropped: the entity it resolves to has its own.
      // So is a manufacturer's hop that resolution turned into a loop (manufacturer and exporter
      // now one entity), as customs-mapper.ts writes none when they are one party.
      relationships: r.facts.relationships
        .filter((rel) => !(resolved.has(rel.start) && rel.type === "BASED_IN"))
        .filter((rel) => !(rel.props.leg === MANUFACTURER_LEG && rel.start !== rel.end && to(rel.start) === to(rel.end)))
        .map((rel) => {
          const start = to(rel.start);
          const end = to(rel.end);
          return { ...rel, start, end, id: rel.idPrefix ? endpointId(rel.idPrefix, start, end) : rel.id };
        }),
    };
    return [{ line: r.line, facts }];
  });
  return { records: out, links, rejects };
}

/** A customs party id linked to an existing entity's id by {@link resolveParties}, with how (src/resolution/party-links.ts). */
export type ResolvedParty = PartyLink;
