/**
 * The one HTTP client for calls to host systems. Every connector call goes through it, so the
 * rules live in one place: a timeout per attempt, retries with backoff for transient failures,
 * no redirects (a redirect could lead to a private address, and to the host system it usually
 * means a wrong URL), and the SSRF guard on the address actually connected to.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request as undiciRequest } from 'undici';
import { assertLiteralAllowed, guardedLookup } from './address-guard';
import { classifyNetworkError, isTransient, OutboundError } from './errors';
import { backoffDelay, RETRYABLE_STATUSES, retryAfterMs } from './retry-policy';

export interface OutboundRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Per-attempt timeout in ms (default: the client's defaultTimeoutMs). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Retry 429/500/502/503/504 and transient network errors. Default: true for GET and HEAD,
   * false otherwise (a POST is retried only when the caller knows it is safe, e.g. a token request).
   */
  retry?: boolean;
  /** Told before each wait for another attempt, e.g. to log it with the caller's context. */
  onRetry?: (notice: RetryNotice) => void;
  /** Read at most this much of the answer (the rest is dropped and the connection closed); default: all. */
  maxResponseBytes?: number;
}

export interface RetryNotice {
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  /** `HTTP 503` or the network error's message. */
  reason: string;
}

export interface OutboundResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface OutboundHttp {
  /**
   * Resolves with any HTTP response, including 3xx, 4xx and 5xx: when retries run out on a
   * retryable status, the last response is returned for the caller to interpret. Rejects with an
   * OutboundError for network failures, timeouts and refused targets, or with the caller's abort
   * reason when its signal aborts (an AbortSignal.timeout deadline becomes kind 'timeout').
   */
  request(request: OutboundRequest): Promise<OutboundResponse>;
}

export interface OutboundHttpClient extends OutboundHttp {
  /** Closes pooled keep-alive connections. */
  close(): Promise<void>;
}

export interface OutboundHttpOptions {
  /** Let connections go to loopback, private and link-local addresses (HUB_ALLOW_PRIVATE_TARGETS). */
  allowPrivateTargets: boolean;
  /** Attempts per request including the first (default 4). */
  maxAttempts?: number;
  /** First backoff bound (default 250 ms); it doubles per failed attempt. */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 30 s). */
  maxDelayMs?: number;
  /** Per-attempt timeout when the request sets none (default 15 s). */
  defaultTimeoutMs?: number;
  /** Waits between attempts; injectable so tests record delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

function targetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The URL itself is not echoed: it is user input and could carry credentials.
    throw new OutboundError('invalid', 'the target is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('blocked', `only http: and https: URLs are allowed, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundError('invalid', 'URLs with embedded credentials are not supported');
  }
  return url;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

/** What to throw once the caller's signal has aborted. */
function callerAbort(signal: AbortSignal, origin: string): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new OutboundError('timeout', `${origin} did not answer before the deadline`);
  }
  return reason;
}

/**
 * `promise`, or a rejection as soon as `signal` aborts (a deadline as a timeout OutboundError):
 * for a caller that shares a request started by another and may not cancel it.
 */
export async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, origin: string): Promise<T> {
  if (signal.aborted) throw callerAbort(signal, origin);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(callerAbort(signal, origin));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Waits `ms`, or rejects as soon as the caller's signal aborts. */
async function pause(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal | undefined, origin: string): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) throw callerAbort(signal, origin);
  return untilAborted(sleep(ms), signal, origin);
}

/** The first `limit` bytes of a body as text; the rest is not read (a receiver cannot make us buffer gigabytes). */
async function readAtMost(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

export function createOutboundHttp(options: OutboundHttpOptions): OutboundHttpClient {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoff = { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: options.maxDelayMs ?? 30_000 };
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 15_000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  // Without its own Agent, undici would use the global dispatcher, which knows nothing of the guard.
  const agent = new Agent(options.allowPrivateTargets ? {} : { connect: { lookup: guardedLookup } });

  async function attempt(request: OutboundRequest, url: URL, method: string): Promise<OutboundResponse> {
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    // One controller per attempt, with its timer and listener removed afterwards: a sync's signal
    // lives across thousands of requests and must not collect a listener per request.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const callerSignal = request.signal;
    const onCallerAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      // undici.request never follows redirects (that takes an interceptor): a 3xx reaches the caller.
      const response = await undiciRequest(url, {
        method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        dispatcher: agent,
      });
      // Reading the body is part of the attempt: the timeout covers a host that stalls mid-body.
      const text = request.maxResponseBytes === undefined ? await response.body.text() : await readAtMost(response.body, request.maxResponseBytes);
      return { status: response.statusCode, headers: toHeaders(response.headers), text };
    } catch (error) {
      if (callerSignal?.aborted) throw callerAbort(callerSignal, url.origin);
      if (controller.signal.aborted) throw new OutboundError('timeout', `${url.origin} did not answer within ${timeoutMs} ms`, 'ETIMEDOUT');
      throw classifyNetworkError(error, url.origin);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    async request(request) {
      const method = (request.method ?? 'GET').toUpperCase();
      const url = targetUrl(request.url);
      if (!options.allowPrivateTargets) assertLiteralAllowed(url.hostname);
      const attempts = (request.retry ?? (method === 'GET' || method === 'HEAD')) ? maxAttempts : 1;
      for (let n = 1; ; n++) {
        if (request.signal?.aborted) throw callerAbort(request.signal, url.origin);
        let minimumDelay: number | undefined;
        let reason: string;
        try {
          const response = await attempt(request, url, method);
          if (n >= attempts || !RETRYABLE_STATUSES.has(response.status)) return response;
          minimumDelay = retryAfterMs(response.headers.get('retry-after'));
          reason = `HTTP ${response.status}`;
        } catch (error) {
          const retryable = error instanceof OutboundError && isTransient(error) && !request.signal?.aborted;
          if (!retryable || n >= attempts) throw error;
          reason = error.message;
        }
        const delayMs = backoffDelay(n, minimumDelay, backoff);
        request.onRetry?.({ attempt: n, delayMs, reason });
        await pause(sleep, delayMs, request.signal, url.origin);
      }
    },
    close: () => agent.close(),
  };
}
