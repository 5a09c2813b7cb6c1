import type { Filter__Output } from '@vecshard/proto';

/** Filters remembered per coordinator; the oldest is forgotten past this. */
const MAX_HINTS = 1024;

/**
 * Filters whose last search needed IVF (too many matches to search exactly).
 * Only a hint of how to begin: a filtered search first lets every shard
 * search its matches exactly when they are few, in the call that counts
 * them, and that wastes sending the queries when the shards then leave the
 * plan to the coordinator. A filter remembered here is counted first instead
 * (no queries sent), as before a hint existed. Wrong hints cost a round trip
 * or a resend, never a wrong answer.
 */
export class PlanHints {
  private readonly needsIvf = new Map<string, true>();

  /** Whether the filter's last search on the collection needed IVF. */
  expectsIvf(collection: string, filter: Filter__Output): boolean {
    return this.needsIvf.has(keyOf(collection, filter));
  }

  /** Remembers how the filter's search on the collection was planned. */
  record(collection: string, filter: Filter__Output, ivf: boolean): void {
    const key = keyOf(collection, filter);
    if (!ivf) {
      this.needsIvf.delete(key);
      return;
    }
    this.needsIvf.set(key, true);
    if (this.needsIvf.size > MAX_HINTS) {
      const oldest = this.needsIvf.keys().next().value;
      if (oldest !== undefined) this.needsIvf.delete(oldest);
    }
  }
}

/** Each filter's text, made once: a search asks for it twice (before and after it is planned). */
const filterTexts = new WeakMap<Filter__Output, string>();

function keyOf(collection: string, filter: Filter__Output): string {
  let text = filterTexts.get(filter);
  if (text === undefined) {
    text = JSON.stringify(filter);
    filterTexts.set(filter, text);
  }
  return `${collection}\u0000${text}`;
}
