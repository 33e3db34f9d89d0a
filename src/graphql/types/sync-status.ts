/** `SyncStatus`: the outcome of the latest sync and the latest inbound webhook of an integration. */
import type { Integration } from '../../generated/sqlite/client';
import { latestError } from '../../domain/integrations/status';
import type { HeldDeletions, LastSyncCounts } from '../../domain/sync/deletions';
import type { RunCounts } from '../../domain/sync/run-counts';
import { syncRunStatuses, type SyncRunStatus } from '../../domain/sync/run-status';
import { builder } from '../builder';
import { IntegrationHealthRef } from './failure';

/** Every status of the domain's union (the Record makes a missing one a compile error). */
const runOutcomeDescriptions: Record<SyncRunStatus, string | undefined> = {
  running: undefined,
  success: undefined,
  partial: 'Finished, but some records failed',
  failed: undefined,
  needs_confirmation: 'A full run would remove more items than settings.maxDeletePercent allows (or the host returned none): nothing was removed; confirm or discard',
};

export const RunOutcomeEnum = builder.enumType('RunOutcome', {
  values: Object.fromEntries(syncRunStatuses.map((status) => [status.toUpperCase(), { value: status, description: runOutcomeDescriptions[status] }])) as Record<
    Uppercase<SyncRunStatus>,
    { value: SyncRunStatus; description?: string }
  >,
});

type Outcome = SyncRunStatus;

export const SyncCountsRef = builder.objectRef<RunCounts>('SyncCounts').implement({
  description: 'What a sync run did to the items',
  fields: (t) => ({
    added: t.exposeInt('added', { description: 'Stored for the first time' }),
    updated: t.exposeInt('updated', { description: 'Stored with changed values (or active again)' }),
    unchanged: t.exposeInt('unchanged', { description: 'Read with the values already stored' }),
    removed: t.exposeInt('removed', { description: 'Deactivated or deleted (deleteHandling): the host system no longer has them' }),
    failed: t.exposeInt('failed', { description: 'Records that could not be stored' }),
  }),
});

export const HeldDeletionsRef = builder.objectRef<HeldDeletions>('HeldDeletions').implement({
  description: 'Removals a full sync held back (mass-deletion guard) until they are confirmed or discarded',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Items the run would remove' }),
    sampleIds: t.exposeStringList('sampleIds', { description: 'Host-system ids of some of them (at most 10)' }),
  }),
});

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
    lastSyncRunId: t.string({ nullable: true, description: 'The run lastSyncStatus belongs to (the one to confirm or discard)', resolve: (i) => i.lastSyncRunId }),
    lastSyncCounts: t.field({ type: SyncCountsRef, nullable: true, resolve: (i) => i.lastSyncCounts as LastSyncCounts | null }),
    heldDeletions: t.field({
      type: HeldDeletionsRef,
      nullable: true,
      description: 'With lastSyncStatus NEEDS_CONFIRMATION: what the run would remove',
      resolve: (i) => (i.lastSyncCounts as LastSyncCounts | null)?.heldDeletions ?? null,
    }),
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
