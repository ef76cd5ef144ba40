/**
 * The database state the in-memory caches of the route engine were read at. Neo4j gives every
 * transaction a bookmark naming the last committed transaction it saw, reads included; when a
 * round trip reports another bookmark than the last one, something was committed (by this
 * process or any other), and every cache that registered with {@link onChange} is emptied.
 */
export class GraphSnapshot {
  private bookmark: string | null = null;
  private readonly listeners: (() => void)[] = [];

  /** Registers a cache to empty when the database changes. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Records the bookmark a round trip reported.
   * @returns true when it differs from the previous one (the caches were emptied). An empty
   *   bookmark (a server that gives none) counts as a change every time, so nothing is cached.
   */
  observe(bookmark: string): boolean {
    if (bookmark !== "" && bookmark === this.bookmark) return false;
    const changed = this.bookmark !== null;
    this.bookmark = bookmark;
    if (changed) for (const listener of this.listeners) listener();
    return changed;
  }
}
