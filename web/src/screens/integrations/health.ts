/**
 * How an integration is doing: the hub's own health state (a call to the host system failed for a
 * configuration reason: credentials refused, a wrong URL), then what its last sync and last
 * webhook say about single records.
 */
import type { IntegrationSummaryFragment } from '../../gql/graphql';

export interface Health {
  state: 'healthy' | 'attention' | 'degraded' | 'disabled' | 'not synced';
  label: string;
  reason: string | null;
}

export function healthOf(integration: IntegrationSummaryFragment): Health {
  const { syncStatus: s, health } = integration;
  if (!integration.enabled) return { state: 'disabled', label: 'Disabled', reason: 'Syncs and webhooks are off until it is enabled' };
  if (health.status === 'NEEDS_ATTENTION') return { state: 'attention', label: 'Needs attention', reason: health.reason ?? null };
  if (s.lastSyncStatus === 'FAILED' || s.lastWebhookStatus === 'FAILED') return { state: 'degraded', label: 'Last run failed', reason: s.lastError };
  if (s.lastSyncStatus === 'NEEDS_CONFIRMATION') {
    return { state: 'attention', label: 'Deletions need confirmation', reason: 'The last full sync would remove more items than the integration allows: confirm or discard its removals' };
  }
  if (s.lastSyncStatus === 'PARTIAL' || s.lastWebhookStatus === 'PARTIAL') return { state: 'degraded', label: 'Some records failed', reason: s.lastError };
  if (!s.lastSyncAt && !s.lastWebhookAt) return { state: 'not synced', label: 'Not synced yet', reason: null };
  return { state: 'healthy', label: 'Healthy', reason: null };
}
