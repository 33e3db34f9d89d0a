/** REST representations (seed 000 field names). Secrets are never part of any of them. */
import type { ConnectorDefinition } from '../connectors/types';
import { allowedOrigins } from '../domain/webhooks/handshake';
import { integrationPolicy } from '../domain/webhooks/scopes';
import { connectorSettings, storedMappings, type Integration } from '../domain/integrations/integration-service';
import { latestError } from '../domain/integrations/status';
import { deletionPolicy, type LastSyncCounts } from '../domain/sync/deletions';
import { runCounts } from '../domain/sync/run-counts';
import type { SyncRun } from '../domain/sync/sync-service';
import { webhookUrl, type Services } from '../services';

export function connectorJson(connector: ConnectorDefinition) {
  return {
    connectorType: connector.connectorType,
    displayName: connector.displayName,
    description: connector.description,
    requiredCredentialFields: connector.requiredCredentialFields,
  };
}

/** Whether the integration works: `needs_attention` (and why) after a configuration failure. */
function healthJson(i: Integration) {
  return { status: i.health, reason: i.healthReason, since: i.healthChangedAt?.toISOString() ?? null };
}

export function syncStatusJson(i: Integration) {
  const summary = i.lastSyncCounts as LastSyncCounts | null;
  return {
    lastSyncAt: i.lastSyncAt?.toISOString() ?? null,
    lastSyncStatus: i.lastSyncStatus,
    lastSyncItemCount: i.lastSyncItemCount,
    lastSyncRunId: i.lastSyncRunId,
    lastSyncCounts: summary ? { added: summary.added, updated: summary.updated, unchanged: summary.unchanged, removed: summary.removed, failed: summary.failed } : null,
    heldDeletions: summary?.heldDeletions ?? null,
    lastWebhookAt: i.lastWebhookAt?.toISOString() ?? null,
    lastWebhookStatus: i.lastWebhookStatus,
    lastError: latestError(i),
    health: healthJson(i),
  };
}

/** A sync run whose held removals were confirmed or discarded. */
export function decidedJson(run: SyncRun) {
  return { runId: run.id, status: run.status, deletionDecision: run.deletionDecision, itemsSynced: run.itemsSynced, counts: runCounts(run) };
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
      webhookAllowedOrigins: allowedOrigins(i),
      deleteHandling: policy.deleteHandling,
      maxDeletePercent: deletionPolicy(i).maxDeletePercent,
      requireTimestampedSignatures: policy.requireTimestampedSignatures,
    },
    fieldMappings: storedMappings(i),
    webhookUrl: webhookUrl(services, i.connectorType, i.orgId),
    syncStatus: syncStatusJson(i),
    health: healthJson(i),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
