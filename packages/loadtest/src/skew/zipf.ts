import type { SeededRandom } from '@vecshard/datasets';

/**
 * Draws ranks 0…n-1 with P(rank r) ∝ 1 / (r + 1)^exponent, by binary search
 * in the cumulative weights.
 */
export class ZipfRanks {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    readonly exponent: number,
  ) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / (r + 1) ** exponent;
      this.cumulative[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cumulative[r] /= sum;
  }

  /** Probability of rank r. */
  share(r: number): number {
    return this.cumulative[r] - (r === 0 ? 0 : this.cumulative[r - 1]);
  }

  draw(random: SeededRandom): number {
    const u = random.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
