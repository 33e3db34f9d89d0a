/**
 * `WebhookEvent` (an inbound hook as received) with its root fields: `webhookEvents`,
 * `webhookEvent`, the `replayWebhookEvents` mutation and the `webhookEvents` subscription
 * (received, then every status change).
 */
import { filter, pipe } from 'graphql-yoga';
import { MAX_REPLAY } from '../../domain/webhooks/webhook-events';
import type { WebhookEventChanged } from '../../lib/events';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';
import { domainErrors } from './errors';

export const WebhookEventStatusEnum = builder.enumType('WebhookEventStatus', {
  values: {
    RECEIVED: { value: 'received', description: 'Stored and acknowledged; waiting to be processed' },
    DISPATCHED: { value: 'dispatched', description: 'Turned into transfer requests, some still running' },
    PROCESSED: { value: 'processed', description: 'Every transfer succeeded' },
    PARTIAL: { value: 'partial', description: 'Some transfers failed' },
    FAILED: { value: 'failed', description: 'Every transfer failed' },
    SKIPPED: { value: 'skipped', description: 'Nothing to do: no enabled scope, or an event type the connector does not process' },
    DEAD: { value: 'dead', description: 'Processing failed on every attempt (dead letter); replay it once fixed' },
  } as const,
});

type EventStatus = (typeof WebhookEventStatusEnum)['$inferType'];

export const WebhookEventRef = builder.prismaNode('WebhookEvent', {
  ...inCallersOrg,
  id: { field: 'id' },
  description: 'An inbound webhook exactly as your host system sent it',
  fields: (t) => ({
    deliveryId: t.exposeString('id', { description: 'The id the sender was answered with (evt_…)' }),
    connectorType: t.exposeString('connectorType'),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    status: t.field({ type: WebhookEventStatusEnum, resolve: (event) => event.status as EventStatus }),
    body: t.exposeString('body', { description: 'The raw body (JSON text), byte for byte as signed' }),
    headers: t.string({ description: 'The request headers kept with it, as a JSON object', resolve: (event) => event.headers }),
    signatureScheme: t.exposeString('signatureScheme', { description: '"x-webhook-signature" or "standard-webhooks"' }),
    dedupKey: t.exposeString('dedupKey', { nullable: true, description: 'Repeated deliveries with this key were answered with this event and not processed again' }),
    transferCount: t.exposeInt('transferCount'),
    error: t.exposeString('error', { nullable: true }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true }),
    transfers: t.relation('transfers', { query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

const ReplayWebhookEventsInput = builder.inputType('ReplayWebhookEventsInput', {
  description: `Events to process again from their stored body: give eventIds, or a filter (at most ${MAX_REPLAY} per call)`,
  fields: (t) => ({
    eventIds: t.stringList(),
    connectorType: t.string(),
    statuses: t.field({ type: [WebhookEventStatusEnum] }),
    receivedSince: t.field({ type: 'DateTime' }),
  }),
});

const ReplayResultRef = builder.objectRef<{ queued: string[] }>('ReplayResult').implement({
  fields: (t) => ({
    queued: t.exposeStringList('queued', { description: 'Ids queued again (running ones are left to finish)' }),
  }),
});

builder.queryFields((t) => ({
  webhookEvents: t.prismaConnection({
    type: 'WebhookEvent',
    cursor: 'id',
    description: 'Inbound webhooks of your organization, newest first',
    args: { connectorType: t.arg.string(), status: t.arg({ type: WebhookEventStatusEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.webhookEvent.findMany({
        ...pageInCallersOrg(query, ctx),
        where: { orgId: orgIdOf(ctx), ...(args.connectorType ? { connectorType: args.connectorType } : {}), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  webhookEvent: t.prismaField({
    type: 'WebhookEvent',
    nullable: true,
    args: { deliveryId: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.services.db.webhookEvent.findFirst({ ...query, where: { id: args.deliveryId, orgId: orgIdOf(ctx) } }),
  }),
}));

builder.mutationFields((t) => ({
  replayWebhookEvents: t.field({
    type: ReplayResultRef,
    description: 'Processes stored webhooks again (e.g. after fixing a mapping or enabling a scope)',
    errors: { types: domainErrors },
    args: { input: t.arg({ type: ReplayWebhookEventsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      queued: await ctx.services.webhookEvents.replay(orgIdOf(ctx), {
        eventIds: input.eventIds ?? undefined,
        connectorType: input.connectorType ?? undefined,
        statuses: input.statuses ?? undefined,
        receivedSince: input.receivedSince ?? undefined,
      }),
    }),
  }),
}));

builder.subscriptionFields((t) => ({
  webhookEvents: t.field({
    type: WebhookEventRef,
    description: 'Inbound webhooks of your organization as they arrive, and again at every status change',
    args: { connectorType: t.arg.string({ description: 'Only webhooks of this connector type' }) },
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.services.events.subscribe('webhook-event', orgIdOf(ctx)),
        filter((event: WebhookEventChanged) => !args.connectorType || event.connectorType === args.connectorType),
      ),
    // Events carry ids only (they may cross processes through Redis); the row is read fresh.
    resolve: (event: WebhookEventChanged, _args, ctx) => ctx.services.db.webhookEvent.findFirstOrThrow({ where: { id: event.eventId, orgId: orgIdOf(ctx) } }),
  }),
}));
