/**
 * One measurement of the sync benchmark, in its own process so its peak RSS is its own:
 *   download <tenantUrl> <tokenUrl>            read every product page through the connector, store nothing
 *   sync <sqlite|postgres> <tenantUrl> <tokenUrl>  a full sync into a fresh database
 * Prints one JSON line: {items, seconds, maxRssMb}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sapS4hana } from '../src/connectors/sap-s4hana/definition';
import { loadConfig } from '../src/config';
import type { DatabaseTarget } from '../src/db/connection';
import { openHub } from '../src/hub';
import { createOutboundHttp } from '../src/lib/http/outbound';
import { randomToken } from '../src/lib/ids';
import { createLogger } from '../src/lib/logger';

const [mode, ...args] = process.argv.slice(2);
const credentials = (tokenUrl: string) => ({ clientId: 'sim-client', clientSecret: 'sim-secret', tokenUrl });
const postgresServer = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function download(tenantUrl: string, tokenUrl: string) {
  const client = sapS4hana.connect({
    tenantUrl,
    credentials: credentials(tokenUrl),
    settings: {},
    http: createOutboundHttp({ allowPrivateTargets: true }),
    logger: createLogger('silent'),
  });
  let items = 0;
  const started = performance.now();
  for await (const page of client.listItems({ pageSize: 1000 })) items += page.records.length;
  return { items, seconds: (performance.now() - started) / 1000 };
}

async function withDatabase<T>(kind: string, run: (target: DatabaseTarget, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  if (kind === 'sqlite') {
    try {
      return await run({ provider: 'sqlite', url: path.join(dir, 'hub.db') }, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `hub_bench_${randomToken(10)}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(postgresServer);
    url.pathname = `/${name}`;
    return await run({ provider: 'postgresql', url: url.toString() }, dir);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sync(kind: string, tenantUrl: string, tokenUrl: string) {
  return withDatabase(kind, async (database, dir) => {
    const config = { ...loadConfig({ HUB_KEY_FILE: path.join(dir, 'keys.json'), HUB_ALLOW_PRIVATE_TARGETS: 'true' }), database };
    const hub = await openHub(config, createLogger('warn'));
    try {
      const { orgId } = await hub.services.orgs.createOrg('Bench');
      await hub.services.integrations.configure(orgId, 'sap-s4hana', { tenantUrl, credentials: credentials(tokenUrl) });
      const started = performance.now();
      const result = await hub.services.sync.runToCompletion(orgId, 'sap-s4hana');
      const seconds = (performance.now() - started) / 1000;
      if (!result.success) throw new Error(`sync failed: ${result.message}`);
      return { items: result.itemsSynced, seconds, stored: await hub.services.db.item.count({ where: { orgId } }) };
    } finally {
      await hub.close();
    }
  });
}

const result = mode === 'download' ? await download(args[0]!, args[1]!) : await sync(args[0]!, args[1]!, args[2]!);
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
