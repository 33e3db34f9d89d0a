/**
 * The domain services of one running hub, built once at start-up and handed to every transport
 * (GraphQL, REST, WebSocket, CLI). Transports never touch the database directly.
 */
import type { JobSettings } from './config';
import type { Db } from './db/connection';
import { InboxStore } from './db/inbox-store';
import { JobStore } from './db/job-store';
import type { Provider } from './db/provider-schemas';
import { Connections } from './domain/connections';
import { IntegrationService } from './domain/integrations/integration-service';
import { OrgService } from './domain/orgs/org-service';
import { SyncScheduler } from './domain/sync/scheduler';
import { SyncService } from './domain/sync/sync-service';
import { TransferRunner } from './domain/transfers/transfer-runner';
import { WebhookIngest } from './domain/webhooks/ingest';
import { EventProcessor, PROCESS_QUEUE } from './domain/webhooks/process-event';
import { WebhookEvents } from './domain/webhooks/webhook-events';
import { WebhookTargets } from './domain/webhooks/targets';
import { JobWorker } from './jobs/worker';
import type { Keyring } from './lib/crypto/keyring';
import type { EventBus } from './lib/events';
import { backoffDelay } from './lib/http/retry-policy';
import { createOutboundHttp } from './lib/http/outbound';
import type { Logger } from './lib/logger';

export interface Services {
  db: Db;
  events: EventBus;
  logger: Logger;
  orgs: OrgService;
  integrations: IntegrationService;
  sync: SyncService;
  scheduler: SyncScheduler;
  webhooks: WebhookIngest;
  webhookEvents: WebhookEvents;
  worker: JobWorker;
  /** Base of the URLs this hub shows to users (webhook URLs), without a trailing slash. */
  publicUrl: string;
}

export interface ServiceDeps {
  db: Db;
  provider: Provider;
  keyring: Keyring;
  events: EventBus;
  logger: Logger;
  publicUrl: string;
  allowPrivateTargets: boolean;
  jobs: JobSettings;
}

export function createServices({ db, provider, keyring, events, logger, publicUrl, allowPrivateTargets, jobs }: ServiceDeps): Services {
  const integrations = new IntegrationService(db, keyring, events);
  const connections = new Connections(integrations, createOutboundHttp({ allowPrivateTargets }), logger);
  const sync = new SyncService(db, provider, integrations, connections, events, logger);
  const jobStore = new JobStore(db, provider);
  const worker = new JobWorker(
    db,
    jobStore,
    [new EventProcessor(db, provider, jobStore, events, jobs.maxAttempts), new TransferRunner(db, provider, connections, events, logger)],
    logger,
    {
      concurrency: jobs.concurrency,
      leaseMs: jobs.leaseMs,
      pollMs: jobs.pollMs,
      retryDelayMs: (failed) => backoffDelay(failed, undefined, { baseDelayMs: jobs.retryBaseMs, maxDelayMs: jobs.retryMaxMs }),
    },
  );
  const inbox = new InboxStore(db, provider, { queue: PROCESS_QUEUE, maxAttempts: jobs.maxAttempts });
  return {
    db,
    events,
    logger,
    publicUrl,
    orgs: new OrgService(db),
    integrations,
    sync,
    scheduler: new SyncScheduler(db, sync, logger),
    webhooks: new WebhookIngest(new WebhookTargets(integrations), inbox, events, () => worker.wake()),
    webhookEvents: new WebhookEvents(db, jobStore, events, jobs.maxAttempts, () => worker.wake()),
    worker,
  };
}

export function webhookUrl(services: Services, connectorType: string, orgId: string): string {
  return `${services.publicUrl}/api/v1/integrations/webhook/${encodeURIComponent(connectorType)}/${orgId}`;
}
