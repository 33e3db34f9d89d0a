/**
 * Receivers that run the webhook guides' own code as written (test/fixtures/), on loopback:
 *
 * - the Fractal webhook reference's `verifyWebhook(payload, signature, secret)`, called with the
 *   raw body and the `X-Fractal-Signature` header, as its reference describes;
 * - the Fractio webhook tutorial's two `app.post('/webhook', …)` handlers behind an Express-like
 *   `app`: a JSON body parser (JSON.parse of the raw body, as express.json() does) sets
 *   `req.body`, and the handlers run in the order registered, the first answer winning (the
 *   tutorial shows them as separate snippets; both run so the event switch is exercised too,
 *   unless the first refused the request).
 *   A handler that throws is a 500, as in Express.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const fixtures = path.resolve('test/fixtures');

export interface Verdict {
  path: string;
  status: number;
  /** The raw body as it arrived. */
  body: string;
  headers: IncomingHttpHeaders;
}

export interface TutorialReceiver {
  url: string;
  verdicts: Verdict[];
  /** What the tutorial's code printed with console.log, one string per call. */
  logs: string[];
  waitFor(count: number, timeoutMs?: number): Promise<Verdict[]>;
  close(): Promise<void>;
}

type Handler = (req: { body: unknown; headers: IncomingHttpHeaders }, res: ExpressLikeResponse) => void;

interface ExpressLikeResponse {
  sendStatus(status: number): void;
  status(status: number): { send(body: string): void };
}

function run(file: string, globals: Record<string, unknown>, replace: [string, string][] = []): vm.Context {
  let code = readFileSync(path.join(fixtures, file), 'utf8');
  for (const [from, to] of replace) code = code.split(from).join(to);
  const context = vm.createContext({ require, Buffer, ...globals });
  vm.runInContext(code, context, { filename: file });
  return context;
}

function capture(logs: string[]) {
  return { log: (...args: unknown[]) => logs.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')) };
}

async function listen(handle: (path: string, raw: string, headers: IncomingHttpHeaders) => { status: number; body: string }): Promise<{ url: string; verdicts: Verdict[]; waitFor: TutorialReceiver['waitFor']; close: () => Promise<void> }> {
  const verdicts: Verdict[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let answer: { status: number; body: string };
      try {
        answer = handle(request.url ?? '/', raw, request.headers);
      } catch {
        answer = { status: 500, body: 'Internal Server Error' };
      }
      verdicts.push({ path: request.url ?? '/', status: answer.status, body: raw, headers: request.headers });
      response.writeHead(answer.status, { 'content-type': 'text/plain' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    verdicts,
    waitFor: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (verdicts.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} deliveries, got ${verdicts.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return verdicts;
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The Fractal reference's verifyWebhook, with one secret per path (one endpoint per path). */
export async function startFractalReceiver(secrets: Record<string, string>): Promise<TutorialReceiver & { secrets: Record<string, string> }> {
  const logs: string[] = [];
  const reference = run('fractal-webhook-reference.js', { console: capture(logs) });
  const verifyWebhook = reference.verifyWebhook as (payload: string, signature: string, secret: string) => boolean;
  const server = await listen((requestPath, raw, headers) => {
    const secret = secrets[requestPath];
    if (!secret) return { status: 404, body: 'no such endpoint' };
    const ok = verifyWebhook(raw, headers['x-fractal-signature'] as string, secret);
    return ok ? { status: 200, body: 'ok' } : { status: 401, body: 'Invalid signature' };
  });
  return { ...server, logs, secrets };
}

/** The Fractio tutorial's handlers at /webhook, with the endpoint's secret where it says 'your_webhook_secret'. */
export async function startFractioReceiver(secret: () => string): Promise<TutorialReceiver> {
  const logs: string[] = [];
  let handlers: Handler[] = [];
  let loadedFor: string | undefined;
  const load = () => {
    // The secret is known once the endpoint is registered (it is in the registration's answer).
    if (loadedFor === secret()) return;
    const routes: Handler[] = [];
    run('fractio-webhook-tutorial.js', { console: capture(logs), app: { post: (route: string, handler: Handler) => route === '/webhook' && routes.push(handler) } }, [["'your_webhook_secret'", JSON.stringify(secret())]]);
    handlers = routes;
    loadedFor = secret();
  };
  const server = await listen((requestPath, raw, headers) => {
    if (requestPath !== '/webhook') return { status: 404, body: 'Cannot POST' };
    load();
    const req = { body: JSON.parse(raw) as unknown, headers };
    let answer: { status: number; body: string } | undefined;
    const res: ExpressLikeResponse = {
      sendStatus: (status) => {
        answer ??= { status, body: status === 200 ? 'OK' : String(status) };
      },
      status: (status) => ({
        send: (body) => {
          answer ??= { status, body };
        },
      }),
    };
    for (const handler of handlers) {
      // A refusal ends the chain: an event that failed verification is never processed.
      if (answer && answer.status >= 300) break;
      handler(req, res);
    }
    return answer ?? { status: 500, body: 'no answer' };
  });
  return { ...server, logs };
}
