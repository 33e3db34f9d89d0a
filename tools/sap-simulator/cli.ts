// Runs the SAP S/4HANA Cloud simulator for a demo:
//   npx tsx tools/sap-simulator/cli.ts --port 4010 --products 1000 --seed 1

import { parseArgs } from 'node:util';
import { createSapSimulator, DELIVERY_SERVICE_PATH, PRODUCT_SERVICE_PATH } from './index';
import { runCli } from '../shared/serve';

const USAGE = `Usage: tsx tools/sap-simulator/cli.ts [options]
  --port <n>            port to listen on (default 4010; 0 = random)
  --host <addr>         interface (default 127.0.0.1)
  --products <n>        generated products (default 1000)
  --deliveries <n>      generated outbound deliveries (default 25)
  --seed <n>            data seed (default 1)
  --client-id <id>      OAuth client id / communication user (default sim-client)
  --client-secret <s>   OAuth client secret / password (default sim-secret)
  --token-ttl <s>       token lifetime in seconds (default 43199)
  --language <EN|DE>    logon language (default EN)`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

async function main(): Promise<{ close(): Promise<void> } | undefined> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      products: { type: 'string' },
      deliveries: { type: 'string' },
      seed: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'token-ttl': { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const language = (values.language ?? 'EN').toUpperCase();
  if (language !== 'EN' && language !== 'DE') throw new Error(`--language must be EN or DE, got '${values.language}'`);

  const sim = await createSapSimulator({
    port: integer(values.port, 'port', 4010),
    host: values.host,
    products: integer(values.products, 'products', 1000),
    deliveries: integer(values.deliveries, 'deliveries', 25),
    seed: integer(values.seed, 'seed', 1),
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : integer(values['token-ttl'], 'token-ttl', 43199),
    language,
  });

  const [firstDelivery] = sim.deliveryIds();
  const basic = Buffer.from(`${encodeURIComponent(sim.clientId)}:${encodeURIComponent(sim.clientSecret)}`).toString('base64');
  console.log(`SAP S/4HANA Cloud simulator (${sim.productIds().length} products, ${sim.deliveryIds().length} deliveries)

  Tenant URL     ${sim.url}
  Token URL      ${sim.tokenUrl}
  Client id      ${sim.clientId}
  Client secret  ${sim.clientSecret}
  Products       ${sim.url}${PRODUCT_SERVICE_PATH}/A_Product
  Deliveries     ${sim.url}${DELIVERY_SERVICE_PATH}/A_OutbDeliveryHeader

Try:
  TOKEN=$(curl -s -X POST '${sim.tokenUrl}' -H 'Authorization: Basic ${basic}' \\
    -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' \\
    '${sim.url}${PRODUCT_SERVICE_PATH}/A_Product?$top=2&$expand=to_Description,to_ProductUnitsOfMeasure&$inlinecount=allpages'
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' \\
    "${sim.url}${DELIVERY_SERVICE_PATH}/A_OutbDeliveryHeader('${firstDelivery ?? '80000001'}')?\\$expand=to_DeliveryDocumentItem"

Ctrl+C stops it.`);

  return sim;
}

runCli(main, USAGE);
