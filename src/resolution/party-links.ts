import type { ManagedTransaction } from "neo4j-driver";
import neo4j from "neo4j-driver";
import { runIn, type Row } from "../db/run.js";
import { plainText } from "../db/values.js";
import { nameKey } from "../model/name-keys.js";

/**
 * How a customs party was linked to an entity already in the graph (src/import/party-resolver.ts),
 * for the import summary and the dataset's PROVIDED link: `name`, the entity's exact name;
 * `nameKey`, the entity's name once transliterated and folded (`OOO Vektor` for `ООО «Вектор»`);
 * `alias`, one of the entity's aliases, by the same key, within the same country (`大疆创新` for DJI).
 * Entity resolution's rule for name-only records (docs/resolution.md): a customs party has no
 * identifier, so an exact name or alias in the same country links it, and nothing fuzzier does.
 */
export type PartyLinkMethod = "name" | "nameKey" | "alias";

/** A customs party as the resolver reads it. */
export interface PartyName {
  readonly id: string;
  readonly name: string;
  /** nameKey of the name, or null. */
  readonly key: string | null;
  /** ISO 3166-1 alpha-2, or null. */
  readonly country: string | null;
}

/** One party linked to an entity, and why. */
export interface PartyLink {
  readonly party: string;
  readonly entity: string;
  readonly by: PartyLinkMethod;
  /** In words: `customs name "大疆创新" (CN) is an alias of DJI (dji, CN)`. */
  readonly reason: string;
}

/** Parties looked up per query of the alias index (their keys OR'ed stay under Lucene's 1 024 clauses). */
const CHUNK = 500;

/** Entities read per key at most: more holders of one alias than this is no link anyway. */
const PER_KEY = 5;

/** The link of a party matched by name or name key (import-resolve-parties.cypher), with its reason. */
export function nameLink(p: PartyName, entity: string, entityName: string): PartyLink {
  const by: PartyLinkMethod = entityName === p.name ? "name" : "nameKey";
  const how = by === "name" ? "is the name of" : `matches, transliterated as "${p.key}", the name "${entityName}" of`;
  return { party: p.id, entity, by, reason: `customs name ${JSON.stringify(p.name)}${p.country ? ` (${p.country})` : ""} ${how} ${entity}` };
}

/** The alias lookups of a batch's parties, sent (not awaited) by {@link sendAliasLookups}. */
export type AliasLookups = Promise<Row[]>;

/**
 * Sends the alias lookups of `parties` (import-resolve-parties-by-alias.cypher, 500 parties a
 * query) at once, before the batch's writes are queued on the transaction, so they read the
 * graph as it was before the batch (a speculative batch writes the parties' own nodes next).
 * Parties without a key or a country are not looked up: an alias links only within one country.
 * @param prefix the import's namespace prefix (`ns:`): only entities inside it are candidates.
 */
export function sendAliasLookups(tx: ManagedTransaction, parties: readonly PartyName[], prefix: string | null, sourceId: string): AliasLookups {
  const wanted = parties.filter((p) => p.key !== null && p.country !== null).map((p) => ({ id: p.id, key: p.key!, country: p.country! }));
  const sent: Promise<Row[]>[] = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const keys = [...new Set(chunk.map((p) => p.key))];
    sent.push(
      runIn(tx, "import-resolve-parties-by-alias", {
        parties: chunk,
        lucene: keys.map((k) => `"${k}"`).join(" OR "),
        limit: neo4j.int(keys.length * PER_KEY),
        prefix,
        sourceId,
      }),
    );
  }
  const all = Promise.all(sent).then((rows) => rows.flat());
  all.catch(() => undefined);
  return all;
}

/**
 * The alias links of the parties no name matched (`unmatched`): the entity one of whose aliases
 * has the party's key, in the party's country, when exactly one entity does, or the one the
 * dataset linked the party to before (and none when it kept the party's own node before), as
 * import-resolve-parties.cypher decides for names.
 */
export async function aliasLinks(lookups: AliasLookups, unmatched: readonly PartyName[]): Promise<PartyLink[]> {
  const byId = new Map(unmatched.map((p) => [p.id, p] as const));
  const links: PartyLink[] = [];
  for (const row of await lookups) {
    const party = byId.get(plainText(row.partyId));
    if (!party) continue;
    const matches = row.matches as { id: string; name: string; country: string | null; aliases: string[] | null }[];
    const before = row.resolvedBefore as string[];
    const chosen = before.length === 1 ? matches.find((m) => m.id === before[0]) : row.ownProvided !== true && matches.length === 1 ? matches[0] : undefined;
    if (!chosen) continue;
    const alias = (chosen.aliases ?? []).find((a) => nameKey(a) === party.key) ?? party.name;
    links.push({
      party: party.id,
      entity: chosen.id,
      by: "alias",
      reason: `customs name ${JSON.stringify(party.name)} (${party.country}) is the alias ${JSON.stringify(alias)} of ${chosen.name} (${chosen.id}, ${chosen.country})`,
    });
  }
  return links;
}
