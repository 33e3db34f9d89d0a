/**
 * Every error the server emits has the documented shape `{"error": {"code", "message"}}`, also
 * those no route produces: requests Node's HTTP parser refuses, URLs Fastify's router refuses,
 * an Expect header, a missing Host, refused WebSocket upgrades. Sent raw over a socket, so
 * nothing is cleaned up on the way; nothing of the request is echoed back.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let port: number;

beforeAll(async () => {
  hub = await startTestHub({ HUB_WORKER: 'false' });
  port = Number(new URL(hub.url).port);
});
afterAll(() => hub?.stop());

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `text` to a fresh connection and reads the whole answer until the server closes it. */
function raw(text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head = '', ...rest] = answer.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const match = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
      if (!match) return reject(new Error(`no HTTP answer: ${JSON.stringify(answer.slice(0, 200))}`));
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(match[1]), headers, body: rest.join('\r\n\r\n') });
    });
    setTimeout(() => socket.destroy(), 5_000);
  });
}

const junk = `zq${'x'.repeat(30)}`;
const request = (line: string, headers: string[] = ['Host: hub']) => `${line}\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`;
const upgrade = (path: string, extra: string[] = []) =>
  `GET ${path} HTTP/1.1\r\nHost: hub\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${['Sec-WebSocket-Version: 13', ...extra].join('\r\n')}\r\n\r\n`;

const cases: [name: string, text: string, status: number, code: string][] = [
  ['a path segment over the router limit (414)', request(`GET /api/v1/integrations/${junk.repeat(5)} HTTP/1.1`), 414, 'URI_TOO_LONG'],
  ['malformed percent-encoding', request(`GET /api/v1/integrations/%E0%A4%A${junk} HTTP/1.1`), 400, 'BAD_URL'],
  ['a URL longer than the header limit', request(`GET /${junk.repeat(700)} HTTP/1.1`), 431, 'HEADERS_TOO_LARGE'],
  ['a header over the limit', request('GET /healthz HTTP/1.1', ['Host: hub', `X-Junk: ${junk.repeat(700)}`]), 431, 'HEADERS_TOO_LARGE'],
  ['a header line without a colon', request('GET /healthz HTTP/1.1', ['Host: hub', `Bad Header ${junk}`]), 400, 'BAD_REQUEST'],
  ['a method with bad characters', request(`FO(O /${junk} HTTP/1.1`), 400, 'BAD_REQUEST'],
  ['a broken chunked body', `POST /graphql HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${junk}\r\n`, 400, 'BAD_REQUEST'],
  ['both Content-Length and Transfer-Encoding', `POST /graphql HTTP/1.1\r\nHost: hub\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`, 400, 'BAD_REQUEST'],
  ['no Host header', request('GET /healthz HTTP/1.1', []), 400, 'BAD_REQUEST'],
  ['an Expect header other than 100-continue', request('POST /api/v1/integrations/sap-s4hana HTTP/1.1', ['Host: hub', `Expect: ${junk}`, 'Content-Length: 0']), 417, 'EXPECTATION_FAILED'],
  ['a WebSocket upgrade on another path', upgrade(`/${junk}`), 404, 'NOT_FOUND'],
  ['a WebSocket upgrade with a bad version', upgrade('/graphql', ['Sec-WebSocket-Version: 99']).replace('Sec-WebSocket-Version: 13\r\n', ''), 400, 'BAD_REQUEST'],
  ['a WebSocket upgrade without a key', upgrade('/graphql').replace(/Sec-WebSocket-Key: [^\r]+\r\n/, ''), 400, 'BAD_REQUEST'],
  ['a WebSocket upgrade by POST', upgrade('/graphql').replace(/^GET/, 'POST'), 405, 'BAD_REQUEST'],
];

describe('errors outside the routes', () => {
  it.each(cases)('%s: in the documented shape, nothing echoed', async (_name, text, status, code) => {
    const answer = await raw(text);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
    expect(answer.body).not.toContain(junk.slice(0, 12));
  });

  it('stays healthy afterwards', async () => {
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});
