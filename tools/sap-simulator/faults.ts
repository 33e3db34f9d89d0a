// Injectable failures for resilience tests. The object is read on every request and may be changed
// at any time; counters count down in place and the entry disappears when it reaches zero.
//
// Request-level faults apply to authenticated requests under /sap (the token endpoint is a separate
// host in SAP BTP and is never faulted). Order per request: 401 checks, then rateLimitNext, then
// failNextRequests, then CSRF and routing; failPageAtSkip and pageDelayMs apply to collection reads.

export type FaultStatus = 500 | 502 | 503 | 504;

export interface FaultOptions {
  /** The next `count` requests answer `status`. */
  failNextRequests?: { count: number; status: FaultStatus };
  /** The next `count` requests answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext?: { count: number; retryAfterSeconds: number };
  /** Every collection page is answered after this delay. */
  pageDelayMs?: number;
  /** The collection page starting at row `skip` ($skip or $skiptoken) fails `times` times, then works. */
  failPageAtSkip?: { skip: number; times: number; status: FaultStatus };
  /** expires_in of tokens issued from now on (overrides the simulator option). */
  tokenTtlSeconds?: number;
  /** Each bearer token is rejected with 401 once it has served this many requests (expiry mid-sync). */
  rejectTokensAfterRequests?: number;
}

export type RequestFault = { kind: 'rateLimit'; retryAfterSeconds: number } | { kind: 'error'; status: FaultStatus };

/** Consumes one request-level fault, if any is armed. */
export function takeRequestFault(faults: FaultOptions): RequestFault | undefined {
  const rate = faults.rateLimitNext;
  if (rate && rate.count > 0) {
    if (--rate.count <= 0) delete faults.rateLimitNext;
    return { kind: 'rateLimit', retryAfterSeconds: rate.retryAfterSeconds };
  }
  const fail = faults.failNextRequests;
  if (fail && fail.count > 0) {
    if (--fail.count <= 0) delete faults.failNextRequests;
    return { kind: 'error', status: fail.status };
  }
  return undefined;
}

/** Consumes the page fault when the page starts at the armed offset. */
export function takePageFault(faults: FaultOptions, start: number): FaultStatus | undefined {
  const page = faults.failPageAtSkip;
  if (!page || page.skip !== start || page.times <= 0) return undefined;
  if (--page.times <= 0) delete faults.failPageAtSkip;
  return page.status;
}
