/** A real webhook receiver on loopback: records every request exactly as it arrived and answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collector } from './collector';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, as sent. */
  body: string;
  path: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow receiver). */
  delayMs?: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How to answer the n-th request (from 0); default 200. */
  respond: (request: Received, n: number) => Answer;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  /** The parsed bodies' event types, in arrival order. */
  types(): string[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests = collector<Received>();
  const received = requests.events;
  const receiver: Receiver = {
    url: '',
    received,
    respond: () => ({ status: 200, body: 'ok' }),
    waitFor: (count, timeoutMs = 10_000) => requests.waitFor(count, timeoutMs),
    types: () => received.map((r) => (JSON.parse(r.body) as { event: string }).event),
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), path: request.url ?? '/' };
      const answer = receiver.respond(entry, received.length);
      requests.push(entry);
      setTimeout(() => {
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
