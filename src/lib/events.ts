/**
 * The in-process (or, with REDIS_URL, cross-instance) event bus that domain services publish to
 * and GraphQL subscriptions read from. Payloads are plain JSON (ids, strings) so they survive
 * the trip through Redis unchanged.
 */
import { createPubSub } from 'graphql-yoga';

export interface IntegrationChanged {
  orgId: string;
  integrationId: string;
  connectorType: string;
  action: 'CONFIGURED' | 'MAPPINGS_UPDATED' | 'DELETED';
  at: string;
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

/** Topics are per organization, so a subscriber can only ever be handed its own org's events. */
export type HubTopics = {
  'integration-changed': [orgId: string, payload: IntegrationChanged];
  'sync-progress': [orgId: string, payload: SyncProgressed];
  'webhook-event': [orgId: string, payload: WebhookEventChanged];
  'transfer-changed': [orgId: string, payload: TransferChanged];
};

export function createEventBus(eventTarget?: Parameters<typeof createPubSub>[0] extends infer O ? O extends { eventTarget?: infer T } ? T : never : never) {
  return createPubSub<HubTopics>(eventTarget ? { eventTarget } : undefined);
}

export type EventBus = ReturnType<typeof createEventBus>;
