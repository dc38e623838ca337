/**
 * A token bucket per caller (the token's `sub`): `burst` requests at once, refilled at
 * `perSecond`. In memory, per gateway process: with N workers a caller gets N times the rate,
 * which is the right order of magnitude for stopping one runaway script, not a quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
    /** Callers remembered at most; the idlest are forgotten first (they would be full anyway). */
    private readonly maxCallers = 100_000,
  ) {}

  /** Takes one request from `caller`'s bucket; returns 0 if allowed, else the seconds to wait. */
  take(caller: string): number {
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    // Re-inserting keeps the Map in order of last use, so the first key is the idlest.
    this.buckets.delete(caller);
    this.buckets.set(caller, bucket);
    if (this.buckets.size > this.maxCallers) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }
}
