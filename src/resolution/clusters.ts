/**
 * Clusters of records judged to be one actor, computed from judgements alone, as nomenklatura's
 * resolver does (`nomenklatura/resolver/resolver.py`: `connected()` is the set of ids linked by
 * POSITIVE edges; `get_canonical()` picks the cluster's id). Pure functions: the store
 * (judgement-store.ts) loads the judgements of the clusters a change touches and writes back the
 * canonical ids these functions choose.
 */

/** What a person (or `system`) decided about two records. */
export const JUDGEMENT_VALUES = ["POSITIVE", "NEGATIVE", "UNSURE"] as const;
export type JudgementValue = (typeof JUDGEMENT_VALUES)[number];

/** The part of a judgement clusters are made of. */
export interface JudgementEdge {
  readonly left: string;
  readonly right: string;
  readonly judgement: JudgementValue;
}

/** Most records in one cluster: a POSITIVE judgement that would make a larger one is refused, so every read of a cluster stays bounded. */
export const MAX_CLUSTER_SIZE = 500;

/**
 * The clusters among `ids`: connected components of the POSITIVE judgements between them
 * (judgements naming an id outside `ids` are ignored). Every id is in exactly one cluster,
 * alone when no POSITIVE judgement links it. Members keep the order of `ids`.
 */
export function clustersOf(ids: readonly string[], judgements: readonly JudgementEdge[]): string[][] {
  const parent = new Map(ids.map((id) => [id, id] as const));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let cur = id; cur !== root;) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const j of judgements) {
    if (j.judgement !== "POSITIVE" || !parent.has(j.left) || !parent.has(j.right)) continue;
    const [a, b] = [find(j.left), find(j.right)];
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

/** Wikidata QIDs and nomenklatura's `NK-` ids, optionally after an import namespace (`ns:Q42`): ids OpenSanctions treats as canonical. */
const OPENSANCTIONS_CANONICAL = /^(?:[^:]+:)?(?:Q[1-9][0-9]*|NK-[A-Za-z0-9]+)$/;

/**
 * The canonical id of a cluster, so that ids in use keep resolving to the same entity as
 * judgements are added and taken back:
 * 1. an id OpenSanctions treats as canonical (a Wikidata QID or an `NK-` id), the greatest in
 *    nomenklatura's order (`Identifier` weights: QID 3, NK 2) when there are several;
 * 2. else the member that was canonical for most of the cluster's members before the change
 *    (when two clusters join, the larger one's id stays; when one splits, the part that holds the
 *    old canonical keeps it), ties going to `preferred` (the `left` of the judgement being made),
 *    then to the smallest id;
 * 3. else `preferred` when it is a member, else the smallest id.
 * @param previous each member's canonical id before the change (absent: the member itself).
 */
export function chooseCanonical(members: readonly string[], previous: ReadonlyMap<string, string>, preferred: string | null = null): string {
  const weight = (id: string) => (/(?:^|:)Q[1-9]/.test(id) ? 3 : 2);
  const os = members.filter((m) => OPENSANCTIONS_CANONICAL.test(m));
  if (os.length > 0) return os.reduce((best, id) => (weight(id) > weight(best) || (weight(id) === weight(best) && id > best) ? id : best));
  const inCluster = new Set(members);
  const votes = new Map<string, number>();
  for (const m of members) {
    const c = previous.get(m) ?? m;
    if (inCluster.has(c)) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  const ranked = [...votes].sort(([a, x], [b, y]) => y - x || Number(b === preferred) - Number(a === preferred) || (a < b ? -1 : a > b ? 1 : 0));
  if (ranked.length > 0) return ranked[0]![0];
  if (preferred !== null && inCluster.has(preferred)) return preferred;
  return [...members].sort()[0]!;
}

/**
 * The POSITIVE judgements that link `from` to `to`, in order along the shortest chain
 * (breadth-first over the cluster's judgements), or null when none does. A route that crosses
 * a cluster from one record to another shows this chain ("X = Y, judged by … on …").
 */
export function judgementChain<J extends JudgementEdge>(judgements: readonly J[], from: string, to: string): J[] | null {
  if (from === to) return [];
  const links = new Map<string, { other: string; judgement: J }[]>();
  for (const j of judgements) {
    if (j.judgement !== "POSITIVE") continue;
    for (const [a, b] of [
      [j.left, j.right],
      [j.right, j.left],
    ] as const) {
      const list = links.get(a) ?? [];
      list.push({ other: b, judgement: j });
      links.set(a, list);
    }
  }
  const via = new Map<string, { prev: string; judgement: J }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const { other, judgement } of links.get(node) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        via.set(other, { prev: node, judgement });
        next.push(other);
      }
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const chain: J[] = [];
  for (let cur = to; cur !== from;) {
    const step = via.get(cur)!;
    chain.push(step.judgement);
    cur = step.prev;
  }
  return chain.reverse();
}
