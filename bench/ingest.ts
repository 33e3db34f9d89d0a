/**
 * ingest: signed webhooks per second with durable acknowledgement (each answer only after its
 * event committed), at 32 and 128 connections, against a bare node:http server measured in the
 * same run; and webhook → subscriber latency at a fixed rate over graphql-ws.
 */
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';
import { startIngestServer, stopIngestServer, type IngestServer as Server } from './ingest-server-process';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface IngestOptions {
  connections: number[];
  seconds: number;
  dbs: string[];
  /** Webhooks per second for the latency measurement. */
  rate: number;
}


interface Load {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}



const body = '{"outboundDelivery": "80000001"}';

async function load(server: Server, connections: number, seconds: number): Promise<Load> {
  const path = server.orgId ? `/api/v1/integrations/webhook/sap-s4hana/${server.orgId}` : '/webhook';
  const signature = `sha256=${createHmac('sha256', server.secret ?? 'bare').update(body).digest('hex')}`;
  const result = await autocannon({
    url: `${server.url}${path}`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': signature },
    body,
  });
  return { connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

/** Sends `rate` webhooks a second for `seconds`; the latency of each is from just before its request to its arrival on the subscription. */
async function subscriberLatency(server: Server, rate: number, seconds: number): Promise<{ count: number; p50: number; p99: number }> {
  const client = createClient({ url: `${server.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { 'X-Api-Key': server.apiKey } });
  const arrived = new Map<string, number>();
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe<{ webhookEvents: { deliveryId: string; status: string } }>(
    { query: 'subscription { webhookEvents { deliveryId status } }' },
    { next: ({ data }) => data && data.webhookEvents.status === 'RECEIVED' && arrived.set(data.webhookEvents.deliveryId, performance.now()), error: () => undefined, complete: () => undefined },
  );
  await connected;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const sent = new Map<string, number>();
  const requests: Promise<void>[] = [];
  const total = rate * seconds;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const payload = JSON.stringify({ outboundDelivery: '80000001', n });
    const at = performance.now();
    requests.push(
      fetch(`${server.url}/api/v1/integrations/webhook/sap-s4hana/${server.orgId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-signature': `sha256=${createHmac('sha256', server.secret!).update(payload).digest('hex')}` },
        body: payload,
      }).then(async (res) => void sent.set(((await res.json()) as { deliveryId: string }).deliveryId, at)),
    );
  }
  await Promise.all(requests);
  await new Promise((resolve) => setTimeout(resolve, 500));
  dispose();
  await client.dispose();
  const latencies = [...sent].filter(([id]) => arrived.has(id)).map(([id, at]) => arrived.get(id)! - at).sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { count: latencies.length, p50: pick(0.5), p99: pick(0.99) };
}

export async function ingestScenario(options: IngestOptions): Promise<Record<string, unknown>> {
  const warmup = Math.min(2, options.seconds);
  const rows: string[] = [];
  const results: Record<string, unknown> = {};
  const measure = async (server: Server) => {
    const loads: Load[] = [];
    for (const connections of options.connections) {
      await load(server, connections, warmup);
      loads.push(await load(server, connections, options.seconds));
    }
    return loads;
  };

  const bare = await startIngestServer(['bare']);
  const bareLoads = await measure(bare);
  await stopIngestServer(bare);
  results.bare = bareLoads;
  for (const l of bareLoads) rows.push(`| bare node:http | ${l.connections} | ${Math.round(l.rps)} | ${l.p50} | ${l.p99} | 1.00 |`);

  for (const db of options.dbs) {
    const hub = await startIngestServer(['hub', db]);
    const loads = await measure(hub);
    const latency = await subscriberLatency(hub, options.rate, Math.max(3, Math.min(10, options.seconds)));
    await stopIngestServer(hub);
    results[db] = { loads, latency };
    loads.forEach((l, i) => {
      const ratio = l.rps / bareLoads[i]!.rps;
      rows.push(`| hub, ${db} | ${l.connections} | ${Math.round(l.rps)} | ${l.p50} | ${l.p99} | ${ratio.toFixed(2)} |${l.failed ? ` ${l.failed} failed` : ''}`);
    });
    rows.push(`| hub, ${db}: webhook → subscriber at ${options.rate}/s | | | ${latency.p50.toFixed(1)} | ${latency.p99.toFixed(1)} | (${latency.count} events) |`);
  }
  console.log(['', '| server | connections | requests/s | p50 ms | p99 ms | ÷ bare |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n'));
  return results;
}
