/**
 * `TransferRequest` (one record a hook named, seed 002) with `transferRequests`,
 * `retryTransferRequests` and the `transferRequestUpdated` subscription.
 */
import { filter, pipe } from 'graphql-yoga';
import type { TransferChanged } from '../../lib/events';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';
import { domainErrors } from './errors';

export const TransferStatusEnum = builder.enumType('TransferStatus', {
  values: {
    QUEUED: { value: 'queued' },
    RUNNING: { value: 'running' },
    RETRYING: { value: 'retrying', description: 'An attempt failed; another is scheduled' },
    SUCCEEDED: { value: 'succeeded' },
    FAILED: { value: 'failed', description: 'Failed for good (attempts used up, or the record cannot be transferred)' },
    SKIPPED: { value: 'skipped', description: 'Its scope is not enabled, or its real scope could not be resolved' },
  } as const,
});

type TransferStatus = (typeof TransferStatusEnum)['$inferType'];

builder.prismaNode('TransferRequest', {
  ...inCallersOrg,
  id: { field: 'id' },
  description: 'One record a webhook asked to bring over, processed and retried on its own',
  fields: (t) => ({
    transferId: t.exposeString('id'),
    connectorType: t.exposeString('connectorType'),
    scope: t.exposeString('scope', { description: '<entity>/<action>, e.g. delivery/updated' }),
    receivedScope: t.exposeString('receivedScope', { nullable: true, description: 'The scope the hook arrived with, when a prerequisite step resolved the real one' }),
    externalId: t.exposeString('externalId', { description: "The record's id in the host system" }),
    status: t.field({ type: TransferStatusEnum, resolve: (transfer) => transfer.status as TransferStatus }),
    attempts: t.exposeInt('attempts'),
    error: t.exposeString('error', { nullable: true }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'upserted, deactivated, deleted or not_found' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    event: t.relation('event'),
  }),
});

builder.queryFields((t) => ({
  transferRequests: t.prismaConnection({
    type: 'TransferRequest',
    cursor: 'id',
    description: 'Transfer requests of your organization, newest first',
    args: {
      connectorType: t.arg.string(),
      status: t.arg({ type: TransferStatusEnum }),
      deliveryId: t.arg.string({ description: 'Only those of this webhook event' }),
      externalId: t.arg.string(),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.transferRequest.findMany({
        ...pageInCallersOrg(query, ctx),
        where: {
          orgId: orgIdOf(ctx),
          ...(args.connectorType ? { connectorType: args.connectorType } : {}),
          ...(args.status ? { status: args.status } : {}),
          ...(args.deliveryId ? { eventId: args.deliveryId } : {}),
          ...(args.externalId ? { externalId: args.externalId } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  retryTransferRequests: t.field({
    type: ['String'],
    description: 'Queues failed transfer requests again with fresh attempts; returns the ids queued',
    errors: { types: domainErrors },
    args: { transferIds: t.arg.stringList({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.webhookEvents.retryTransfers(orgIdOf(ctx), args.transferIds),
  }),
}));

builder.subscriptionFields((t) => ({
  transferRequestUpdated: t.prismaField({
    type: 'TransferRequest',
    description: 'Transfer requests of your organization as their status changes',
    args: { connectorType: t.arg.string(), deliveryId: t.arg.string({ description: 'Only those of this webhook event' }) },
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.services.events.subscribe('transfer-changed', orgIdOf(ctx)),
        filter((event: TransferChanged) => (!args.connectorType || event.connectorType === args.connectorType) && (!args.deliveryId || event.eventId === args.deliveryId)),
      ),
    resolve: (query, event: TransferChanged, _args, ctx) =>
      ctx.services.db.transferRequest.findFirstOrThrow({ ...query, where: { id: event.transferId, orgId: orgIdOf(ctx) } }),
  }),
}));
