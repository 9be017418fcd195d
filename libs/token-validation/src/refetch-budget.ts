/**
 * A sliding-window budget of key-set fetches shared by every authority of a validator: however
 * many authorities and made-up kids there are, the JWKS endpoints see at most `limit` fetches per
 * window from this validator.
 */
export class RefetchBudget {
  private readonly taken: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Takes one fetch from the budget; false when it is spent for now. */
  tryTake(now: number): boolean {
    this.forgetBefore(now - this.windowMs);
    if (this.taken.length >= this.limit) return false;
    this.taken.push(now);
    return true;
  }

  /** Milliseconds until {@link tryTake} can succeed again; 0 when it can now. */
  waitMs(now: number): number {
    this.forgetBefore(now - this.windowMs);
    const oldest = this.taken[0];
    return this.taken.length < this.limit || oldest === undefined
      ? 0
      : oldest + this.windowMs - now;
  }

  private forgetBefore(cutoff: number): void {
    while (this.taken.length > 0 && (this.taken[0] as number) <= cutoff) this.taken.shift();
  }
}
