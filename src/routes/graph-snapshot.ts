/**
 * What the in-memory answer caches were computed against. The database offers no cheap global
 * transaction counter (Community has no `lastCommittedTxn`, and a read's Bolt bookmark only
 * moves with writes on the same connection), so a cache is emptied when (1) this process commits
 * a write (Database.onCommit), (2) a round trip sees other node or relationship counts (Neo4j's
 * count store: an import or a delete by another process), or (3) its answers grow older than the
 * cache's time to live (a property changed by another process).
 */
export class GraphSnapshot {
  private fingerprint: string | null = null;
  private readonly listeners: (() => void)[] = [];

  /** Registers a cache to empty when the database changes. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Empties every registered cache. */
  invalidate(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Records the counts a round trip read (`nodes:relationships`).
   * @returns true when they differ from the previous ones (the caches were emptied).
   */
  observe(fingerprint: string): boolean {
    if (fingerprint === this.fingerprint) return false;
    const changed = this.fingerprint !== null;
    this.fingerprint = fingerprint;
    if (changed) this.invalidate();
    return changed;
  }
}
