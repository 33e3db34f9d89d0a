/**
 * Outbound webhooks in GraphQL: `WebhookEndpoint` with its root fields, the event catalog
 * (`eventTypes`), messages and attempt logs, and the live `deliveryAttempts` /
 * `webhookEndpointChanged` subscriptions. Secrets appear only in `createWebhookEndpoint`,
 * `rotateWebhookEndpointSecret` and the explicit `webhookEndpointSecret` query.
 */
import { PothosValidationError } from '@pothos/core';
import { filter, pipe } from 'graphql-yoga';
import type { CatalogEntry } from '../../domain/events/event-types';
import { ConflictError, ValidationError } from '../../domain/errors';
import { decodeCursor, deliveryStatuses, encodeCursor, MAX_PAGE } from '../../domain/events/message-log';
import type { WebhookEndpoint } from '../../domain/events/endpoints';
import type { DeliveryAttempted, EndpointChanged } from '../../lib/events';
import { builder } from '../builder';
import { orgIdOf } from '../context';
import { inCallersOrg, pageInCallersOrg } from '../org-scope';
import { domainErrors } from './errors';

export const EventTypeRef = builder.objectRef<CatalogEntry>('EventType').implement({
  description: "An event type webhook endpoints can subscribe to: one of the hub's own, or one the product defines",
  fields: (t) => ({
    type: t.exposeString('type'),
    description: t.exposeString('description'),
    exampleData: t.field({ type: 'JSONObject', description: 'An example of its `data`', resolve: (e) => e.example }),
    origin: t.exposeString('origin', { description: '"hub" (the hub\'s own, read-only) or "product" (defined with a platform key)' }),
    schema: t.field({ type: 'JSONObject', nullable: true, description: "The JSON Schema (2020-12) its data is validated against; null for the hub's own types", resolve: (e) => e.schema }),
    archived: t.exposeBoolean('archived', { description: 'An archived type takes no new events' }),
  }),
});

