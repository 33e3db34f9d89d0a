/**
 * How an integration is doing, from what the API reports about its last sync and last webhook.
 * When the API reports a health state of its own, show that instead of deriving one here.
 */
import type { IntegrationSummaryFragment } from '../../gql/graphql';

export interface Health {
  state: 'healthy' | 'attention' | 'degraded' | 'disabled' | 'not synced';
  label: string;
  reason: string | null;
}

export function healthOf(integration: IntegrationSummaryFragment): Health {
  const { syncStatus: s } = integration;
  if (!integration.enabled) return { state: 'disabled', label: 'Disabled', reason: 'Syncs and webhooks are off until it is enabled' };
  if (s.lastSyncStatus === 'FAILED' || s.lastWebhookStatus === 'FAILED') return { state: 'attention', label: 'Needs attention', reason: s.lastError };
  if (s.lastSyncStatus === 'PARTIAL' || s.lastWebhookStatus === 'PARTIAL') return { state: 'degraded', label: 'Some records failed', reason: s.lastError };
  if (!s.lastSyncAt && !s.lastWebhookAt) return { state: 'not synced', label: 'Not synced yet', reason: null };
  return { state: 'healthy', label: 'Healthy', reason: null };
}
