/**
 * The hub's bound on a connection test fires: a connector bounds its own test (the shared frame's
 * deadline), and the hub bounds the whole call on top of it for a connector that does not keep to
 * its deadline. A stand-in client plays that misbehaving plug-in; everything around it (database,
 * the integration and its service) is the real hub.
 */
import { JobStore } from '../../src/db/job-store';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import type { ConnectorClient } from '../../src/connectors/types';
import { IntegrationHealth } from '../../src/domain/integrations/health';
import { Connections } from '../../src/domain/connections';
import { defaultTuning, SyncService } from '../../src/domain/sync/sync-service';
import { systemClock } from '../../src/lib/clock';
import { createOutboundHttp } from '../../src/lib/http/outbound';
import { testProvider } from '../support/database';
import { startTestHub, type TestHub } from '../support/hub';
import { configureSap, startSap } from '../support/sap';

let hub: TestHub;
let sap: SapSimulator;
let orgId: string;

beforeAll(async () => {
  [hub, sap] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), startSap({ products: 10 })]);
  const org = await hub.createOrg();
  orgId = org.orgId;
  await configureSap(hub, org.apiKey, sap);
});
afterAll(async () => {
  await hub?.stop();
  await sap?.close();
});

/** Hands out one given client for every integration. */
class OneClient extends Connections {
  constructor(private readonly client: ConnectorClient) {
    super(hub.services.integrations, createOutboundHttp({ allowPrivateTargets: false }), hub.services.logger);
  }

  override clientFor(): ConnectorClient {
    return this.client;
  }

  override newClientFor(): ConnectorClient {
    return this.client;
  }
}

function syncServiceWith(client: ConnectorClient, connectionTestMs: number): SyncService {
  const { db, integrations, events, outbox, logger } = hub.services;
  return new SyncService(db, hub.config.database.provider, integrations, new OneClient(client), events, outbox, new IntegrationHealth(outbox, events), logger, {
    clock: systemClock,
    tuning: { ...defaultTuning, connectionTestMs },
    jobs: new JobStore(db, hub.config.database.provider),
    maxAttempts: 1,
    waitMs: 0,
  });
}

const unused = () => {
  throw new Error('not used by a connection test');
};

describe(`the hub's bound on a connection test (${testProvider})`, () => {
  it('answers when it fires, for a connector that ignores its signal, and aborts that signal', async () => {
    const signals: AbortSignal[] = [];
    const ignoring: ConnectorClient = {
      testConnection: (signal) => {
        signals.push(signal!);
        return new Promise(() => undefined); // never settles, whatever its signal says
      },
      listItems: unused,
      fetchItem: unused,
      fetchDelivery: unused,
    };
    const started = Date.now();
    const result = await Promise.race([syncServiceWith(ignoring, 400).testConnection(orgId, 'sap-s4hana'), sleep(5_000, 'no answer')]);
    expect(result).toEqual({ success: false, message: 'Connection test did not finish within 400 ms: the connector did not stop at its own deadline' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it("leaves a connector's own answer alone when it comes in time", async () => {
    const answering: ConnectorClient = {
      testConnection: async () => ({ success: false, message: 'SAP token endpoint did not answer before the deadline' }),
      listItems: unused,
      fetchItem: unused,
      fetchDelivery: unused,
    };
    expect(await syncServiceWith(answering, 400).testConnection(orgId, 'sap-s4hana')).toEqual({ success: false, message: 'SAP token endpoint did not answer before the deadline' });
  });

  it('answers a connector that throws (against its contract) with a message, not an error', async () => {
    const throwing: ConnectorClient = {
      testConnection: async () => {
        throw new Error('boom at /internal/path with token abc');
      },
      listItems: unused,
      fetchItem: unused,
      fetchDelivery: unused,
    };
    const result = await syncServiceWith(throwing, 400).testConnection(orgId, 'sap-s4hana');
    expect(result).toEqual({ success: false, message: 'Connection test failed: internal error in the connector; see the hub log' });
  });
});
