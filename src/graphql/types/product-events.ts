/**
 * The product's own events in GraphQL: defining event types (`putEventType`, `archiveEventType`,
 * platform keys only), reading one (`eventType`), and publishing (`publishEvent`,
 * `publishEvents`), the twins of the REST routes over the same services.
 */
import { assertMayManageEventTypes, publishingOrgs } from '../../domain/events/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { PublishOutcome } from '../../domain/events/publish';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { domainErrors } from './errors';
import { EventTypeRef } from './webhook-endpoint';

/** Any key: event types are deployment-wide, so a platform key needs no organization to read them or to publish (it names one per event). */
const anyKey = { skipTypeScopes: true, authScopes: { org: true, platform: true } } as const;
/** Changing event types: platform keys only (an organization's key gets FORBIDDEN). */
const platformOnly = { skipTypeScopes: true, authScopes: { platform: true } } as const;

function principalOf(ctx: GraphQLContext) {
  if (!ctx.principal) throw new Error('resolver reached without an authenticated principal');
  return ctx.principal;
}

const EventTypeInput = builder.inputType('EventTypeInput', {
  fields: (t) => ({
    description: t.string({ required: true }),
    schema: t.field({ type: 'JSONObject', required: true, description: "A JSON Schema (2020-12) of the event's data" }),
    example: t.field({ type: 'JSONObject', required: true, description: 'Example data, valid against the schema' }),
  }),
});

const PublishEventInput = builder.inputType('PublishEventInput', {
  fields: (t) => ({
    event: t.string({ required: true, description: 'The event type, e.g. offering.status.changed' }),
    data: t.field({ type: 'JSONObject', required: true, description: "Validated against the type's schema" }),
    idempotencyKey: t.string({ description: 'The same key for the same organization within 24 h answers with the first id and sends nothing new' }),
    orgId: t.string({ description: 'The organization the event is for: with a platform key only' }),
  }),
});

const PublishedEventRef = builder.objectRef<{ id: string; duplicate: boolean }>('PublishedEvent').implement({
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The message id (msg_…): the body\'s "id" and every delivery\'s webhook-id' }),
    duplicate: t.exposeBoolean('duplicate', { description: 'True: the idempotency key was seen within 24 h; nothing new was sent' }),
  }),
});

const PublishResultRef = builder.objectRef<PublishOutcome>('PublishEventResult').implement({
  description: 'One event of a batch: its id, or why it was refused (and not written)',
  fields: (t) => ({
    id: t.string({ nullable: true, resolve: (r) => ('id' in r ? r.id : null) }),
    duplicate: t.boolean({ nullable: true, resolve: (r) => ('id' in r ? r.duplicate : null) }),
    error: t.field({ type: ValidationError, nullable: true, resolve: (r) => ('error' in r ? new ValidationError(r.error.fields) : null) }),
  }),
});

/** Undefined and null mean "not given". */
function publishBody(input: typeof PublishEventInput.$inferInput) {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
}

builder.queryFields((t) => ({
  eventType: t.field({
    ...anyKey,
    type: EventTypeRef,
    nullable: true,
    description: "One event type, the hub's or the product's; null when there is none",
    args: { type: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        return await ctx.services.eventTypes.get(args.type);
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },
  }),
}));

builder.mutationFields((t) => ({
  putEventType: t.field({
    ...platformOnly,
    type: EventTypeRef,
    description: "Defines or replaces one of the product's event types (an archived one is restored); platform keys only",
    errors: { types: [...domainErrors, ConflictError, ForbiddenError] },
    args: { type: t.arg.string({ required: true }), input: t.arg({ type: EventTypeInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      assertMayManageEventTypes(principalOf(ctx));
      return (await ctx.services.eventTypes.put(args.type, args.input)).entry;
    },
  }),
  archiveEventType: t.field({
    ...platformOnly,
    type: EventTypeRef,
    description: "Archives one of the product's event types: it takes no new events; platform keys only",
    errors: { types: [...domainErrors, ConflictError, ForbiddenError] },
    args: { type: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => {
      assertMayManageEventTypes(principalOf(ctx));
      return ctx.services.eventTypes.archive(args.type);
    },
  }),
  publishEvent: t.field({
    ...anyKey,
    type: PublishedEventRef,
    description: "Publishes one of the product's events to the organization's endpoints that take its type",
    errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
    args: { input: t.arg({ type: PublishEventInput, required: true }) },
    resolve: (_root, args, ctx) => {
      const principal = principalOf(ctx);
      return ctx.services.publisher.publish(publishBody(args.input), publishingOrgs(ctx.services.orgs, principal, ctx.orgId));
    },
  }),
  publishEvents: t.field({
    ...anyKey,
    type: [PublishResultRef],
    description: 'Publishes up to 1,000 events in one transaction; one result per event, in order',
    errors: { types: [ValidationError, ForbiddenError] },
    args: { events: t.arg({ type: [PublishEventInput], required: true }) },
    resolve: (_root, args, ctx) => {
      const principal = principalOf(ctx);
      return ctx.services.publisher.publishBatch({ events: args.events.map(publishBody) }, publishingOrgs(ctx.services.orgs, principal, ctx.orgId));
    },
  }),
}));
