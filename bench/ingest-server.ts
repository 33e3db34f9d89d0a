/**
 * A server under test for the ingest benchmark, in its own process (the load generator runs in
 * the parent, so each gets its own core):
 *   bare                 a node:http server that reads the body and answers like the hub does
 *   hub <sqlite|postgres> the hub on a fresh database, one org with a signed sap-s4hana integration
 * Prints one JSON line {url, orgId?, apiKey?, secret?} once listening; runs until SIGTERM.
 * The hub runs without a worker: processing is not what this measures, and in a busy deployment
 * it runs in other processes (HUB_WORKER=false here, true there).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { createLogger } from '../src/lib/logger';
import { withDatabase } from './databases';

const [mode, kind] = process.argv.slice(2);
const secret = 'whsec_bench_secret_0123456789';
const stopped = new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));

if (mode === 'bare') {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"success":true,"deliveryId":"evt_00000000000000000000"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  await stopped;
  server.close();
} else {
  await withDatabase(kind!, async (database) => {
    const env = { PORT: '0', HUB_ENCRYPTION_KEYS: keyEntry(generateKey()), HUB_WORKER: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const hub = await startHub({ ...loadConfig(env), database }, createLogger('warn'));
    const { orgId, apiKey } = await hub.services.orgs.createOrg('Bench');
    await hub.services.integrations.configure(orgId, 'sap-s4hana', {
      tenantUrl: 'https://my-sap-instance.s4hana.cloud',
      credentials: { clientId: 'c', clientSecret: 's', tokenUrl: 'https://my-sap-instance.s4hana.cloud/oauth/token' },
      settings: { webhookSecret: secret },
    });
    console.log(JSON.stringify({ url: hub.url, orgId, apiKey, secret }));
    await stopped;
    const stored = await hub.services.db.webhookEvent.count();
    console.error(JSON.stringify({ stored }));
    await hub.close();
  });
}
process.exit(0);
