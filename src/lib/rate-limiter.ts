/**
 * Token buckets keyed by name (one per webhook endpoint, one per client address): `rate` tokens a
 * second on average, bursts of up to `burst` (by default one second's worth). In memory: each
 * process enforces the limit on what it sees itself.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Takes a token and returns 0, or returns how many ms until one is free (taking nothing). */
  take(key: string, ratePerSecond: number, burst = ratePerSecond): number {
    const bucket = this.refilled(key, ratePerSecond, burst);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.waitMs(bucket, ratePerSecond);
  }

  /** How many ms until a token is free (0: one is free now), taking nothing. */
  peek(key: string, ratePerSecond: number, burst = ratePerSecond): number {
    const bucket = this.refilled(key, ratePerSecond, burst);
    return bucket.tokens >= 1 ? 0 : this.waitMs(bucket, ratePerSecond);
  }

  /** Forgets the buckets that have filled up again (they hold nothing a fresh bucket would not). */
  prune(ratePerSecond: number, burst = ratePerSecond): void {
    for (const key of this.buckets.keys()) {
      if (this.refilled(key, ratePerSecond, burst).tokens >= burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, ratePerSecond: number, burst: number): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    return bucket;
  }

  private waitMs(bucket: { tokens: number }, ratePerSecond: number): number {
    return Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000);
  }
}
