/**
 * The hub's own events, as consumers receive them (seed 003): every delivery's body is
 * `{"id": "msg_…", "event": "<type>", "timestamp": "<RFC 3339>", "data": {…}}`. Each type has a
 * description and an example of its data, served by `eventTypes` and used by "send test event".
 */
export interface EventType {
  type: string;
  description: string;
  example: Record<string, unknown>;
}

const integration = { connectorType: 'sap-s4hana', integrationId: 'int_3k2v9x0q4m1r8t6w2y5z' };
const syncRun = { ...integration, runId: 'run_8f2k1m0q9x3v5t7w4y6z', mode: 'full', trigger: 'manual' };
const syncCounts = { added: 12, updated: 40, unchanged: 1195, removed: 3, failed: 0 };
const webhook = { ...integration, deliveryId: 'evt_5h1m2k8q0x3v9t7w4y6z', receivedAt: '2026-04-03T14:35:00.000Z' };
const transfer = { ...integration, transferId: 'trq_1x9k2m8q0v3t7w4y6z5h', deliveryId: webhook.deliveryId, scope: 'delivery/updated', externalId: '80000001' };
const item = { ...integration, itemId: 'itm_2m8q0x3v9t7w4y6z5h1k', sku: 'TG11', name: 'Trading Good 11', lengthMm: 300, widthMm: 200, heightMm: 150, weightKg: 2.4, active: true };
const delivery = { ...integration, deliveryRecordId: 'dlv_7w4y6z5h1k2m8q0x3v9t', orderId: '80000001', lines: 2 };

export const eventTypes: readonly EventType[] = [
  { type: 'sync.started', description: 'A sync of master data started', example: { ...syncRun, startedAt: '2026-04-03T14:29:40.000Z' } },
  {
    type: 'sync.completed',
    description: 'A sync finished; some records may have failed (status "partial"). counts: items added, updated, unchanged, removed (the host no longer has them) and failed. After held removals were decided, deletions says "confirmed" or "discarded"',
    example: { ...syncRun, status: 'success', itemsSynced: 1247, errorCount: 0, counts: syncCounts, finishedAt: '2026-04-03T14:30:00.000Z' },
  },
  {
    type: 'sync.deletions_held',
    description: 'A full sync would remove more items than settings.maxDeletePercent allows (or the host returned no record): nothing was removed, and the run waits for confirmSyncDeletions or discardSyncDeletions',
    example: { ...syncRun, status: 'needs_confirmation', itemsSynced: 240, errorCount: 0, counts: { added: 0, updated: 0, unchanged: 240, removed: 0, failed: 0 }, heldDeletions: { count: 1007, sampleIds: ['FG-100001', 'FG-100002'] }, finishedAt: '2026-04-03T14:30:00.000Z' },
  },
  { type: 'sync.failed', description: 'A sync stopped because the host system failed; errorClass says whose fault it is', example: { ...syncRun, error: 'SAP answered HTTP 503 for A_Product (API_PRODUCT_SRV)', errorClass: 'transient', retryable: true, itemsSynced: 400 } },
  {
    type: 'items.changed',
    description: 'A page of a sync (or its end, for removals) changed items: the counts and the ids of the changed items, one event per page rather than per item; read the change feed for the details',
    example: { ...syncRun, page: 3, created: 2, updated: 1, deactivated: 0, deleted: 0, itemIds: ['itm_2m8q0x3v9t7w4y6z5h1k', 'itm_7k1m0q9x3v5t7w4y6z2h', 'itm_9x3v5t7w4y6z2h7k1m0q'] },
  },
  { type: 'webhook.received', description: 'An inbound webhook was accepted and is being processed', example: { ...webhook, transfers: 1 } },
  { type: 'webhook.processed', description: 'Every transfer of an inbound webhook ended; status "processed", "partial" or "skipped"', example: { ...webhook, status: 'processed', error: null } },
  { type: 'webhook.failed', description: 'An inbound webhook could not be processed, or all its transfers failed', example: { ...webhook, status: 'failed', error: '1 of 1 transfer(s) failed; first: 80000001: sap-s4hana has no delivery "80000001"', errorClass: 'data', retryable: false } },
  { type: 'transfer.completed', description: 'A transfer request brought its record over', example: { ...transfer, outcome: 'upserted' } },
  { type: 'transfer.failed', description: 'A transfer request failed for good: attempts used up (transient), or not worth retrying (configuration, data)', example: { ...transfer, attempts: 8, error: 'SAP answered HTTP 503 for A_OutbDeliveryHeader(\'80000001\') (API_OUTBOUND_DELIVERY_SRV)', errorClass: 'transient', retryable: true } },
  { type: 'item.created', description: 'An item arrived from a host system for the first time (through a webhook)', example: item },
  { type: 'item.updated', description: 'An item changed in its host system (through a webhook)', example: item },
  { type: 'item.deactivated', description: 'An item was deleted in its host system and marked inactive', example: { ...integration, sku: 'TG11', externalId: 'TG11' } },
  { type: 'item.deleted', description: 'An item was deleted in its host system and removed (deleteHandling "delete")', example: { ...integration, sku: 'TG11', externalId: 'TG11' } },
  { type: 'delivery.created', description: 'An outbound delivery arrived from a host system for the first time', example: delivery },
  { type: 'delivery.updated', description: 'An outbound delivery changed in its host system', example: delivery },
  { type: 'delivery.deactivated', description: 'A delivery was deleted in its host system and marked inactive', example: { ...integration, orderId: '80000001', externalId: '80000001' } },
  { type: 'delivery.deleted', description: 'A delivery was deleted in its host system and removed', example: { ...integration, orderId: '80000001', externalId: '80000001' } },
  { type: 'integration.updated', description: 'An integration was configured or its mappings changed (never carries secrets)', example: { ...integration, action: 'CONFIGURED', enabled: true } },
  { type: 'integration.deleted', description: 'An integration was deleted', example: integration },
  { type: 'integration.unhealthy', description: 'Calls to the host system fail for a configuration reason (refused credentials, a wrong URL): the integration needs attention', example: { ...integration, errorClass: 'configuration', reason: 'SAP rejected the client credentials (invalid_client): check clientId and clientSecret', since: '2026-04-03T14:31:00.000Z' } },
  { type: 'integration.healthy', description: 'An integration that needed attention works again (a call to the host system succeeded)', example: { ...integration, since: '2026-04-03T15:02:00.000Z' } },
  { type: 'endpoint.disabled', description: 'Operational: a webhook endpoint was disabled (410 Gone, or failing without success for too long)', example: { endpointId: 'ep_4y6z5h1k2m8q0x3v9t7w', url: 'https://your-app.com/webhook', reason: 'failing', failingSince: '2026-03-29T14:30:00.000Z' } },
];

const byType = new Map(eventTypes.map((eventType) => [eventType.type, eventType]));

export function findEventType(type: string): EventType | undefined {
  return byType.get(type);
}

/**
 * Whether an endpoint's subscription pattern takes an event type: an exact name, `*` for all, or
 * a prefix ending in `.*` (`item.*` takes `item.created`, not `items.x`).
 */
export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}

/** A pattern that matches no type of the catalog is almost certainly a typo; say so. */
export function isKnownPattern(pattern: string): boolean {
  return eventTypes.some((eventType) => patternMatches(pattern, eventType.type));
}
