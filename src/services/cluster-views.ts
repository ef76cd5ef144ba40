import type { Database } from "../db/run.js";
import { plainText } from "../db/values.js";
import { clustersOf, type ClusterInfo } from "../resolution/cluster-reader.js";
import { toEntityView, type EntityView, type RelationshipView } from "./views.js";

/**
 * The read side of entity resolution: records judged to be one actor are shown as one entity
 * (nomenklatura's resolver feeds the same canonical view to every reader, `Resolver.get_canonical`
 * and `apply_statement`). The records stay as imported; these functions only read the clusters
 * (identities-by-ids.cypher) and fold the members' views into one.
 */

/** Kinds that say less than another member's kind may (FtM's abstract LegalEntity under Company, Person…). */
const VAGUE_KINDS = new Set(["LegalEntity", "Organization"]);

/**
 * One entity from the records of a cluster: the canonical record's id, name, kind, description,
 * country and dates (a member's when the canonical record lacks them or no longer exists), every
 * other name of every member as an alias, the union of identifiers, topics, FtM properties,
 * referents and datasets, the earliest first_seen and latest last_seen, and `mergedIds`, the other
 * members (OpenSanctions merges an entity's records so, statement by statement). The kind is the canonical record's unless it is vaguer than a member's
 * (LegalEntity, Organization), as FtM's merge keeps the more specific schema.
 */
export function mergeClusterView(cluster: ClusterInfo, views: readonly EntityView[]): EntityView {
  const primary = views.find((v) => v.id === cluster.canonicalId) ?? views[0]!;
  const rest = views.filter((v) => v !== primary);
  const names = new Set<string>();
  for (const v of [primary, ...rest]) for (const n of [v.name, ...v.aliases]) if (n !== primary.name) names.add(n);
  const first = <T>(pick: (v: EntityView) => T | null): T | null => [primary, ...rest].map(pick).find((x) => x !== null) ?? null;
  const specific = VAGUE_KINDS.has(primary.kind) ? (rest.find((v) => !VAGUE_KINDS.has(v.kind))?.kind ?? primary.kind) : primary.kind;
  return {
    ...primary,
    id: cluster.canonicalId,
    kind: specific,
    aliases: [...names],
    description: first((v) => v.description),
    country: first((v) => v.country),
    date: first((v) => v.date),
    topics: [...new Set(views.flatMap((v) => v.topics))],
    identifiers: [...new Map(views.flatMap((v) => v.identifiers).map((i) => [`${i.scheme}\u0000${i.value}`, i] as const)).values()],
    mergedIds: cluster.members.filter((m) => m !== cluster.canonicalId),
    properties: mergeProperties(views),
    stub: views.every((v) => v.stub),
    referents: [...new Set(views.flatMap((v) => v.referents))],
    datasets: [...new Set(views.flatMap((v) => v.datasets))],
    firstSeen:
      views
        .map((v) => v.firstSeen)
        .filter((d): d is string => d !== null)
        .sort()[0] ?? null,
    lastSeen:
      views
        .map((v) => v.lastSeen)
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null,
    target: views.some((v) => v.target === true) ? true : views.every((v) => v.target === null) ? null : false,
  };
}

/** Each FtM property once, with the values of every member, in member order. */
function mergeProperties(views: readonly EntityView[]): EntityView["properties"] {
  const byName = new Map<string, Set<string>>();
  for (const v of views) for (const p of v.properties) byName.set(p.name, new Set([...(byName.get(p.name) ?? []), ...p.values]));
  return [...byName].map(([name, values]) => ({ name, values: [...values] }));
}

/**
 * A lookup from each record of `views` to the entity it is shown as: its cluster's entity
 * (members not among `views` are read), or itself when never judged into a cluster. Two queries
 * at most, one when no record of `views` was ever judged.
 */
async function clusterLookup(db: Database, views: readonly EntityView[]): Promise<(record: EntityView) => EntityView> {
  const clusters = await clustersOf(
    db,
    views.map((v) => v.id),
  );
  if (clusters.size === 0) return (v) => v;
  const byId = new Map(views.map((v) => [v.id, v] as const));
  const missing = [...new Set([...clusters.values()].flatMap((c) => c.members))].filter((id) => !byId.has(id));
  if (missing.length > 0)
    for (const row of await db.read("entities-by-ids", { ids: missing }))
      byId.set(plainText((row.entity as Record<string, string>).id), toEntityView(row.entity));
  const merged = new Map<string, EntityView>();
  return (v) => {
    const c = clusters.get(v.id);
    if (!c) return v;
    let m = merged.get(c.canonicalId);
    if (!m)
      merged.set(
        c.canonicalId,
        (m = mergeClusterView(
          c,
          c.members.flatMap((id) => byId.get(id) ?? []),
        )),
      );
    return m;
  };
}

/** The entities `views` show, each record replaced by its cluster's entity, in the order given, each entity once. */
export async function clusterViews(db: Database, views: readonly EntityView[]): Promise<EntityView[]> {
  const lookup = await clusterLookup(db, views);
  const seen = new Set<string>();
  return views.map(lookup).filter((v) => !seen.has(v.id) && seen.add(v.id));
}

/** Relationships with each endpoint shown as its cluster's entity (an endpoint never judged stays as it is). */
export async function clusterRelationships(db: Database, rels: readonly RelationshipView[]): Promise<RelationshipView[]> {
  const lookup = await clusterLookup(
    db,
    rels.flatMap((r) => [r.from, r.to]),
  );
  return rels.map((r) => ({ ...r, from: lookup(r.from), to: lookup(r.to) }));
}
