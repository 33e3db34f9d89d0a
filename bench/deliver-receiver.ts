/**
 * The receiver of the deliver benchmark, in its own process: a bare node:http server that reads
 * each POST, answers 200 and records the request's `webhook-id` and its arrival time (epoch ms
 * from performance.timeOrigin + performance.now(), the same clock the other processes of the
 * benchmark read, so an event's creation time in the hub and its arrival here can be subtracted).
 *
 * Over the IPC channel: sends {url} once listening, then answers
 *   {seq, cmd: 'count'} with {seq, requests, unique}
 *   {seq, cmd: 'take'}  with {seq, ids, times} and forgets them (the next measurement starts empty).
 * Exits when the parent disconnects. With `--by-path` each request is recorded as "<webhook-id> <path>".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const byPath = process.argv.includes('--by-path');
const epochMs = () => performance.timeOrigin + performance.now();
let ids: string[] = [];
let times: number[] = [];
let unique = new Set<string>();

const server = createServer((request, response) => {
  const id = request.headers['webhook-id'];
  request.on('data', () => undefined);
  request.on('end', () => {
    // With several endpoints on one receiver (the publish benchmark) a delivery is an id at a path.
    const key = `${typeof id === 'string' ? id : ''}${byPath ? ` ${request.url}` : ''}`;
    ids.push(key);
    times.push(epochMs());
    unique.add(key);
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    response.end('ok');
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

process.on('message', (message: { seq: number; cmd: string }) => {
  if (message.cmd === 'count') process.send!({ seq: message.seq, requests: ids.length, unique: unique.size });
  else if (message.cmd === 'take') {
    process.send!({ seq: message.seq, ids, times });
    ids = [];
    times = [];
    unique = new Set();
  }
});
process.once('disconnect', () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` });
