/**
 * API-key authentication as every transport does it (REST, GraphQL over HTTP, WebSocket
 * connects), with a limit on failures per client address: past `limit` failed attempts (a
 * token bucket refilled at `limit` per `windowMs`), further failures from that address are
 * refused as rate-limited, with how long to wait. A valid key is never held back and never
 * counts: a client behind a shared address keeps working while another one there keeps failing.
 */
import { RateLimiter } from '../../lib/rate-limiter';
import type { OrgService, Principal } from './org-service';

export interface AuthFailureLimit {
  /** Failures allowed per address in a burst; 0 turns the limit off. */
  limit: number;
  windowMs: number;
}

export type Authentication = { principal: Principal } | { principal: null; retryAfterSeconds: number | null };

/** Beyond this many addresses, buckets that have filled up again are dropped. */
const pruneAbove = 10_000;

export class Authenticator {
  private readonly failures: RateLimiter;

  constructor(
    private readonly orgs: OrgService,
    private readonly settings: AuthFailureLimit,
    now: () => number = () => Date.now(),
  ) {
    this.failures = new RateLimiter(now);
  }

  /** The key's principal; otherwise the failure is counted, and `retryAfterSeconds` is set once the address is over its limit. */
  async authenticate(apiKey: string | undefined, address: string): Promise<Authentication> {
    const principal = await this.orgs.authenticate(apiKey);
    if (principal) return { principal };
    if (this.settings.limit === 0) return { principal: null, retryAfterSeconds: null };
    if (this.failures.size > pruneAbove) this.failures.prune(...this.rate());
    const waitMs = this.failures.take(address, ...this.rate());
    return { principal: null, retryAfterSeconds: waitMs === 0 ? null : Math.ceil(waitMs / 1000) };
  }

  /** Seconds until the address may fail again, or null when it is not limited now (counts nothing). */
  blockedFor(address: string): number | null {
    if (this.settings.limit === 0) return null;
    const waitMs = this.failures.peek(address, ...this.rate());
    return waitMs === 0 ? null : Math.ceil(waitMs / 1000);
  }

  private rate(): [perSecond: number, burst: number] {
    return [this.settings.limit / (this.settings.windowMs / 1000), this.settings.limit];
  }
}

export const unauthenticatedMessage = 'a valid API key is required in the X-Api-Key header';

export const rateLimitedMessage = (seconds: number) => `too many failed authentication attempts from this address; retry in ${seconds} s`;
