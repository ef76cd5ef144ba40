import { quantileSorted } from "simple-statistics";

/** Latency summary of one query family, in **milliseconds**. */
export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** p50/p95/p99/max of samples in milliseconds (simple-statistics' quantiles). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: round(quantileSorted(sorted, 0.5)),
    p95: round(quantileSorted(sorted, 0.95)),
    p99: round(quantileSorted(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** Milliseconds `work` takes, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
