/**
 * The domain services of one running hub, built once at start-up and handed to every transport
 * (GraphQL, REST, WebSocket, CLI). Transports never touch the database directly.
 */
import type { Db } from './db/connection';
import type { Provider } from './db/provider-schemas';
import { Connections } from './domain/connections';
import { IntegrationService } from './domain/integrations/integration-service';
import { OrgService } from './domain/orgs/org-service';
import { SyncScheduler } from './domain/sync/scheduler';
import { SyncService } from './domain/sync/sync-service';
import type { Keyring } from './lib/crypto/keyring';
import type { EventBus } from './lib/events';
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
}

export function createServices({ db, provider, keyring, events, logger, publicUrl, allowPrivateTargets }: ServiceDeps): Services {
  const integrations = new IntegrationService(db, keyring, events);
  const connections = new Connections(integrations, createOutboundHttp({ allowPrivateTargets }), logger);
  const sync = new SyncService(db, provider, integrations, connections, events, logger);
  return {
    db,
    events,
    logger,
    publicUrl,
    orgs: new OrgService(db),
    integrations,
    sync,
    scheduler: new SyncScheduler(db, sync, logger),
  };
}

export function webhookUrl(services: Services, connectorType: string, orgId: string): string {
  return `${services.publicUrl}/api/v1/integrations/webhook/${encodeURIComponent(connectorType)}/${orgId}`;
}
