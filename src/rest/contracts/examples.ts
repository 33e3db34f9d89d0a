/**
 * The integrations guide's request and response bodies, as written, and the hub's full answers
 * around them (the guide shows some answers in part: the hub's carry more fields, filled in here
 * with the guide's values). The OpenAPI test validates every one against its schema.
 */
import { sapS4hana } from '../../connectors/sap-s4hana/definition';

const itemMappings = { sku: 'MaterialNumber', length: 'GrossLength', width: 'GrossWidth', height: 'GrossHeight', weight: 'GrossWeight' };

export const connectorsExample = [
  {
    connectorType: 'sap-s4hana',
    displayName: 'SAP S/4HANA',
    description: 'Sync materials and deliveries from SAP S/4HANA',
    requiredCredentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
  },
];

export const configureExample = {
  tenantUrl: 'https://my-sap-instance.s4hana.cloud',
  enabled: true,
  credentials: {
    clientId: 'your-client-id',
    clientSecret: 'your-client-secret',
    tokenUrl: 'https://my-sap-instance.authentication.us10.hana.ondemand.com/oauth/token',
  },
  settings: { webhookSecret: 'whsec_abc123...' },
  fieldMappings: { itemMappings },
};

export const mappingsExample = {
  itemMappings: {
    sku: 'MaterialNumber',
    name: 'MaterialDescription',
    length: 'GrossLength',
    width: 'GrossWidth',
    height: 'GrossHeight',
    weight: 'GrossWeight',
    category: 'MaterialGroup',
  },
  deliveryMappings: { orderId: 'DeliveryNumber', sku: 'MaterialNumber', quantity: 'DeliveryQuantity' },
};

export const defaultMappingsExample = sapS4hana.defaultMappings;

export const connectionTestExample = { success: true, message: 'Connection successful' };

const counts = { added: 12, updated: 40, unchanged: 1195, removed: 3, failed: 0 };

export const syncResultExample = { success: true, itemsSynced: 1247, errors: [], runId: 'run_8f2k1m0q9x3v5t7w4y6z', status: 'success', counts };

export const heldSyncRunExample = {
  runId: 'run_8f2k1m0q9x3v5t7w4y6z',
  status: 'success',
  itemsSynced: 240,
  counts: { added: 0, updated: 0, unchanged: 240, removed: 1007, failed: 0 },
  deletionDecision: 'confirmed',
};
export const syncStillRunningExample = { runId: 'run_9x2k4m7q1w3e5r8t', status: 'running' };

const healthy = { status: 'healthy', reason: null, since: null };

export const syncStatusExample = {
  lastSyncAt: '2026-04-03T14:30:00Z',
  lastSyncStatus: 'success',
  lastSyncItemCount: 1247,
  lastSyncRunId: 'run_8f2k1m0q9x3v5t7w4y6z',
  lastSyncCounts: counts,
  heldDeletions: null,
  lastWebhookAt: '2026-04-03T14:35:00Z',
  lastWebhookStatus: 'success',
  lastError: null,
  health: healthy,
};

export const integrationExample = {
  id: 'int_3k2v9x0q4m1r8t6w2y5z',
  connectorType: 'sap-s4hana',
  tenantUrl: 'https://my-sap-instance.s4hana.cloud',
  enabled: true,
  credentialFields: ['clientId', 'clientSecret', 'tokenUrl'],
  settings: {
    webhookSecretConfigured: true,
    previousWebhookSecretValidUntil: null,
    syncIntervalMinutes: null,
    webhookScopes: ['item/created', 'item/updated', 'delivery/created', 'delivery/updated'],
    webhookAllowedOrigins: [],
    deleteHandling: 'deactivate',
    maxDeletePercent: 20,
    requireTimestampedSignatures: false,
  },
  fieldMappings: { itemMappings, deliveryMappings: sapS4hana.defaultMappings.deliveryMappings },
  webhookUrl: 'https://api.fractalpack.com/api/v1/integrations/webhook/sap-s4hana/org_abc123',
  syncStatus: syncStatusExample,
  health: healthy,
  createdAt: '2026-04-03T14:00:00.000Z',
  updatedAt: '2026-04-03T14:35:00.000Z',
};

export const webhookBodyExample = { outboundDelivery: '80000001' };
export const webhookAckExample = { success: true, deliveryId: 'evt_abc123' };
