/**
 * The domain services of one running hub, built once at start-up and handed to every transport
 * (GraphQL, REST, WebSocket, CLI). Transports never touch the database directly.
 */
import type { JobSettings, OutboundSettings } from './config';
import type { Registry } from 'prom-client';
import { poolStatsOf, type Db } from './db/connection';
import { InboxStore } from './db/inbox-store';
import { JobStore } from './db/job-store';
import { databaseMetrics } from './db/metrics';
import type { Provider } from './db/provider-schemas';
import { ChangeFeed } from './domain/changes/feed-service';
import { Connections } from './domain/connections';
import { Deliverer } from './domain/events/deliverer';
import { JobBacklog } from './domain/jobs/backlog';
import { EndpointService } from './domain/events/endpoints';
import { EventTypeService } from './domain/events/event-types';
import { EventOutbox } from './domain/events/outbox';
import { Publisher } from './domain/events/publish';
import { Retention } from './domain/events/retention';
import { RetrySchedule } from './domain/events/retry-schedule';
import { MessageLog } from './domain/events/message-log';
import { SubscriptionCache } from './domain/events/subscriptions';
import { IntegrationHealth } from './domain/integrations/health';
import { IntegrationService } from './domain/integrations/integration-service';
import { Authenticator, type AuthFailureLimit } from './domain/orgs/authenticator';
import { OrgService } from './domain/orgs/org-service';
import { SecretResealer } from './domain/secrets/reseal';
import { SealedSecrets } from './domain/secrets/sealed-secrets';
import { SyncDeletions } from './domain/sync/deletions';
import { SyncScheduler } from './domain/sync/scheduler';
import { SyncJob } from './domain/sync/sync-job';
import { SyncService } from './domain/sync/sync-service';
import { TransferRunner } from './domain/transfers/transfer-runner';
import { WebhookIngest } from './domain/webhooks/ingest';
import { EventProcessor, PROCESS_QUEUE } from './domain/webhooks/process-event';
import { WebhookEvents } from './domain/webhooks/webhook-events';
import { WebhookTargets } from './domain/webhooks/targets';
import { JobWorker } from './jobs/worker';
import { systemClock, type Clock } from './lib/clock';
import type { Keyring } from './lib/crypto/keyring';
import type { EventBus } from './lib/events';
import { backoffDelay } from './lib/http/retry-policy';
import { createOutboundHttp } from './lib/http/outbound';
import type { Logger } from './lib/logger';
import { RateLimiter } from './lib/rate-limiter';

export interface Services {
  db: Db;
  events: EventBus;
  logger: Logger;
  orgs: OrgService;
  /** API-key authentication for the transports, with its limit on failures per client address. */
  auth: Authenticator;
  integrations: IntegrationService;
  sync: SyncService;
  /** Confirms or discards the removals a sync run held back (mass-deletion guard). */
  syncDeletions: SyncDeletions;
  /** The change feed of items and deliveries (pages after a cursor, live batches). */
  changes: ChangeFeed;
  scheduler: SyncScheduler;
  webhooks: WebhookIngest;
  webhookEvents: WebhookEvents;
  endpoints: EndpointService;
  /** The product's own event types (deployment-wide), beside the hub's. */
  eventTypes: EventTypeService;
  /** Publishing the product's events to its organizations' endpoints. */
  publisher: Publisher;
  /** Re-seals every stored secret with the active key (`hub -- secrets reseal`). */
  resealer: SecretResealer;
  outbox: EventOutbox;
  /** The organization's outbound messages with their deliveries, by type, status and time. */
  messageLog: MessageLog;
  /** Each organization's endpoint subscriptions, cached for the outbox; closed with the hub. */
  subscriptions: SubscriptionCache;
  retention: Retention;
  worker: JobWorker;
  /**
   * Tells whoever runs this process's jobs that new ones were committed: the in-process worker,
   * and a worker thread when the jobs run in one (it adds itself with `add`).
   */
  jobWakeups: Set<() => void>;
  /** An organization's job backlog (queue depth and the age of its oldest waiting job). */
  backlog: JobBacklog;
  /** The metrics read from this hub's database at scrape time (the process's own are in lib/metrics). */
  metrics: Registry;
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
  outbound: OutboundSettings;
  authFailures: AuthFailureLimit;
  /** The hub's clock, read by every service and the job worker (tests move it instead of sleeping). */
  clock?: Clock;
}

