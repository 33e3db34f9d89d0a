/**
 * When and how long to wait before another attempt: exponential backoff with full jitter
 * (a random delay up to the exponential bound, so many clients hitting one overloaded host spread
 * out), never shorter than the host's Retry-After, never longer than the cap.
 */

/**
 * Statuses that say "try again later". 500 is included: SAP Gateway and the proxies in front of
 * it answer 500 for transient conditions (no free work process, lock or database timeouts); a
 * deterministic 500 costs a few bounded extra attempts.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Delay before attempt `failedAttempts + 1`. */
export function backoffDelay(failedAttempts: number, minimumMs: number | undefined, options: BackoffOptions): number {
  const bound = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempts - 1));
  const jittered = Math.floor(Math.random() * bound);
  return Math.min(options.maxDelayMs, Math.max(jittered, minimumMs ?? 0));
}
