// Runs the in-house JSON API simulator for a demo of the generic-http connector:
//   npm run sim:json-api -- --port 4020 --items 1000 --paging cursor --auth oauth2

import { parseArgs } from 'node:util';
import { createJsonApiSimulator, itemHook, orderLineHook, prefixedHook, type AuthMode, type PagingStyle } from './index';
import { runCli } from '../shared/serve';

const PAGING = ['none', 'page', 'offset', 'cursor', 'link'] as const;
const AUTH = ['none', 'header', 'bearer', 'basic', 'oauth2'] as const;

const USAGE = `Usage: tsx tools/json-api-simulator/cli.ts [options]
  --port <n>          port to listen on (default 4020; 0 = random)
  --host <addr>       interface (default 127.0.0.1)
  --items <n>         generated items (default 1000)
  --orders <n>        generated orders (default 20)
  --seed <n>          data seed (default 1)
  --paging <style>    ${PAGING.join(' | ')} (default page)
  --max-page <n>      largest page served (default 100)
  --auth <type>       ${AUTH.join(' | ')} (default header)`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

async function main(): Promise<{ close(): Promise<void> } | undefined> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      items: { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      paging: { type: 'string' },
      'max-page': { type: 'string' },
      auth: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sim = await createJsonApiSimulator({
    port: integer(values.port, 'port', 4020),
    host: values.host,
    items: integer(values.items, 'items', 1000),
    orders: integer(values.orders, 'orders', 20),
    seed: integer(values.seed, 'seed', 1),
    paging: oneOf<PagingStyle>(values.paging, 'paging', PAGING, 'page'),
    maxPageSize: integer(values['max-page'], 'max-page', 100),
    auth: oneOf<AuthMode>(values.auth, 'auth', AUTH, 'header'),
  });

  const [firstItem = 1001, secondItem = 1002, thirdItem = 1003] = sim.itemIds();
  const order = sim.order(sim.orderIds()[0] ?? 5001);
  const body = { tenantUrl: sim.url, enabled: true, credentials: sim.integrationCredentials(), settings: { webhookSecret: 'whsec_demo_secret', ...sim.connectorSettings() } };
  const hooks = [
    itemHook('updated', [firstItem, secondItem, thirdItem]),
    ...(order ? [orderLineHook(order.id, order.lines[0]!.lineId)] : []),
    prefixedHook(`Car:${firstItem}`),
  ];
  console.log(`In-house JSON API simulator (${sim.itemIds().length} items, ${sim.orderIds().length} orders; paging ${sim.paging}, auth ${sim.auth})

  Base URL    ${sim.url}
  Token URL   ${sim.tokenUrl}
  Items       ${sim.url}/items, ${sim.url}/items/${firstItem}
  Orders      ${sim.url}/orders/${order?.id ?? 5001}
  Credentials ${JSON.stringify(sim.integrationCredentials())}

Integration body (PUT /api/v1/integrations/generic-http; run the hub with HUB_ALLOW_PRIVATE_TARGETS=true):
${JSON.stringify(body, null, 2)}

Hook bodies it understands (sign with X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body, key whsec_demo_secret>):
${hooks.map((hook) => `  ${JSON.stringify(hook)}`).join('\n')}

Ctrl+C stops it.`);

  return sim;
}

runCli(main, USAGE);
