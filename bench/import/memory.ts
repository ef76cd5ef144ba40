/** One sample of an import run, taken when a batch is written. */
export interface BatchSample {
  /** Records written so far. */
  readonly rows: number;
  /** That batch's write transaction, **milliseconds**. */
  readonly batchMs: number;
  /** Seconds since the import started. */
  readonly atS: number;
  /** RSS of this process right after the batch, **bytes**. */
  readonly rss: number;
}

/** Resident set size of this process while an import runs, in **bytes**, with the per-batch samples. */
export interface RssReport {
  /** Highest RSS sampled (every 100 ms and at each batch). */
  readonly peak: number;
  readonly batches: readonly BatchSample[];
}

/** Samples `process.memoryUsage.rss()` on a timer (100 ms) and at every batch. */
export class RssSampler {
  private peak = 0;
  private readonly batches: BatchSample[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
  }

  /** Called when a batch is written: rows written so far and the batch's write time in ms. */
  batch(rows: number, batchMs: number): void {
    this.batches.push({ rows, batchMs, atS: (performance.now() - this.started) / 1000, rss: this.sample() });
  }

  stop(): RssReport {
    clearInterval(this.timer);
    this.sample();
    return { peak: this.peak, batches: this.batches };
  }

  private sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
}

/** One tenth of a run, by rows. */
export interface Decile {
  /** 1–10. */
  readonly decile: number;
  /** Rows done at the decile's end. */
  readonly rows: number;
  /** Seconds since the start at the decile's end. */
  readonly atS: number;
  /** Rows per second within the decile. */
  readonly rowsPerS: number;
  /** Mean and max write time of the decile's batches, ms (ours only). */
  readonly batchMsMean?: number;
  readonly batchMsMax?: number;
  /** Highest RSS sampled at the decile's batches, bytes (ours only). */
  readonly rssMax?: number;
}

/**
 * Splits per-batch samples into ten deciles by rows: a batch belongs to the decile its last row
 * falls in. Flat memory and a flat cost per batch show as close first and last rows.
 */
export function oursDeciles(batches: readonly BatchSample[], total: number): Decile[] {
  const out: Decile[] = [];
  let prevRows = 0;
  let prevS = 0;
  for (let d = 1; d <= 10; d += 1) {
    const inDecile = batches.filter((b) => b.rows > ((d - 1) * total) / 10 && b.rows <= (d * total) / 10);
    if (inDecile.length === 0) continue;
    const last = inDecile[inDecile.length - 1]!;
    const ms = inDecile.map((b) => b.batchMs);
    out.push({
      decile: d,
      rows: last.rows,
      atS: last.atS,
      rowsPerS: (last.rows - prevRows) / Math.max(1e-9, last.atS - prevS),
      batchMsMean: ms.reduce((a, b) => a + b, 0) / ms.length,
      batchMsMax: Math.max(...ms),
      rssMax: Math.max(...inDecile.map((b) => b.rss)),
    });
    prevRows = last.rows;
    prevS = last.atS;
  }
  return out;
}

/**
 * Deciles of a run observed from outside (the peer): `progress` holds (seconds, rows done)
 * samples; each decile ends at the first sample at or past its share of `total`.
 */
export function progressDeciles(progress: readonly { atS: number; rows: number }[], total: number): Decile[] {
  const out: Decile[] = [];
  let prevRows = 0;
  let prevS = 0;
  for (let d = 1; d <= 10; d += 1) {
    const end = progress.find((p) => p.rows >= (d * total) / 10);
    if (!end) break;
    out.push({ decile: d, rows: end.rows, atS: end.atS, rowsPerS: (end.rows - prevRows) / Math.max(1e-9, end.atS - prevS) });
    prevRows = end.rows;
    prevS = end.atS;
  }
  return out;
}
