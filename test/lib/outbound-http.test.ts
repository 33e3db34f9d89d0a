// The outbound HTTP client against real node:http servers on loopback: retries and backoff,
// timeouts, error classification, no redirects, and the SSRF guard. Waits between attempts go
// through an injected sleep that records the delays instead of waiting.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refusalReason } from '../../src/lib/http/address-guard';
import { classifyNetworkError, OutboundBlockedError, OutboundError } from '../../src/lib/http/errors';
import { createOutboundHttp, type OutboundHttpClient, type OutboundHttpOptions } from '../../src/lib/http/outbound';
import { backoffDelay, retryAfterMs } from '../../src/lib/http/retry-policy';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

interface TestServer {
  url: string;
  port: number;
  /** Requests received since the last `handle`. */
  requests: Array<{ method: string; url: string; body: string }>;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

async function startServer(host = '127.0.0.1'): Promise<TestServer> {
  let handler: Handler = (_req, res) => res.end('ok');
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString() });
      handler(req, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    handle(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = await startServer();
  await server.close();
  return server.port;
}

const clients: OutboundHttpClient[] = [];
let delays: number[] = [];

function client(options: Partial<OutboundHttpOptions> = {}): OutboundHttpClient {
  const http = createOutboundHttp({
    allowPrivateTargets: true,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  clients.push(http);
  return http;
}

function statuses(...sequence: Array<number | [number, Record<string, string>]>): Handler {
  return (_req, res, n) => {
    const step = sequence[Math.min(n, sequence.length) - 1] ?? 200;
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    res.writeHead(status, headers);
    res.end(status === 200 ? 'done' : `status ${status}`);
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterEach(async () => {
  delays = [];
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await server.close();
});

describe('retries', () => {
  it('retries a 503 with backoff, then returns the success', async () => {
    server.handle(statuses(503, 503, 200));
    const response = await client({ baseDelayMs: 100 }).request({ url: `${server.url}/a` });
    expect(response.status).toBe(200);
    expect(response.text).toBe('done');
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    // Full jitter: anywhere from 0 up to base * 2^(attempt - 1).
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it('honours Retry-After (delta-seconds) on 429 as the minimum delay', async () => {
    server.handle(statuses([429, { 'retry-after': '2' }], 200));
    const response = await client().request({ url: `${server.url}/limited` });
    expect(response.status).toBe(200);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(2000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
  });

  it('caps Retry-After at maxDelayMs', async () => {
    server.handle(statuses([503, { 'retry-after': '120' }], 200));
    await client({ maxDelayMs: 1500 }).request({ url: server.url });
    expect(delays).toEqual([1500]);
  });

  it('reads Retry-After as an HTTP-date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('keeps backoff within its exponential bound and the cap', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const delay = backoffDelay(attempt, undefined, { baseDelayMs: 250, maxDelayMs: 30_000 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(30_000, 250 * 2 ** (attempt - 1)));
    }
  });

  it('returns the last response when the attempts run out', async () => {
    server.handle(statuses(503, 502, 504));
    const response = await client({ maxAttempts: 3 }).request({ url: server.url });
    expect(response.status).toBe(504);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('retries 500 too', async () => {
    server.handle(statuses(500, 200));
    expect((await client().request({ url: server.url })).status).toBe(200);
  });

  it('does not retry other statuses', async () => {
    server.handle(statuses(404, 200));
    expect((await client().request({ url: server.url })).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a POST unless the caller says it is safe', async () => {
    server.handle(statuses(503, 200));
    const http = client();
    const first = await http.request({ method: 'POST', url: server.url, body: 'a=1' });
    expect(first.status).toBe(503);
    expect(server.requests).toHaveLength(1);

    server.handle(statuses(503, 200));
    const second = await http.request({ method: 'POST', url: server.url, body: 'a=1', retry: true });
    expect(second.status).toBe(200);
    expect(server.requests.map((r) => r.body)).toEqual(['a=1', 'a=1']);
  });

  it('does not retry a GET with retry: false', async () => {
    server.handle(statuses(503, 200));
    expect((await client().request({ url: server.url, retry: false })).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('reports each retry to onRetry', async () => {
    server.handle(statuses(429, 200));
    const notices: unknown[] = [];
    await client().request({ url: server.url, onRetry: (notice) => notices.push(notice) });
    expect(notices).toEqual([{ attempt: 1, delayMs: delays[0], reason: 'HTTP 429' }]);
  });
});

describe('failures', () => {
  it('classifies a host that does not answer in time as a timeout, and retries it', async () => {
    server.handle(() => undefined); // never answers
    const error = await rejection(client({ maxAttempts: 2 }).request({ url: server.url, timeoutMs: 100 }));
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).kind).toBe('timeout');
    expect((error as OutboundError).message).toContain('did not answer within 100 ms');
    expect(server.requests).toHaveLength(2);
  });

  it('classifies a refused connection as unreachable, after retrying', async () => {
    const port = await closedPort();
    const error = (await rejection(client({ maxAttempts: 3 }).request({ url: `http://127.0.0.1:${port}/x` }))) as OutboundError;
    expect(error.kind).toBe('unreachable');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    expect(delays).toHaveLength(2);
  });

  it('classifies an unknown host as unreachable, retrying only a temporary DNS failure', async () => {
    const error = (await rejection(client().request({ url: 'http://no-such-host.invalid/' }))) as OutboundError;
    expect(error.kind).toBe('unreachable');
    // A machine without a resolver answers EAI_AGAIN (temporary, so retried) instead of ENOTFOUND.
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.code);
    if (error.code === 'ENOTFOUND') expect(delays).toEqual([]);
  });

  it('classifies a TLS handshake failure as tls', async () => {
    // https to a plain-HTTP port fails the handshake.
    const error = (await rejection(client().request({ url: `https://127.0.0.1:${server.port}/` }))) as OutboundError;
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/^TLS connection to https:\/\/127\.0\.0\.1:\d+ failed: wrong version number/);
  });

  it('classifies certificate errors as tls', () => {
    for (const code of ['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const cause = Object.assign(new Error('certificate problem'), { code });
      const error = classifyNetworkError(new TypeError('fetch failed', { cause }), 'https://sap.example.com');
      expect(error.kind).toBe('tls');
      expect(error.message).toBe(`TLS connection to https://sap.example.com failed: certificate problem (${code})`);
    }
  });

  it('never puts request headers or bodies in error messages', async () => {
    const port = await closedPort();
    const secret = 'Bearer s3cr3t-token';
    const refused = (await rejection(
      client({ maxAttempts: 1 }).request({ method: 'POST', url: `http://127.0.0.1:${port}/`, headers: { authorization: secret }, body: 'client_secret=s3cr3t' }),
    )) as Error;
    const malformed = (await rejection(client().request({ url: server.url, headers: { authorization: `${secret}\r\nx: y` } }))) as OutboundError;
    expect(malformed.kind).toBe('invalid');
    for (const error of [refused, malformed]) expect(error.message).not.toContain('s3cr3t');
  });

  it('rejects with the caller abort reason and stops retrying', async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('sync cancelled')), 50);
    const error = (await rejection(client().request({ url: server.url, signal: controller.signal }))) as Error;
    expect(error.message).toBe('sync cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it("turns the caller's AbortSignal.timeout deadline into a timeout error", async () => {
    server.handle(() => undefined);
    const error = (await rejection(client().request({ url: server.url, signal: AbortSignal.timeout(50) }))) as OutboundError;
    expect(error.kind).toBe('timeout');
  });
});

describe('redirects', () => {
  it('returns a 3xx as is instead of following it', async () => {
    server.handle((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: `${server.url}/target` });
        res.end();
      } else res.end('target');
    });
    const response = await client().request({ url: `${server.url}/moved` });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${server.url}/target`);
    expect(server.requests.map((r) => r.url)).toEqual(['/moved']);
  });
});

describe('SSRF guard', () => {
  const guarded = (): OutboundHttpClient => client({ allowPrivateTargets: false });

  async function expectBlocked(url: string, address: string, reason: string): Promise<void> {
    const error = await rejection(guarded().request({ url, timeoutMs: 1000 }));
    expect(error).toBeInstanceOf(OutboundBlockedError);
    expect((error as OutboundError).kind).toBe('blocked');
    const expected = `refusing to connect to ${address} (${reason}): set HUB_ALLOW_PRIVATE_TARGETS=true for on-premise hosts and simulators`;
    // localhost may resolve to ::1 first, depending on the machine's resolver.
    expect(address === 'localhost' ? (error as Error).message.replace(/to (127\.0\.0\.1|::1) /, 'to localhost ') : (error as Error).message).toBe(expected);
  }

  it('refuses 127.0.0.1 without the request reaching the server', async () => {
    server.handle(statuses(200));
    await expectBlocked(`${server.url}/x`, '127.0.0.1', 'loopback');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses localhost at connect time, after the DNS lookup', async () => {
    server.handle(statuses(200));
    await expectBlocked(`http://localhost:${server.port}/x`, 'localhost', 'loopback');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses IPv6 loopback and IPv4-mapped addresses', async () => {
    await expectBlocked(`http://[::1]:${server.port}/`, '::1', 'loopback');
    await expectBlocked(`http://[::ffff:127.0.0.1]:${server.port}/`, '::ffff:7f00:1', 'loopback');
    await expectBlocked('http://[::ffff:10.0.0.1]/', '::ffff:a00:1', 'private network');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses the metadata service, private, CGNAT, unique-local and link-local targets before connecting', async () => {
    await expectBlocked('http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link-local, includes the cloud metadata service');
    await expectBlocked('http://10.0.0.1/', '10.0.0.1', 'private network');
    await expectBlocked('https://172.16.5.4/', '172.16.5.4', 'private network');
    await expectBlocked('http://192.168.1.1:8080/', '192.168.1.1', 'private network');
    await expectBlocked('http://100.64.0.1/', '100.64.0.1', 'carrier-grade NAT');
    await expectBlocked('http://0.0.0.0/', '0.0.0.0', 'unspecified address');
    await expectBlocked('http://[fd00::1]/', 'fd00::1', 'unique-local');
    await expectBlocked('http://[fe80::1]/', 'fe80::1', 'link-local, includes the cloud metadata service');
    // The URL parser normalizes odd IPv4 spellings before the check sees them.
    await expectBlocked('http://0x7f.1/', '127.0.0.1', 'loopback');
    expect(delays).toEqual([]);
  });

  it('allows public unicast addresses and refuses everything else', () => {
    expect(refusalReason('93.184.216.34')).toBeUndefined();
    expect(refusalReason('2606:4700:4700::1111')).toBeUndefined();
    expect(refusalReason('255.255.255.255')).toBe('broadcast');
    expect(refusalReason('64:ff9b::7f00:1')).toBe('rfc6052'); // NAT64 of 127.0.0.1
    expect(refusalReason('240.0.0.1')).toBe('reserved range');
  });

  it('accepts only http: and https: URLs', async () => {
    const error = (await rejection(guarded().request({ url: 'file:///etc/passwd' }))) as OutboundError;
    expect(error.kind).toBe('blocked');
    expect(error.message).toBe('only http: and https: URLs are allowed, not file:');
  });

  it('lets private targets through when allowed', async () => {
    server.handle(statuses(200));
    const http = client({ allowPrivateTargets: true });
    expect((await http.request({ url: `${server.url}/x` })).status).toBe(200);
    expect((await http.request({ url: `http://localhost:${server.port}/y` })).status).toBe(200);
    expect(server.requests.map((r) => r.url)).toEqual(['/x', '/y']);
  });
});
