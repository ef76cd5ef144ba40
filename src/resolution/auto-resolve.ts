import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { plainText } from "../db/values.js";
import { identifierHolders, identifierLookupKeys, parseIdentifier, schemeLabel } from "./identifiers.js";
import { clustersOf } from "./cluster-reader.js";
import { kindsCompatible, mergeRecords, type MatchRecord } from "./matcher.js";
import { toMatchRecord } from "./records.js";

/**
 * Automatic resolution, narrowly (docs/resolution.md): two records are judged one actor without
 * a person only when they hold an equal **strong** identifier (identifiers.ts: INN, OGRN, LEI,
 * IMO or BIC, same scheme, same value, check digit valid), their kinds can be one actor, and
 * their countries do not conflict (one missing is no conflict). Names never merge by
 * themselves. Each pair becomes a POSITIVE judgement by `system` with the identifier as reason
 * (ResolutionService.recordSystemJudgements), never over a pair or clusters already judged.
 */

/** A pair to judge automatically, and why. */
export interface AutoPair {
  readonly left: string;
  readonly right: string;
  readonly reason: string;
}

/** Records whose strong identifiers are looked up per query (a keyword full-text query each). */
const CHUNK = 200;

/** Entities fetched per identifier: more holders than this of one INN is a data error, not one actor. */
const HOLDERS = 20;

/**
 * The pairs among `ids` and the rest of the graph that share a valid strong identifier and may
 * be one actor. Reads the records of `ids`, then the holders of each of their strong identifiers
 * through the identifier index (search-identifiers.cypher, by identifierKey), {@link CHUNK} records a query.
 */
export async function strongIdentifierPairs(db: Database, ids: readonly string[]): Promise<AutoPair[]> {
  const pairs = new Map<string, AutoPair>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const records = (await db.read("resolution-records-by-ids", { ids: ids.slice(i, i + CHUNK) })).filter((r) => r.unmatchable !== true).map(toMatchRecord);
    const keys = [...new Set(records.flatMap(strongKeys))];
    if (keys.length === 0) continue;
    const holderIds = await identifierHolders(db, keys, HOLDERS);
    const holders = (await db.read("resolution-records-by-ids", { ids: [...new Set(holderIds)] })).filter((r) => r.unmatchable !== true).map(toMatchRecord);
    for (const a of records) {
      for (const b of holders) {
        if (a.id === b.id) continue;
        const reason = sameStrongIdentifier(b, a);
        if (!reason) continue;
        const [left, right] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
        pairs.set(`${left}\u0000${right}`, { left: b.id, right: a.id, reason });
      }
    }
  }
  return clusterChecked(db, [...pairs.values()]);
}

/**
 * The pairs whose clusters, not only whose records, may be one actor: a record already judged
 * one with a record of another country is compared with all its cluster's countries
 * (matcher.ts `mergeRecords`), so two automatic judgements never make one entity of two countries.
 */
async function clusterChecked(db: Database, pairs: readonly AutoPair[]): Promise<AutoPair[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.left, p.right]))];
  const clusters = await clustersOf(db, ids);
  if (clusters.size === 0) return [...pairs];
  const members = [...new Set([...ids, ...[...clusters.values()].flatMap((c) => c.members)])];
  const records = new Map((await db.read("resolution-records-by-ids", { ids: members })).map((r) => [plainText(r.id), toMatchRecord(r)] as const));
  const merged = (id: string) => {
    const c = clusters.get(id);
    return c
      ? mergeRecords(
          c.canonicalId,
          c.members.flatMap((m) => records.get(m) ?? []),
        )
      : null;
  };
  return pairs.filter((p) => {
    const [a, b] = [merged(p.left), merged(p.right)];
    if (!a && !b) return true;
    const [ra, rb] = [a ?? records.get(p.left), b ?? records.get(p.right)];
    return !ra || !rb || sameStrongIdentifier(ra, rb) !== null;
  });
}

/** The index keys of a record's valid strong identifiers (a BIC also with its `XXX` branch). */
function strongKeys(r: MatchRecord): string[] {
  return r.identifiers.flatMap((s) => {
    const p = parseIdentifier(s);
    return p?.strong ? identifierLookupKeys(p) : [];
  });
}

/**
 * Why two records are one actor by identifier ("Same INN 7707083893 (countries RU and RU)"), or
 * null: no equal valid strong identifier, kinds that cannot be one actor, or two different countries.
 */
export function sameStrongIdentifier(a: MatchRecord, b: MatchRecord): string | null {
  if (!kindsCompatible(a.kind, b.kind)) return null;
  if (a.countries.length > 0 && b.countries.length > 0 && !a.countries.some((c) => b.countries.includes(c))) return null;
  const theirs = new Set(
    b.identifiers
      .map(parseIdentifier)
      .filter((p) => p?.strong)
      .map((p) => `${p!.scheme}:${p!.key}`),
  );
  for (const s of a.identifiers) {
    const p = parseIdentifier(s);
    if (!p?.strong || !theirs.has(`${p.scheme}:${p.key}`)) continue;
    const named = (r: MatchRecord) => (r.countries.length > 0 ? r.countries.join(", ") : "unknown");
    const countries = a.countries.length + b.countries.length > 0 ? ` (countries ${named(a)} and ${named(b)})` : "";
    return `Same ${schemeLabel(p.scheme)} ${p.key}${countries}: automatic resolution by equal strong identifier`;
  }
  return null;
}

/**
 * The OpenSanctions `referents` links among `ids` and the graph (referent-pairs.cypher), in either
 * import order: the canonical entity listing an older id that is a described entity, or an
 * entity whose id some canonical entity lists. OpenSanctions judged these one actor; kinds that
 * cannot be one (a data error) are left out. `left` is the canonical entity.
 */
export async function referentPairs(db: Database, ids: readonly string[]): Promise<AutoPair[]> {
  const pairs = new Map<string, AutoPair>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const row of await db.read("referent-pairs", { ids: ids.slice(i, i + CHUNK) })) {
      const [canonical, older] = [plainText(row.canonical), plainText(row.older)];
      if (!canBeOne(plainText(row.canonicalKind), plainText(row.olderKind))) continue;
      pairs.set(`${canonical}\u0000${older}`, { left: canonical, right: older, reason: `OpenSanctions referents: ${older} is an older id of ${canonical}` });
    }
  }
  return [...pairs.values()];
}

/** True when records of these kinds may be judged one: two actors that can be one (matcher.ts), or two records of one kind other than Country. */
export function canBeOne(a: string, b: string): boolean {
  return kindsCompatible(a, b) || (a === b && a !== "Country");
}

/** Ids of the entities automatic resolution may join, page by page: a dataset's (`sourceId`; dataset-resolvable-entities.cypher), or the whole graph's (null; resolvable-entities-page.cypher). */
export async function* resolvableEntities(db: Database, sourceId: string | null): AsyncGenerator<string[]> {
  for (let after = ""; ;) {
    const rows =
      sourceId === null
        ? await db.read("resolvable-entities-page", { after, limit: neo4j.int(5000) })
        : await db.read("dataset-resolvable-entities", { sourceId, after, limit: neo4j.int(5000) });
    if (rows.length === 0) return;
    const ids = rows.map((r) => plainText(r.id));
    yield ids;
    if (rows.length < 5000) return;
    after = ids[ids.length - 1]!;
  }
}
