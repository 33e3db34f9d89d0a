/** `SyncStatus`: the outcome of the latest sync and the latest inbound webhook of an integration. */
import type { Integration } from '../../generated/sqlite/client';
import { latestError } from '../../domain/integrations/status';
import { builder } from '../builder';
import { IntegrationHealthRef } from './failure';

export const RunOutcomeEnum = builder.enumType('RunOutcome', {
  values: {
    RUNNING: { value: 'running' },
    SUCCESS: { value: 'success' },
    PARTIAL: { value: 'partial', description: 'Finished, but some records failed' },
    FAILED: { value: 'failed' },
  } as const,
});

type Outcome = (typeof RunOutcomeEnum)['$inferType'];

const WebhookOutcomeEnum = builder.enumType('WebhookOutcome', {
  description: 'How the latest settled inbound webhook ended',
  values: {
    SUCCESS: { value: 'success' },
    PARTIAL: { value: 'partial', description: 'Some of its transfers failed' },
    FAILED: { value: 'failed' },
    SKIPPED: { value: 'skipped', description: 'It named nothing the integration acts on' },
  } as const,
});

export const SyncStatusRef = builder.objectRef<Integration>('SyncStatus').implement({
  fields: (t) => ({
    lastSyncAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.lastSyncAt }),
    lastSyncStatus: t.field({ type: RunOutcomeEnum, nullable: true, resolve: (i) => i.lastSyncStatus as Outcome | null }),
    lastSyncItemCount: t.int({ nullable: true, resolve: (i) => i.lastSyncItemCount }),
    lastWebhookAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.lastWebhookAt }),
    lastWebhookStatus: t.field({ type: WebhookOutcomeEnum, nullable: true, resolve: (i) => i.lastWebhookStatus as (typeof WebhookOutcomeEnum)['$inferType'] | null }),
    lastError: t.string({
      nullable: true,
      description: 'The error of the most recent sync or webhook, whichever happened last',
      resolve: latestError,
    }),
    health: t.field({ type: IntegrationHealthRef, resolve: (i) => i }),
  }),
});
