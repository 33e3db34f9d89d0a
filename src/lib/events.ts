/**
 * The in-process (or, with REDIS_URL, cross-instance) event bus that domain services publish to
 * and GraphQL subscriptions read from. Payloads are plain JSON (ids, strings) so they survive
 * the trip through Redis unchanged.
 */
// The pub/sub of graphql-yoga, from its own small package: processes that serve no GraphQL
// (workers, REST-only traffic) do not load Yoga for it.
import { createPubSub } from '@graphql-yoga/subscription';

/** What happened to an integration: configured, its mappings changed, deleted, or its health changed. */
export const integrationChangeActions = ['CONFIGURED', 'MAPPINGS_UPDATED', 'DELETED', 'HEALTH_CHANGED'] as const;

export interface IntegrationChanged {
  orgId: string;
  integrationId: string;
  connectorType: string;
  action: (typeof integrationChangeActions)[number];
  at: string;
}

export function integrationChange(integration: { id: string; orgId: string; connectorType: string }, action: IntegrationChanged['action'], at = new Date()): IntegrationChanged {
  return { orgId: integration.orgId, integrationId: integration.id, connectorType: integration.connectorType, action, at: at.toISOString() };
}

/** A sync run changed (started, a page done, finished). Subscribers re-read the run by id. */
export interface SyncProgressed {
  orgId: string;
  runId: string;
  integrationId: string;
  connectorType: string;
  status: string;
}

/** An inbound webhook was received, or its processing status changed. Subscribers re-read the row. */
export interface WebhookEventChanged {
  orgId: string;
  eventId: string;
  integrationId: string;
  connectorType: string;
  status: string;
}

/** A transfer request changed status (queued, running, succeeded, retrying, failed, skipped). */
export interface TransferChanged {
  orgId: string;
  transferId: string;
  eventId: string;
  connectorType: string;
  status: string;
}

/** An outbound delivery attempt was made (and logged). */
export interface DeliveryAttempted {
  orgId: string;
  attemptId: string;
  deliveryId: string;
  endpointId: string;
  eventId: string;
  succeeded: boolean;
}

/** A webhook endpoint was created, changed, disabled (by the hub or a user), re-keyed or deleted. */
export interface EndpointChanged {
  orgId: string;
  endpointId: string;
  action: 'CREATED' | 'UPDATED' | 'DISABLED' | 'SECRET_ROTATED' | 'DELETED';
}

/**
 * Items or deliveries of an organization changed, and the change is committed. Carries counts
 * only: subscribers (`itemsChanged`) read the change feed from their own cursor.
 */
export interface RecordsChanged {
  orgId: string;
  kind: 'item' | 'delivery';
  source: string | null;
  count: number;
}

/** Topics are per organization, so a subscriber can only ever be handed its own org's events. */
export type HubTopics = {
  'integration-changed': [orgId: string, payload: IntegrationChanged];
  'sync-progress': [orgId: string, payload: SyncProgressed];
  'webhook-event': [orgId: string, payload: WebhookEventChanged];
  'transfer-changed': [orgId: string, payload: TransferChanged];
  'delivery-attempt': [orgId: string, payload: DeliveryAttempted];
  'endpoint-changed': [orgId: string, payload: EndpointChanged];
  /**
   * Deployment-wide, never served to subscribers: an organization's endpoints changed, so every
   * instance drops its cached subscriptions of that organization (SubscriptionCache).
   */
  'endpoint-subscriptions': [payload: { orgId: string }];
  'records-changed': [orgId: string, payload: RecordsChanged];
};

export type EventBus = ReturnType<typeof createPubSub<HubTopics>>;

export interface EventBusHandle {
  bus: EventBus;
  close(): Promise<void>;
}

/**
 * In-process by default. With a Redis URL every event goes through Redis pub/sub, so a
 * subscriber connected to one hub process sees what happens in all of them (a webhook received
 * by another instance, a sync run by another). Payloads are JSON with ids only. The Redis client
 * is loaded only then.
 */
export async function createEventBus(redisUrl?: string): Promise<EventBusHandle> {
  if (!redisUrl) return { bus: createPubSub<HubTopics>(), close: async () => {} };
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import('ioredis'), import('@graphql-yoga/redis-event-target')]);
  const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  return {
    bus: createPubSub<HubTopics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) }),
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
