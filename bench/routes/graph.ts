import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * A deterministic synthetic supply-chain graph for the route benchmark, held in compact
 * arrays. Seven tiers of companies move goods forward (manufacturers → exporters →
 * intermediaries → shell companies → transit traders → importers → end users) with SUPPLIED
 * relationships; importers PAY shell companies; shells are PART_OF intermediaries; every
 * company is BASED_IN one of 60 countries. Targets are drawn with a power law, so a few
 * companies and countries become hubs with thousands of relationships.
 */
export interface BenchGraph {
  readonly nodeCount: number;
  /** Tier of each node: 0–6 for companies, 7 for countries. */
  readonly tier: Uint8Array;
  /** First node index of each tier (tiers are contiguous), plus the total at the end. */
  readonly tierStart: readonly number[];
  readonly relStart: Int32Array;
  readonly relEnd: Int32Array;
  /** Index into {@link REL_TYPES}. */
  readonly relType: Uint8Array;
  /** Index into {@link STATUSES}. */
  readonly relStatus: Uint8Array;
  /** Days since 2020-01-01 of validFrom. */
  readonly relDay: Uint16Array;
  readonly relCount: number;
}

export const REL_TYPES = ["SUPPLIED", "PAID", "PART_OF", "BASED_IN"] as const;
export const STATUSES = ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"] as const;
export const STATUS_CONFIDENCE = [0.8, 0.6, 0.3, 0.2] as const;
export const TIER_NAMES = ["manufacturer", "exporter", "intermediary", "shell", "transit", "importer", "end-user", "country"] as const;
const TIER_SHARE = [0.02, 0.08, 0.2, 0.3, 0.15, 0.15, 0.1];
export const COUNTRY_COUNT = 60;

/** A deterministic stream of floats in [0, 1) (pure-rand's xoroshiro128+). */
export function randomStream(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** Node id of index i as stored in Neo4j. */
export const nodeId = (i: number): string => `bench-n${i}`;
/** Relationship id of index i as stored in Neo4j. */
export const relId = (i: number): string => `bench-r${i}`;

/**
 * Generates the graph. Same seed and size, same graph.
 * @param companies number of company nodes (countries come on top).
 * @param meanOutDegree mean SUPPLIED out-degree of tiers 0–5 (heavy-tailed).
 */
export function generateBenchGraph(seed: number, companies: number, meanOutDegree = 4.7): BenchGraph {
  const rand = randomStream(seed);
  const tierStart: number[] = [0];
  for (const share of TIER_SHARE) tierStart.push(tierStart[tierStart.length - 1]! + Math.round(share * companies));
  const companyCount = tierStart[tierStart.length - 1]!;
  tierStart.push(companyCount + COUNTRY_COUNT);
  const nodeCount = companyCount + COUNTRY_COUNT;
  const tier = new Uint8Array(nodeCount);
  for (let t = 0; t < 8; t += 1) tier.fill(t, tierStart[t], tierStart[t + 1]);

  const capacity = Math.ceil(companyCount * (meanOutDegree + 2.5)) + 1024;
  const relStart = new Int32Array(capacity);
  const relEnd = new Int32Array(capacity);
  const relType = new Uint8Array(capacity);
  const relStatus = new Uint8Array(capacity);
  const relDay = new Uint16Array(capacity);
  let n = 0;
  const add = (s: number, e: number, type: number) => {
    if (s === e || n >= capacity) return;
    relStart[n] = s;
    relEnd[n] = e;
    relType[n] = type;
    const u = rand();
    relStatus[n] = u < 0.5 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
    relDay[n] = Math.floor(rand() * 1826);
    n += 1;
  };
  /** A node of tier t, power-law skewed towards the tier's first nodes (the hubs). */
  const pick = (t: number, skew = 2.5) => {
    const size = tierStart[t + 1]! - tierStart[t]!;
    return tierStart[t]! + Math.min(size - 1, Math.floor(size * rand() ** skew));
  };
  /** Heavy-tailed out-degree (Pareto, shape 2) with the given mean. */
  const degree = (mean: number) => Math.min(500, Math.floor(mean / 2 / Math.sqrt(1 - rand())));

  for (let s = 0; s < companyCount; s += 1) {
    const t = tier[s]!;
    if (t < 6) {
      const d = degree(meanOutDegree);
      for (let k = 0; k < d; k += 1) add(s, pick(rand() < 0.06 && t < 5 ? t + 2 : t + 1), 0);
    }
    if (t === 5 && rand() < 0.5) add(s, pick(3), 1);
    if (t === 3 && rand() < 0.4) add(s, pick(2), 2);
    add(s, companyCount + Math.min(COUNTRY_COUNT - 1, Math.floor(COUNTRY_COUNT * rand() ** 3)), 3);
  }
  return { nodeCount, tier, tierStart, relStart, relEnd, relType, relStatus, relDay, relCount: n };
}

/** Forward FLOW adjacency (SUPPLIED and PAID) in CSR form, for picking pairs at a known distance. */
export function flowAdjacency(g: BenchGraph): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(g.nodeCount + 1);
  for (let i = 0; i < g.relCount; i += 1) if (g.relType[i]! <= 1) offsets[g.relStart[i]! + 1]! += 1;
  for (let v = 0; v < g.nodeCount; v += 1) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, g.nodeCount);
  const targets = new Int32Array(offsets[g.nodeCount]!);
  for (let i = 0; i < g.relCount; i += 1) if (g.relType[i]! <= 1) targets[fill[g.relStart[i]!]!++] = g.relEnd[i]!;
  return { offsets, targets };
}

/** Hop distances from `source` along FLOW relationships, up to `maxDepth` (-1 = not reached). */
export function flowDistances(adj: { offsets: Int32Array; targets: Int32Array }, source: number, maxDepth: number): Map<number, number> {
  const dist = new Map<number, number>([[source, 0]]);
  let frontier = [source];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d += 1) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let k = adj.offsets[v]!; k < adj.offsets[v + 1]!; k += 1) {
        const w = adj.targets[k]!;
        if (!dist.has(w)) {
          dist.set(w, d);
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  return dist;
}
