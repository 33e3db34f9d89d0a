/**
 * When a failed delivery is tried again. The default follows the best-known webhook senders
 * (Svix; reference/webhooks.md): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the attempts
 * before, with ±20 % jitter so that a receiver's outage does not end in a thundering herd:
 * eight attempts over about 27.6 hours. A receiver's Retry-After (on 429 and 503) can only lengthen a delay.
 */
export const DEFAULT_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "5s,5m,30m,2h" into milliseconds; throws with a message naming the bad entry. */
export function parseSchedule(text: string): number[] {
  const delays = text.split(',').map((entry) => {
    const match = /^\s*(\d+(?:\.\d+)?)(ms|s|m|h|d)\s*$/.exec(entry);
    if (!match) throw new Error(`"${entry.trim()}" is not a delay such as 30s, 5m or 2h`);
    return Math.round(Number(match[1]) * units[match[2]!]!);
  });
  if (delays.length === 0 || delays.length > 50) throw new Error('give between 1 and 50 delays');
  return delays;
}

export class RetrySchedule {
  constructor(
    readonly delaysMs: readonly number[],
    private readonly jitter = 0.2,
    private readonly random: () => number = Math.random,
  ) {}

  /** Attempts in all: the first one and one per delay. */
  get maxAttempts(): number {
    return this.delaysMs.length + 1;
  }

  /** Delay before the attempt after `failedAttempts` failures, jittered, at least `retryAfterMs`. */
  delayAfter(failedAttempts: number, retryAfterMs?: number): number {
    const base = this.delaysMs[Math.min(failedAttempts, this.delaysMs.length) - 1] ?? this.delaysMs.at(-1)!;
    const jittered = Math.round(base * (1 - this.jitter + 2 * this.jitter * this.random()));
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}
