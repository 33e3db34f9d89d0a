/** REST representations (seed 000 field names). Secrets are never part of any of them. */
import type { ConnectorDefinition } from '../connectors/types';
import { integrationPolicy } from '../domain/webhooks/scopes';
import { connectorSettings, storedMappings, type Integration } from '../domain/integrations/integration-service';
import { latestError } from '../domain/integrations/status';
import { webhookUrl, type Services } from '../services';

export function connectorJson(connector: ConnectorDefinition) {
  return {
    connectorType: connector.connectorType,
    displayName: connector.displayName,
    description: connector.description,
    requiredCredentialFields: connector.requiredCredentialFields,
  };
}

export function syncStatusJson(i: Integration) {
  return {
    lastSyncAt: i.lastSyncAt?.toISOString() ?? null,
    lastSyncStatus: i.lastSyncStatus,
    lastSyncItemCount: i.lastSyncItemCount,
    lastWebhookAt: i.lastWebhookAt?.toISOString() ?? null,
    lastWebhookStatus: i.lastWebhookStatus,
    lastError: latestError(i),
  };
}

export function integrationJson(i: Integration, services: Services) {
  const policy = integrationPolicy(i);
  return {
    id: i.id,
    connectorType: i.connectorType,
    tenantUrl: i.tenantUrl,
    enabled: i.enabled,
    credentialFields: i.credentialFields as string[],
    settings: {
      ...connectorSettings(i.settings),
      webhookSecretConfigured: i.webhookSecretSealed !== null,
      previousWebhookSecretValidUntil: i.previousWebhookSecretSealed ? (i.previousWebhookSecretUntil?.toISOString() ?? null) : null,
      syncIntervalMinutes: i.syncIntervalMinutes,
      webhookScopes: [...policy.enabledScopes],
      deleteHandling: policy.deleteHandling,
      requireTimestampedSignatures: policy.requireTimestampedSignatures,
    },
    fieldMappings: storedMappings(i),
    webhookUrl: webhookUrl(services, i.connectorType, i.orgId),
    syncStatus: syncStatusJson(i),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
