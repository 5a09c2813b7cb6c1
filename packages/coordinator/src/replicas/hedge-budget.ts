/**
 * Caps the extra load hedging adds: every request earns `ratio` of a token,
 * a hedge spends one, and at most `burst` tokens are saved up. With ratio
 * 0.05, hedges stay within 5 % of requests over time.
 */
export class HedgeBudget {
  private tokens: number;

  constructor(
    private readonly ratio = 0.05,
    private readonly burst = 10,
  ) {
    this.tokens = burst;
  }

  /** A request was sent. */
  earn(): void {
    this.tokens = Math.min(this.burst, this.tokens + this.ratio);
  }

  /** Spends a token for a hedge; false when the budget is spent. */
  trySpend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
