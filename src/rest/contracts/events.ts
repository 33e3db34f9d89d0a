/**
 * The contracts of the product's event types (under /api/v1/webhooks/event-types) and of
 * publishing (under /api/v1/events): rest/webhook-endpoints.ts and rest/events.ts.
 */
import { z } from 'zod';
import { eventTypeInput } from '../../domain/events/event-types';
import { MAX_BATCH, publishBatchInput, publishInput } from '../../domain/events/publish';
import type { RouteContract } from '../contract';
import { errorBody, eventType, published } from '../schemas';

const byType = z.object({ type: z.string().meta({ description: 'the event type, lowercase dotted', example: 'offering.status.changed' }) });

const offeringSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: { offering_id: { type: 'string', pattern: '^off_[A-Za-z0-9]+$' }, previous_status: { type: 'string' }, new_status: { type: 'string' } },
  required: ['offering_id', 'previous_status', 'new_status'],
  additionalProperties: false,
};
const offeringExample = { offering_id: 'off_abc123', previous_status: 'pending_review', new_status: 'open' };
const offeringType = { type: 'offering.status.changed', description: 'An offering lifecycle status changed', example: offeringExample, origin: 'product', schema: offeringSchema, archived: false };
const platformOnly = 'an organization key (event types are deployment-wide: only a platform key changes them)';

export const eventTypeContracts = {
  getEventType: {
    operationId: 'getEventType',
    summary: 'Get one event type',
    tag: 'Webhook endpoints',
    auth: 'apiKey',
    params: byType,
    responses: { 200: { description: "the type, the hub's or the product's", schema: eventType, example: offeringType } },
    errors: { 404: 'no such event type' },
  },
  putEventType: {
    operationId: 'putEventType',
    summary: "Define or change one of the product's event types",
    description:
      'Creates the type or replaces it (an archived type is restored). `schema` is a JSON Schema 2020-12 of the event\'s `data`; `example` must be valid against it. ' +
      "Names are lowercase dotted words; the hub's own types are reserved. Needs a platform key.",
    tag: 'Webhook endpoints',
    auth: 'apiKey',
    params: byType,
    body: { schema: eventTypeInput, required: true, example: { description: offeringType.description, schema: offeringSchema, example: offeringExample } },
    responses: {
      200: { description: 'changed', schema: eventType, example: offeringType },
      201: { description: 'created', schema: eventType, example: offeringType },
    },
    errors: { 400: 'a bad name, a schema that is not JSON Schema 2020-12, an example that does not validate (each failing path named)', 403: platformOnly, 409: "the name is one of the hub's own types" },
  },
  archiveEventType: {
    operationId: 'archiveEventType',
    summary: "Archive one of the product's event types",
    description: 'It takes no new events; what was published stays, and endpoints keep their patterns. PUT it again to restore it. Needs a platform key.',
    tag: 'Webhook endpoints',
    auth: 'apiKey',
    params: byType,
    responses: { 200: { description: 'archived', schema: eventType, example: { ...offeringType, archived: true } } },
    errors: { 403: platformOnly, 404: 'no such product event type', 409: "the hub's own types are read-only" },
  },
} satisfies Record<string, RouteContract>;

const publishExample = { event: 'offering.status.changed', data: offeringExample, idempotencyKey: 'offering-off_abc123-open' };
export const publishContracts = {
  publishEvent: {
    operationId: 'publishEvent',
    summary: "Publish one of the product's events to an organization's endpoints",
    description:
      "`data` is validated against the type's schema; the message goes to every enabled endpoint of the organization whose event types take it, signed, with retries. " +
      'An organization key publishes for its own organization; a platform key names it with `orgId`. ' +
      'The same `idempotencyKey` for the same organization within 24 hours answers with the first id and sends nothing new.',
    tag: 'Events',
    auth: 'apiKey',
    body: { schema: publishInput, required: true, example: publishExample },
    responses: { 202: { description: 'accepted: stored and queued for every endpoint that takes it', schema: published, example: { id: 'msg_3k2v9x0q4m1r8t6w2y5z' } } },
    errors: { 400: 'unknown or archived event type, data that violates the schema (each failing path named under data.…), a platform key without orgId', 403: 'an organization key naming another organization' },
  },
  publishEvents: {
    operationId: 'publishEvents',
    summary: `Publish up to ${MAX_BATCH} events in one transaction`,
    description: 'Each event as for publishEvent; the answer has one result per event, in order: `{"id", "duplicate"}`, or `{"error"}` for an event that was refused (and not written).',
    tag: 'Events',
    auth: 'apiKey',
    body: { schema: publishBatchInput, required: true, example: { events: [publishExample] } },
    responses: {
      202: {
        description: 'the results, in the order of the events',
        schema: z.object({ results: z.array(z.union([z.object({ id: z.string(), duplicate: z.boolean() }).strict(), z.object({ error: errorBody.shape.error }).strict()])) }).strict(),
        example: { results: [{ id: 'msg_3k2v9x0q4m1r8t6w2y5z', duplicate: false }] },
      },
    },
    errors: { 400: `not a list of 1 to ${MAX_BATCH} events`, 403: 'an organization key naming another organization' },
  },
} satisfies Record<string, RouteContract>;
