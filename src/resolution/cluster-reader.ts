import type { Database } from "../db/run.js";
import { plainText } from "../db/values.js";

/** A record's cluster: its canonical id and every member id (the canonical one included), in id order. */
export interface ClusterInfo {
  readonly canonicalId: string;
  readonly members: readonly string[];
}

/** The cluster of each of `ids` that was ever judged; ids absent from the map are their own entity. One query. */
export async function clustersOf(db: Database, ids: readonly string[]): Promise<Map<string, ClusterInfo>> {
  const out = new Map<string, ClusterInfo>();
  if (ids.length === 0) return out;
  for (const row of await db.read("identities-by-ids", { ids: [...new Set(ids)] })) {
    const members = (row.members as string[]).map((m) => plainText(m));
    if (members.length > 1) out.set(plainText(row.id), { canonicalId: plainText(row.canonicalId), members });
  }
  return out;
}
