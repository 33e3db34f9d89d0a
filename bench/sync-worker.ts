/**
 * One measurement of the sync benchmark, in its own process so its peak RSS is its own:
 *   download <tenantUrl> <tokenUrl>            read every product page through the connector, store nothing
 *   sync <sqlite|postgres> <tenantUrl> <tokenUrl>  a full sync into a fresh database
 *   migrate <database target as JSON>          (internal) the release step: migrates the fresh database
 *
 * The sync runs as production runs it: the database is migrated first by a process of its own
 * (the release step, `npm run db:migrate`), so the measured process opens a current schema with
 * HUB_MIGRATE_ON_START=false and never loads the migration engine; the run is a job that the
 * hub's worker executes.
 * Prints one JSON line: {items, seconds, cpuSeconds, maxRssMb, startRssMb} (startRssMb: RSS when the first
 * page is requested, i.e. what the process holds before the measured work: modules, and for a
 * sync the opened and migrated hub; cpuSeconds: user + system CPU of this process over the timed
 * part, which a machine shared with other work stretches far less than the wall time).
 *
 * With --memory (the process must run with --expose-gc) the same run is a memory probe, not a
 * timing: after each page has been handled, a full GC runs and the heap still in use is recorded,
 * which separates memory the run keeps (live) from garbage V8 has not collected yet. Adds
 * {heapAfterGcMb: {first, max, last}, pages}.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sapS4hana } from '../src/connectors/sap-s4hana/definition';
import type { ConnectorClient } from '../src/connectors/types';
import { loadConfig } from '../src/config';
import type { DatabaseTarget } from '../src/db/connection';
import { applyMigrations } from '../src/db/migrate';
import { resultOf } from '../src/domain/sync/sync-service';
import { openHub } from '../src/hub';
import { createOutboundHttp } from '../src/lib/http/outbound';
import { createLogger } from '../src/lib/logger';
import { SecretRedactor } from '../src/lib/redaction';
import { withDatabase } from './databases';

const memoryProbe = process.argv.includes('--memory');
const [mode, ...args] = process.argv.slice(2).filter((arg) => arg !== '--memory');
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
let startRssMb = 0;
const heapAfterGc: number[] = [];

/**
 * Wraps the connector's listing: records RSS when the first page is requested and, in a memory
 * probe, collects garbage after each page has been handled (when the consumer asks for the next).
 */
function instrument(client: ConnectorClient): ConnectorClient {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (memoryProbe && !gc) throw new Error('--memory needs node --expose-gc');
  return {
    ...client,
    async *listItems(options) {
      startRssMb = mb(process.memoryUsage.rss());
      for await (const page of client.listItems(options)) {
        yield page;
        if (gc) {
          gc();
          heapAfterGc.push(mb(process.memoryUsage().heapUsed));
        }
      }
    },
  };
}
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

const connect = sapS4hana.connect;
sapS4hana.connect = (context) => instrument(connect(context));
const credentials = (tokenUrl: string) => ({ clientId: 'sim-client', clientSecret: 'sim-secret', tokenUrl });

async function download(tenantUrl: string, tokenUrl: string) {
  const client = sapS4hana.connect({
    tenantUrl,
    credentials: credentials(tokenUrl),
    settings: {},
    http: createOutboundHttp({ allowPrivateTargets: true }),
    logger: createLogger('silent'),
    redactor: new SecretRedactor([]),
  });
  let items = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const page of client.listItems({ pageSize: 1000 })) items += page.records.length;
  return { items, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpu) };
}

async function sync(kind: string, tenantUrl: string, tokenUrl: string) {
  return withDatabase(kind, async (database, dir) => {
    await promisify(execFile)(process.execPath, [...process.execArgv, process.argv[1]!, 'migrate', JSON.stringify(database)]);
    const config = { ...loadConfig({ HUB_KEY_FILE: path.join(dir, 'keys.json'), HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_MIGRATE_ON_START: 'false' }), database };
    const hub = await openHub(config, createLogger('warn'));
    try {
      const { orgId } = await hub.services.orgs.createOrg('Bench');
      await hub.services.integrations.configure(orgId, 'sap-s4hana', { tenantUrl, credentials: credentials(tokenUrl) });
      // The run is a job, run by the hub's worker as in production; timed from its start to its end.
      hub.services.worker.start();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const run = await hub.services.sync.start(orgId, 'sap-s4hana');
      const result = resultOf((await hub.services.sync.whenDone(run.id))!);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = cpuSecondsSince(cpu);
      if (!result.success) throw new Error(`sync failed: ${result.message}`);
      return { items: result.itemsSynced, seconds, cpuSeconds, stored: await hub.services.db.item.count({ where: { orgId } }) };
    } finally {
      await hub.close();
    }
  });
}

if (mode === 'migrate') {
  await applyMigrations(JSON.parse(args[0]!) as DatabaseTarget);
  process.exit(0);
}
const result = mode === 'download' ? await download(args[0]!, args[1]!) : await sync(args[0]!, args[1]!, args[2]!);
const memory = memoryProbe
  ? { pages: heapAfterGc.length, heapAfterGcMb: { first: heapAfterGc[0], max: Math.max(...heapAfterGc), last: heapAfterGc.at(-1) } }
  : {};
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), startRssMb, ...memory }));
process.exit(0);
