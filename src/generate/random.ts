import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A stream of floats in [0, 1). */
export type Rand = () => number;

/**
 * The random stream of record `index` of `stream` under `seed` (pure-rand's xoroshiro128+, seeded
 * by a splitmix32 mix of the three), so any record can be drawn on its own, in any order, and
 * nothing has to be kept to draw the next: same seed, same record.
 */
export function recordRand(seed: number, stream: number, index: number): Rand {
  const rng = xoroshiro128plus(mix(mix(mix(seed) ^ stream) ^ index));
  return () => uniformFloat64(rng);
}

function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * An index in [0, size), power-law skewed towards 0: P(index < k) = (k / size)^(1 / skew), so
 * with skew 2.5 the first 1% of the indices draw about 16% of the picks (the hubs). Same rule as
 * bench/routes/graph.ts.
 */
export function powerLawIndex(rand: Rand, size: number, skew = 2.5): number {
  return Math.min(size - 1, Math.floor(size * rand() ** skew));
}

/** One element of a non-empty list, uniformly. */
export function oneOf<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}
