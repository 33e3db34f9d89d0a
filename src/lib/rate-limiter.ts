/**
 * Token buckets keyed by name (one per webhook endpoint): `rate` requests a second on average,
 * bursts of up to `rate`. In memory: each process enforces the limit on what it sends itself.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Takes a token and returns 0, or returns how many ms until one is free (taking nothing). */
  take(key: string, ratePerSecond: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: ratePerSecond, at: now };
    bucket.tokens = Math.min(ratePerSecond, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000);
  }
}
