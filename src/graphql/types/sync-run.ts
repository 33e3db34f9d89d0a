/**
 * `SyncRun` with its root fields: `syncRuns`, `syncRun`, `testConnection`, `startSync`, and the
 * `syncProgress` subscription (started, every page, finished).
 */
import { filter, pipe } from 'graphql-yoga';
import type { RecordError } from '../../domain/mapping/map-item';
import { runCounts } from '../../domain/sync/run-counts';
import type { SyncRunStatus } from '../../domain/sync/run-status';
import { ConflictError } from '../../domain/errors';
import type { SyncProgressed } from '../../lib/events';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';
import { domainErrors } from './errors';
import { FailableRef } from './failure';
import { HeldDeletionsRef, RunOutcomeEnum, SyncCountsRef } from './sync-status';

type Outcome = SyncRunStatus;

const DeletionDecisionEnum = builder.enumType('DeletionDecision', {
  description: 'What became of the removals a run held back',
  values: {
    CONFIRMED: { value: 'confirmed', description: 'Applied' },
    DISCARDED: { value: 'discarded', description: 'Dropped: the items stayed' },
    SUPERSEDED: { value: 'superseded', description: 'A later complete full run replaced them' },
  } as const,
});

const SyncModeEnum = builder.enumType('SyncMode', {
  values: {
    FULL: { value: 'full', description: 'Read every record' },
    INCREMENTAL: { value: 'incremental', description: 'Read records changed since the last successful run' },
  } as const,
});

const SyncRecordErrorRef = builder.objectRef<RecordError>('SyncRecordError').implement({
  description: 'A record the sync could not store, and why',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The record's id in the host system" }),
    field: t.exposeString('field', { nullable: true, description: 'The target field at fault' }),
    message: t.exposeString('message'),
  }),
});

export const SyncRunRef = builder.prismaNode('SyncRun', {
  ...inCallersOrg,
  id: { field: 'id' },
  interfaces: [FailableRef],
  fields: (t) => ({
    runId: t.exposeString('id'),
    connectorType: t.exposeString('connectorType'),
    status: t.field({ type: RunOutcomeEnum, resolve: (run) => run.status as Outcome }),
    mode: t.field({ type: SyncModeEnum, resolve: (run) => run.mode as 'full' | 'incremental' }),
    trigger: t.exposeString('trigger', { description: '"manual" or "schedule"' }),
    changedSince: t.expose('changedSince', { type: 'DateTime', nullable: true }),
    pages: t.exposeInt('pages'),
    itemsTotal: t.exposeInt('itemsTotal', {
      nullable: true,
      description: 'Records the host system reported for the whole listing (known after the first page; null when it does not say)',
    }),
    itemsSeen: t.exposeInt('itemsSeen'),
    itemsSynced: t.exposeInt('itemsSynced'),
    errorCount: t.exposeInt('errorCount'),
    counts: t.field({ type: SyncCountsRef, description: 'Items added, updated, unchanged, removed and failed so far', resolve: (run) => runCounts(run) }),
    heldDeletions: t.field({
      type: HeldDeletionsRef,
      nullable: true,
      description: 'Removals the mass-deletion guard held back (status NEEDS_CONFIRMATION, or decided since)',
      resolve: (run) => (run.heldDeletions === null ? null : { count: run.heldDeletions, sampleIds: (run.heldSampleIds ?? []) as string[] }),
    }),
    deletionDecision: t.field({ type: DeletionDecisionEnum, nullable: true, resolve: (run) => run.deletionDecision as 'confirmed' | 'discarded' | 'superseded' | null }),
    errors: t.field({ type: [SyncRecordErrorRef], description: 'The first record errors (all are counted in errorCount)', resolve: (run) => run.errors as unknown as RecordError[] }),
    error: t.exposeString('error', { nullable: true, description: 'Why the run failed as a whole' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ConnectionTestRef = builder.objectRef<{ success: boolean; message: string }>('ConnectionTest').implement({
  fields: (t) => ({
    success: t.exposeBoolean('success'),
    message: t.exposeString('message'),
  }),
});

builder.queryFields((t) => ({
  syncRuns: t.prismaConnection({
    type: 'SyncRun',
    cursor: 'id',
    description: 'Sync runs of your organization, newest first',
    args: { connectorType: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.syncRun.findMany({
        ...pageInCallersOrg(query, ctx),
        where: { orgId: orgIdOf(ctx), ...(args.connectorType ? { connectorType: args.connectorType } : {}) },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  syncRun: t.prismaField({
    type: 'SyncRun',
    nullable: true,
    args: { runId: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.services.db.syncRun.findFirst({ ...query, where: { id: args.runId, orgId: orgIdOf(ctx) } }),
  }),
}));

builder.mutationFields((t) => ({
  testConnection: t.field({
    type: ConnectionTestRef,
    description: 'Checks the credentials and reachability of the host system',
    errors: { types: domainErrors },
    args: { connectorType: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.sync.testConnection(orgIdOf(ctx), args.connectorType),
  }),
  startSync: t.field({
    type: SyncRunRef,
    description: 'Starts a sync in the background and returns the run at once; follow it with `syncProgress`',
    errors: { types: [...domainErrors, ConflictError] },
    args: { connectorType: t.arg.string({ required: true }), mode: t.arg({ type: SyncModeEnum, defaultValue: 'full' }) },
    resolve: (_root, args, ctx) => ctx.services.sync.start(orgIdOf(ctx), args.connectorType, { mode: args.mode ?? 'full' }),
  }),
  confirmSyncDeletions: t.field({
    type: SyncRunRef,
    description: 'Applies the removals a full sync held back (status NEEDS_CONFIRMATION), per deleteHandling; items written since the run started are spared',
    errors: { types: [...domainErrors, ConflictError] },
    args: { runId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.syncDeletions.confirm(orgIdOf(ctx), args.runId),
  }),
  discardSyncDeletions: t.field({
    type: SyncRunRef,
    description: 'Drops the removals a full sync held back: the items stay; the next full sync looks again',
    errors: { types: [...domainErrors, ConflictError] },
    args: { runId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.syncDeletions.discard(orgIdOf(ctx), args.runId),
  }),
}));

builder.subscriptionFields((t) => ({
  syncProgress: t.field({
    type: SyncRunRef,
    description: 'Sync runs of your organization as they progress: started, after every page, finished',
    args: { runId: t.arg.string({ description: 'Only this run' }), connectorType: t.arg.string({ description: 'Only runs of this connector' }) },
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.services.events.subscribe('sync-progress', orgIdOf(ctx)),
        filter((event: SyncProgressed) => (!args.runId || event.runId === args.runId) && (!args.connectorType || event.connectorType === args.connectorType)),
      ),
    // Events carry ids only (they may cross processes through Redis); the row is read fresh.
    resolve: async (event: SyncProgressed, _args, ctx) => ctx.services.db.syncRun.findFirstOrThrow({ where: { id: event.runId, orgId: orgIdOf(ctx) } }),
  }),
}));
