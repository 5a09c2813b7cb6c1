/**
 * Probes per inverted list, decayed exponentially with time: what the
 * queries of the recent past asked of each list. Decay is applied lazily
 * (on the next count or read), so counting a batch is one pass over its
 * assignment; every list decays alike, so the counts' proportions are what
 * the last few half-lives of queries asked.
 */
export class ProbeCounts {
  private readonly counts: Float64Array;
  private at: number;

  constructor(
    readonly nlist: number,
    private readonly halfLifeMs: number,
    now: number,
  ) {
    this.counts = new Float64Array(nlist);
    this.at = now;
  }

  /** Counts one probe of each list in `lists` (a search's assignment; -1 for none). */
  observe(lists: BigInt64Array, now: number): void {
    this.decayTo(now);
    // Read as 32-bit words (little-endian: the low word first), so a batch's
    // nq·nprobe entries are counted without making a BigInt each; a list
    // number fits the low word, and -1 (no list) reads negative in both.
    const words = new Int32Array(lists.buffer, lists.byteOffset, lists.length * 2);
    for (let i = 0; i < words.length; i += 2) {
      const list = words[i];
      if (words[i + 1] === 0 && list >= 0 && list < this.nlist) this.counts[list]++;
    }
  }

  /** The counts decayed to `now` (a copy). */
  read(now: number): Float64Array {
    this.decayTo(now);
    return this.counts.slice();
  }

  private decayTo(now: number): void {
    const elapsed = now - this.at;
    // Decaying more often than every 100 ms only costs time: the counts move little in between.
    if (elapsed < 100) return;
    const factor = decayFactor(elapsed, this.halfLifeMs);
    for (let list = 0; list < this.counts.length; list++) this.counts[list] *= factor;
    this.at = now;
  }
}

/** What is left of a count after `elapsedMs` with the given half-life. */
export function decayFactor(elapsedMs: number, halfLifeMs: number): number {
  return elapsedMs <= 0 ? 1 : 0.5 ** (elapsedMs / halfLifeMs);
}
