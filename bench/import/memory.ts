/** Resident set size of this process while an import runs, in **bytes**. */
export interface RssReport {
  /** Highest RSS sampled (every 100 ms and at each batch). */
  readonly peak: number;
  /** RSS at the first batch past 10 % of the rows, and at the end: flat memory keeps them close. */
  readonly at10: number;
  readonly at100: number;
}

/** Samples `process.memoryUsage.rss()` on a timer and at progress points. */
export class RssSampler {
  private peak = 0;
  private at10 = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
  }

  /** Called with the share of rows done (0–1). */
  progress(share: number): void {
    const rss = this.sample();
    if (share >= 0.1 && this.at10 === 0) this.at10 = rss;
  }

  stop(): RssReport {
    clearInterval(this.timer);
    const at100 = this.sample();
    return { peak: this.peak, at10: this.at10 || at100, at100 };
  }

  private sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
}
