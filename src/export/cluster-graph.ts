import type { Database } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { clustersOf, type ClusterInfo } from "../resolution/cluster-reader.js";
import { mergeClusterView } from "../services/cluster-views.js";
import type { ExportEdge, ExportGraph, ExportNode } from "./types.js";

/**
 * An export that shows each cluster of records judged one actor as one node (entity resolution,
 * docs/resolution.md), as OpenSanctions publishes a merged entity: its canonical id, every name
 * and alias, the union of its records' FtM property values (`stored`), and the records it merged
 * as `referents` in FtM JSONL, so FtM readers resolve references to them. Each cluster is written
 * once, at the page of its representative record (the canonical one, or the smallest member id
 * still stored when that one is gone); relationships keep their stored records in
 * `startRecord`/`endRecord` and point at the clusters' ids, their FtM references to a merged
 * record rewritten to the cluster's id. Pages without a judged record pass as they are (one
 * query each).
 * @param readRecords reads stored records (ExportNode with `stored` and FtM references) by id.
 */
export function clusteredGraph(db: Database, graph: ExportGraph, readRecords: (ids: readonly string[]) => Promise<ExportNode[]>): ExportGraph {
  return {
    async *nodes() {
      for await (const page of graph.nodes()) {
        const clusters = await clustersOf(
          db,
          page.map((n) => n.id),
        );
        if (clusters.size === 0) {
          yield page;
          continue;
        }
        const byId = new Map(page.map((n) => [n.id, n] as const));
        const missing = [...new Set([...clusters.values()].flatMap((c) => c.members))].filter((id) => !byId.has(id));
        for (const n of missing.length > 0 ? await readRecords(missing) : []) byId.set(n.id, n);
        yield page.flatMap((n): ExportNode[] => {
          const c = clusters.get(n.id);
          if (!c) return [n];
          const records = c.members.flatMap((m) => byId.get(m) ?? []);
          const representative = records.find((r) => r.id === c.canonicalId) ?? records[0]!;
          return n.id === representative.id ? [mergeNode(c, records)] : [];
        });
      }
    },
    async *edges() {
      for await (const page of graph.edges()) {
        const clusters = await clustersOf(
          db,
          page.flatMap((e) => [e.startRecord, e.endRecord]),
        );
        if (clusters.size === 0) {
          yield page;
          continue;
        }
        const canonical = (id: string) => clusters.get(id)?.canonicalId ?? id;
        yield page.map((e) => ({
          ...e,
          from: { ...e.from, id: canonical(e.startRecord) },
          to: { ...e.to, id: canonical(e.endRecord) },
          stored: remapReferences(e.stored, canonical),
        }));
      }
    },
  };
}

/** The cluster's node: merged view (cluster-views.ts), the canonical record's stored properties with every `ftm_` list unioned across the records, and the merged records as referents. */
function mergeNode(c: ClusterInfo, records: readonly ExportNode[]): ExportNode {
  const view = mergeClusterView(c, records);
  const primary = records.find((r) => r.id === c.canonicalId) ?? records[0]!;
  const stored: Record<string, Plain> = { ...primary.stored, id: c.canonicalId };
  for (const r of records) {
    if (r === primary) continue;
    for (const [key, value] of Object.entries(r.stored)) {
      if (!key.startsWith("ftm_") || !Array.isArray(value)) continue;
      const held = stored[key];
      const mine: Plain[] = Array.isArray(held) ? held : [];
      stored[key] = [...mine, ...value.filter((v) => !mine.includes(v))];
    }
  }
  // Names of the other records, as FtM aliases where the canonical record is an FtM one.
  if (typeof stored.ftmId === "string") {
    const names = new Set(
      [...(Array.isArray(stored.ftm_name) ? stored.ftm_name : []), ...(Array.isArray(stored.ftm_alias) ? stored.ftm_alias : [])].map((v) => plainText(v)),
    );
    stored.ftm_alias = [...(Array.isArray(stored.ftm_alias) ? stored.ftm_alias : []), ...view.aliases.filter((a) => !names.has(a))];
  }
  const refs = new Map(records.flatMap((r) => r.ftmReferences ?? []).map((f) => [`${f.property}\u0000${f.value}`, f] as const));
  return { ...view, stored, ftmReferences: [...refs.values()], referents: [...new Set([...view.referents, ...view.mergedIds])] };
}

/** A relationship's stored FtM references (`ftm_<prop>` lists) with merged records named by their cluster's id. */
function remapReferences(stored: Readonly<Record<string, Plain>>, canonical: (id: string) => string): Record<string, Plain> {
  const out: Record<string, Plain> = { ...stored };
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith("ftm_") && Array.isArray(value)) out[key] = [...new Set(value.map((v) => (typeof v === "string" ? canonical(v) : v)))];
  }
  return out;
}

/** Every record id of the entities `ids` name (an entity's merged records too), for exports of listed entities. */
export async function recordIdsOf(db: Database, ids: readonly string[]): Promise<string[]> {
  const clusters = await clustersOf(db, ids);
  return [...new Set(ids.flatMap((id) => clusters.get(id)?.members ?? [id]))];
}

/** Ids of the stored record of each node id that exists, for nodes read by id. */
export function storedIds(nodes: readonly { id: string; mergedIds: readonly string[] }[]): string[] {
  return [...new Set(nodes.flatMap((n) => [n.id, ...n.mergedIds]))];
}

/** An ExportEdge's stored endpoints, for re-reading it by (id, start, end). */
export function edgeRef(e: Pick<ExportEdge, "id" | "startRecord" | "endRecord">): { id: string; start: string; end: string } {
  return { id: e.id, start: e.startRecord, end: e.endRecord };
}
