/**
 * Searches under way on this coordinator, by collection and by the placement
 * epoch they were routed with. A list moved to another shard is dropped from
 * its old shard only once no search routed under an older epoch can still
 * ask that shard for it.
 */
export class InFlightSearches {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly waiters: { collection: string; epoch: number; resolve: () => void }[] = [];

  /** Counts a search routed under `epoch`; the returned function ends it. */
  begin(collection: string, epoch: number): () => void {
    let byEpoch = this.counts.get(collection);
    if (!byEpoch) {
      byEpoch = new Map();
      this.counts.set(collection, byEpoch);
    }
    byEpoch.set(epoch, (byEpoch.get(epoch) ?? 0) + 1);
    return () => {
      const left = (byEpoch.get(epoch) ?? 1) - 1;
      if (left === 0) byEpoch.delete(epoch);
      else byEpoch.set(epoch, left);
      this.wake(collection);
    };
  }

  /** Resolves once no search of the collection routed under `epoch` or earlier is under way. */
  drained(collection: string, epoch: number): Promise<void> {
    if (!this.busy(collection, epoch)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ collection, epoch, resolve }));
  }

  private busy(collection: string, epoch: number): boolean {
    for (const at of this.counts.get(collection)?.keys() ?? []) if (at <= epoch) return true;
    return false;
  }

  private wake(collection: string): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter.collection === collection && !this.busy(collection, waiter.epoch)) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
