/**
 * The minimal durable-ingest server the hub's ingest is measured against: node:http, an
 * HMAC-SHA256 check of the raw body in constant time, JSON.parse, and one better-sqlite3
 * transaction per event-loop turn inserting an event row and a job row per request (WAL,
 * synchronous=FULL), each request answered 200 only after its transaction committed. The work
 * the hub must do for a webhook, with nothing else.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';

interface Pending {
  id: string;
  body: string;
  response: ServerResponse;
}

export async function startMinimalServer({ dir, secret }: { dir: string; secret: string }) {
  const db = new Database(path.join(dir, 'minimal.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE event (id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at INTEGER NOT NULL)');
  db.exec('CREATE TABLE job (id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, status TEXT NOT NULL, run_at INTEGER NOT NULL)');
  const insertEvent = db.prepare('INSERT INTO event (id, body, received_at) VALUES (?, ?, ?)');
  const insertJob = db.prepare("INSERT INTO job (id, subject_id, status, run_at) VALUES (?, ?, 'queued', ?)");
  const write = db.transaction((batch: Pending[], now: number) => {
    for (const item of batch) {
      insertEvent.run(item.id, item.body, now);
      insertJob.run(`job_${item.id}`, item.id, now);
    }
  });

  let batch: Pending[] = [];
  const flush = () => {
    const current = batch;
    batch = [];
    try {
      write(current, Date.now());
      for (const item of current) {
        item.response.writeHead(200, { 'content-type': 'application/json' });
        item.response.end(`{"success":true,"deliveryId":"${item.id}"}`);
      }
    } catch {
      for (const item of current) item.response.writeHead(500).end();
    }
  };

  const key = Buffer.from(secret);
  const handle = (request: IncomingMessage, response: ServerResponse, raw: Buffer) => {
    const header = request.headers['x-webhook-signature'];
    const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(raw).digest('hex')}`);
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void response.writeHead(401).end();
    const body = raw.toString('utf8');
    try {
      JSON.parse(body);
    } catch {
      return void response.writeHead(400).end();
    }
    if (batch.length === 0) setImmediate(flush);
    batch.push({ id: `evt_${randomBytes(10).toString('hex')}`, body, response });
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => (db.prepare('SELECT count(*) AS n FROM event').get() as { n: number }).n,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      db.close();
    },
  };
}
