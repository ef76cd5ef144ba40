import type { GraphSnapshot } from "./graph-snapshot.js";

/**
 * Recent complete answers kept in memory: at most `capacity` (least recently used evicted), none
 * older than `ttlMs` **milliseconds**, all dropped whenever the snapshot says the database changed
 * (GraphSnapshot). A caller serves a kept answer only after a round trip has confirmed the
 * snapshot, so repeated questions cost one small query.
 */
export class AnswerCache<T> {
  private readonly answers = new Map<string, { answer: T; at: number }>();

  constructor(
    snapshot: GraphSnapshot,
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    snapshot.onChange(() => this.answers.clear());
  }

  /** The answer kept under `key` and younger than the time to live, if any (and marks it recently used). */
  get(key: string): T | undefined {
    const hit = this.answers.get(key);
    if (hit === undefined) return undefined;
    this.answers.delete(key);
    if (this.now() - hit.at > this.ttlMs) return undefined;
    this.answers.set(key, hit);
    return hit.answer;
  }

  /** Keeps `answer` under `key`; does nothing when the capacity is 0. */
  set(key: string, answer: T): void {
    if (this.capacity <= 0) return;
    this.answers.delete(key);
    this.answers.set(key, { answer, at: this.now() });
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
  }

  /** True when some answer is kept: only then is a validating round trip worth making. */
  get size(): number {
    return this.answers.size;
  }
}