export function createServices(deps: ServiceDeps): Services {
  const { db, provider, keyring, events, logger, publicUrl, allowPrivateTargets, jobs, outbound, authFailures } = deps;
  const clock = deps.clock ?? systemClock;
  const http = createOutboundHttp({ allowPrivateTargets });
  const jobStore = new JobStore(db, provider);
  const schedule = new RetrySchedule(outbound.retryScheduleMs);
  const subscriptions = new SubscriptionCache(events);
  subscriptions.listen();
  const outbox = new EventOutbox(jobStore, provider, subscriptions, schedule.maxAttempts, clock);
  const secrets = new SealedSecrets(keyring);
  const integrations = new IntegrationService(db, secrets, events, outbox, clock);
  const connections = new Connections(integrations, http, logger);
  const health = new IntegrationHealth(outbox, events);
  const sync = new SyncService(db, provider, integrations, connections, events, outbox, health, logger, {
    clock, jobs: jobStore, maxAttempts: jobs.maxAttempts, waitMs: jobs.syncWaitMs,
  });
  const eventTypes = new EventTypeService(db, { clock });
  const endpoints = new EndpointService(db, secrets, outbox, jobStore, events, subscriptions, eventTypes, {
    allowPrivateTargets, secretOverlapMs: outbound.secretOverlapMs, deliverAttempts: schedule.maxAttempts, clock,
  });
  const deliverer = new Deliverer(db, http, endpoints, outbox, events, subscriptions, new RateLimiter(() => clock().getTime()), logger, {
    timeoutMs: outbound.timeoutMs, disableAfterMs: outbound.disableAfterMs, schedule, clock, signature: outbound.signature,
  });
  const worker = new JobWorker(
    db,
    jobStore,
    [
      new EventProcessor(db, provider, jobStore, events, outbox, { transferAttempts: jobs.maxAttempts, clock }),
      new TransferRunner(db, provider, connections, events, outbox, health, logger, { clock }),
      deliverer,
      new SyncJob(sync),
    ],
    logger,
    {
      concurrency: jobs.concurrency,
      leaseMs: jobs.leaseMs,
      pollMs: jobs.pollMs,
      retryDelayMs: (failed) => backoffDelay(failed, undefined, { baseDelayMs: jobs.retryBaseMs, maxDelayMs: jobs.retryMaxMs }),
      clock,
    },
  );
  const jobWakeups = new Set<() => void>([() => worker.wake()]);
  const wakeJobs = () => {
    for (const wake of jobWakeups) wake();
  };
  outbox.onCommitted(wakeJobs);
  const orgs = new OrgService(db, clock);
  const inbox = new InboxStore(db, provider, { queue: PROCESS_QUEUE, maxAttempts: jobs.maxAttempts });
  return {
    db,
    events,
    logger,
    publicUrl,
    orgs,
    auth: new Authenticator(orgs, authFailures),
    integrations,
    sync,
    syncDeletions: new SyncDeletions(db, outbox, events, { provider, clock }),
    changes: new ChangeFeed(db, provider, events),
    scheduler: new SyncScheduler(db, sync, logger, clock),
    webhooks: new WebhookIngest(new WebhookTargets(integrations, clock), inbox, events, { onStored: wakeJobs, clock }),
    webhookEvents: new WebhookEvents(db, jobStore, events, { maxAttempts: jobs.maxAttempts, wake: wakeJobs, clock }),
    endpoints,
    eventTypes,
    publisher: new Publisher(db, eventTypes, outbox, { clock }),
    resealer: new SecretResealer(db, secrets),
    outbox,
    subscriptions,
    messageLog: new MessageLog(db, provider),
    retention: new Retention(db, outbound.retentionMs, logger, clock),
    worker,
    jobWakeups,
    backlog: new JobBacklog(jobStore, { queues: worker.queues, clock }),
    metrics: databaseMetrics({ jobs: jobStore, queues: worker.queues, pool: poolStatsOf(db), clock }),
  };
}

export function webhookUrl(services: Services, connectorType: string, orgId: string): string {
  return `${services.publicUrl}/api/v1/integrations/webhook/${encodeURIComponent(connectorType)}/${orgId}`;
}