const WebhookEndpointRef = builder.prismaNode('WebhookEndpoint', {
  ...inCallersOrg,
  id: { field: 'id' },
  description: 'Where your organization receives the hub\'s events, signed',
  fields: (t) => ({
    endpointId: t.exposeString('id'),
    url: t.exposeString('url'),
    description: t.exposeString('description', { nullable: true }),
    eventTypes: t.stringList({ description: 'Event types it receives: names or patterns ("item.*", "*")', resolve: (e) => JSON.parse(e.eventTypes) as string[] }),
    enabled: t.exposeBoolean('enabled'),
    disabledReason: t.exposeString('disabledReason', { nullable: true, description: '"manual", "gone" (it answered 410) or "failing"' }),
    rateLimitPerSecond: t.exposeInt('rateLimitPerSecond', { nullable: true }),
    failingSince: t.expose('failingSince', { type: 'DateTime', nullable: true, description: 'First failure since the last success' }),
    previousSecretValidUntil: t.field({ type: 'DateTime', nullable: true, resolve: (e) => (e.previousSecretSealed ? e.previousSecretUntil : null) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('DeliveryAttempt', {
  description: 'One HTTP attempt of a delivery, as the receiver answered it',
  fields: (t) => ({
    attemptId: t.exposeString('id'),
    endpointId: t.exposeString('endpointId'),
    eventId: t.string({ select: { delivery: { select: { eventId: true } } }, resolve: (a) => a.delivery.eventId }),
    attemptedAt: t.expose('attemptedAt', { type: 'DateTime' }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'Null when no answer came (network error, timeout, refused target)' }),
    latencyMs: t.exposeInt('latencyMs'),
    responseBody: t.exposeString('responseBody', { nullable: true, description: 'The first 1 KiB of the answer' }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

builder.prismaNode('EventDelivery', {
  ...inCallersOrg,
  id: { field: 'id' },
  name: 'WebhookMessage',
  description: 'One event on its way to one endpoint',
  fields: (t) => ({
    eventId: t.exposeString('eventId', { description: 'The webhook-id of every attempt (msg_…)' }),
    endpointId: t.exposeString('endpointId'),
    eventType: t.string({ select: { event: { select: { type: true } } }, resolve: (d) => d.event.type }),
    payload: t.string({ select: { event: { select: { payload: true } } }, description: 'The exact body sent', resolve: (d) => d.event.payload }),
    status: t.exposeString('status', { description: 'pending, succeeded, failed or cancelled (endpoint disabled)' }),
    attempts: t.exposeInt('attempts'),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When it succeeded, failed for good or was cancelled' }),
    attemptLog: t.relation('attemptLog', { query: { orderBy: { attemptedAt: 'asc' } } }),
  }),
});

const OutboundMessageRef = builder.prismaNode('HubEvent', {
  ...inCallersOrg,
  id: { field: 'id' },
  name: 'OutboundMessage',
  description: 'One event sent to your endpoints (the message log), with its delivery to each endpoint',
  fields: (t) => ({
    messageId: t.exposeString('id', { description: 'msg_…: the webhook-id of every delivery' }),
    eventType: t.exposeString('type'),
    payload: t.exposeString('payload', { description: 'The exact body every delivery sends' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.relation('deliveries', { description: 'One per endpoint it went to', query: { orderBy: { endpointId: 'asc' } } }),
  }),
});

const DeliveryStatusEnum = builder.enumType('DeliveryStatus', {
  description: 'pending, succeeded, failed (attempts used up, or 410) or cancelled (endpoint disabled)',
  values: deliveryStatuses.map((status) => status.toUpperCase()),
});

const EndpointInput = builder.inputType('WebhookEndpointInput', {
  fields: (t) => ({
    url: t.string(),
    eventTypes: t.stringList(),
    description: t.string(),
    enabled: t.boolean(),
    rateLimitPerSecond: t.int({ description: 'Deliveries per second at most; null: no limit' }),
  }),
});

const CreatedEndpointRef = builder.objectRef<{ endpoint: WebhookEndpoint; secret: string }>('CreatedWebhookEndpoint').implement({
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpointRef, resolve: (r) => r.endpoint }),
    secret: t.exposeString('secret', { description: 'The signing secret (whsec_…): store it now; read it again with webhookEndpointSecret' }),
  }),
});

const EndpointSecretRef = builder.objectRef<{ secret: string; previousSecret: string | null; previousSecretValidUntil: Date | null }>('WebhookEndpointSecret').implement({
  fields: (t) => ({
    secret: t.exposeString('secret'),
    previousSecret: t.exposeString('previousSecret', { nullable: true, description: 'Still signing beside the new one until previousSecretValidUntil' }),
    previousSecretValidUntil: t.expose('previousSecretValidUntil', { type: 'DateTime', nullable: true }),
  }),
});

const EndpointChangedRef = builder.objectRef<EndpointChanged>('WebhookEndpointChanged').implement({
  fields: (t) => ({
    action: t.exposeString('action', { description: 'CREATED, UPDATED, DISABLED, SECRET_ROTATED or DELETED' }),
    endpointId: t.exposeString('endpointId'),
    endpoint: t.field({ type: WebhookEndpointRef, nullable: true, resolve: (e, _args, ctx) => ctx.services.db.webhookEndpoint.findFirst({ where: { id: e.endpointId, orgId: e.orgId } }) }),
  }),
});

/** Undefined stays "unchanged"; null clears a nullable field. */
function endpointFields(input: typeof EndpointInput.$inferInput) {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

builder.queryFields((t) => ({
  eventTypes: t.field({ skipTypeScopes: true, authScopes: { org: true, platform: true }, type: [EventTypeRef], description: "The event types endpoints can subscribe to, the hub's and the product's, with example data", resolve: (_root, _args, ctx) => ctx.services.eventTypes.list() }),
  webhookEndpoints: t.prismaField({
    type: ['WebhookEndpoint'],
    resolve: (query, _root, _args, ctx) => ctx.services.db.webhookEndpoint.findMany({ ...query, where: { orgId: orgIdOf(ctx) }, orderBy: { createdAt: 'asc' } }),
  }),
  webhookEndpoint: t.prismaField({
    type: 'WebhookEndpoint',
    nullable: true,
    args: { endpointId: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.services.db.webhookEndpoint.findFirst({ ...query, where: { id: args.endpointId, orgId: orgIdOf(ctx) } }),
  }),
  webhookEndpointSecret: t.field({
    type: EndpointSecretRef,
    description: "An endpoint's signing secret(s), on explicit request",
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.endpoints.secret(orgIdOf(ctx), args.endpointId),
  }),
  webhookMessages: t.prismaConnection({
    type: 'EventDelivery',
    cursor: 'id',
    description: "An endpoint's messages, newest first",
    args: { endpointId: t.arg.string({ required: true }), status: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.eventDelivery.findMany({
        ...pageInCallersOrg(query, ctx),
        where: { orgId: orgIdOf(ctx), endpointId: args.endpointId, ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  messageLog: t.connection({
    type: OutboundMessageRef,
    description:
      'Your messages (events sent to your endpoints), newest first, by type, delivery status (a delivery in that status) and time range; ' +
      `forward pages (first ≤ ${MAX_PAGE}, after). A cursor only pages your own organization's log.`,
    args: {
      eventType: t.arg.string(),
      status: t.arg({ type: DeliveryStatusEnum }),
      since: t.arg({ type: 'DateTime', description: 'Created at or after' }),
      until: t.arg({ type: 'DateTime', description: 'Created before' }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.last != null || args.before != null) throw new PothosValidationError('messageLog pages forward only: use first and after');
      const first = args.first ?? 50;
      if (first < 1 || first > MAX_PAGE) throw new PothosValidationError(`first must be from 1 to ${MAX_PAGE}`);
      const orgId = orgIdOf(ctx);
      let after: ReturnType<typeof decodeCursor> | undefined;
      try {
        after = args.after ? decodeCursor(args.after, 'after') : undefined;
      } catch (error) {
        throw error instanceof ValidationError ? new PothosValidationError(error.message) : error;
      }
      const empty = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
      // Another organization's cursor pages nothing, as a deleted row's would (see ../org-scope.ts).
      if (after && after.orgId !== orgId) return empty;
      const filter = { type: args.eventType ?? undefined, status: (args.status?.toLowerCase() as (typeof deliveryStatuses)[number] | undefined), since: args.since ?? undefined, until: args.until ?? undefined };
      const ids = await ctx.services.messageLog.ids(orgId, filter, first + 1, after);
      const shown = ids.slice(0, first);
      const rows = new Map((await ctx.services.db.hubEvent.findMany({ where: { id: { in: shown }, orgId } })).map((row) => [row.id, row]));
      const edges = shown.flatMap((id) => {
        const node = rows.get(id);
        return node ? [{ cursor: encodeCursor(orgId, node), node }] : [];
      });
      return { edges, pageInfo: { hasNextPage: ids.length > first, hasPreviousPage: after !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  }),
  deliveryAttempts: t.prismaConnection({
    type: 'DeliveryAttempt',
    cursor: 'id',
    description: "An endpoint's attempt log, newest first",
    args: { endpointId: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.deliveryAttempt.findMany({ ...pageInCallersOrg(query, ctx), where: { orgId: orgIdOf(ctx), endpointId: args.endpointId }, orderBy: [{ attemptedAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: CreatedEndpointRef,
    errors: { types: domainErrors },
    args: { input: t.arg({ type: EndpointInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.endpoints.create(orgIdOf(ctx), endpointFields(input)),
  }),
  updateWebhookEndpoint: t.field({
    type: WebhookEndpointRef,
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }), input: t.arg({ type: EndpointInput, required: true }) },
    resolve: (_root, args, ctx) => ctx.services.endpoints.update(orgIdOf(ctx), args.endpointId, endpointFields(args.input)),
  }),
  deleteWebhookEndpoint: t.field({
    type: 'Boolean',
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.services.endpoints.remove(orgIdOf(ctx), args.endpointId);
      return true;
    },
  }),
  rotateWebhookEndpointSecret: t.field({
    type: EndpointSecretRef,
    description: 'A new secret signs from now on; the old one keeps signing beside it for the overlap',
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const orgId = orgIdOf(ctx);
      await ctx.services.endpoints.rotateSecret(orgId, args.endpointId);
      return ctx.services.endpoints.secret(orgId, args.endpointId);
    },
  }),
  sendTestEvent: t.field({
    type: 'String',
    description: "Sends an event of the catalog to this endpoint only: `data` (validated against a product type's schema) or the type's example; returns the event id",
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }), eventType: t.arg.string(), data: t.arg({ type: 'JSONObject', description: "The event's data; default: the type's example" }) },
    resolve: (_root, args, ctx) => ctx.services.endpoints.sendTest(orgIdOf(ctx), args.endpointId, args.eventType ?? undefined, args.data ?? undefined),
  }),
  resendWebhookMessage: t.field({
    type: 'Boolean',
    errors: { types: [...domainErrors, ConflictError] },
    args: { endpointId: t.arg.string({ required: true }), eventId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.services.endpoints.resend(orgIdOf(ctx), args.endpointId, args.eventId);
      return true;
    },
  }),
  recoverWebhookMessages: t.field({
    type: 'Int',
    description: 'Sends again every failed or cancelled message of the endpoint since a time; returns how many',
    errors: { types: domainErrors },
    args: { endpointId: t.arg.string({ required: true }), since: t.arg({ type: 'DateTime', required: true }) },
    resolve: (_root, args, ctx) => ctx.services.endpoints.recover(orgIdOf(ctx), args.endpointId, args.since),
  }),
}));

builder.subscriptionFields((t) => ({
  deliveryAttempts: t.prismaField({
    type: 'DeliveryAttempt',
    description: 'Outbound delivery attempts of your organization as they happen',
    args: { endpointId: t.arg.string({ description: 'Only this endpoint' }) },
    subscribe: (_root, args, ctx) =>
      pipe(ctx.services.events.subscribe('delivery-attempt', orgIdOf(ctx)), filter((e: DeliveryAttempted) => !args.endpointId || e.endpointId === args.endpointId)),
    resolve: (query, event: DeliveryAttempted, _args, ctx) => ctx.services.db.deliveryAttempt.findFirstOrThrow({ ...query, where: { id: event.attemptId, orgId: orgIdOf(ctx) } }),
  }),
  webhookEndpointChanged: t.field({
    type: EndpointChangedRef,
    description: 'Your endpoints as they are created, changed, disabled (by you or the hub), re-keyed or deleted',
    subscribe: (_root, _args, ctx) => ctx.services.events.subscribe('endpoint-changed', orgIdOf(ctx)),
    resolve: (event) => event,
  }),
}));
