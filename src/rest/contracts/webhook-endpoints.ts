/** The contracts of the outbound webhook endpoint routes under /api/v1/webhooks (rest/webhook-endpoints.ts). */
import { z } from 'zod';
import { createInput, updateInput } from '../../domain/events/endpoints';
import type { RouteContract } from '../contract';
import { attempt, createdWebhookEndpoint, endpointSecret, eventType, message, queued, rotatedSecret, webhookEndpoint } from '../schemas';

const tag = 'Webhook endpoints';
const byId = z.object({ id: z.string().meta({ description: 'the endpoint id', example: 'ep_3k2v9x0q4m1r8t6w2y5z' }) });
const noEndpoint = 'no webhook endpoint with this id in your organization';
const limitMessage = 'must be a whole number from 1 to 500';
const limit = z.coerce.number({ message: limitMessage }).int(limitMessage).min(1, limitMessage).max(500, limitMessage).default(50).meta({ description: 'at most this many, newest first' });

export const testEventInput = z
  .object(
    {
      eventType: z.string({ message: 'must be an event type of the catalog, e.g. "item.updated"' }).optional().meta({ description: 'default integration.updated' }),
      data: z.record(z.string(), z.unknown(), { message: 'must be a JSON object' }).optional().meta({ description: "the event's data, validated against a product type's schema; default: the type's example" }),
    },
    { message: 'body must be a JSON object' },
  )
  .strict();
export const recoverInput = z.object({ since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }) }, { message: 'body must be a JSON object' }).strict();

const endpointExample = {
  id: 'ep_3k2v9x0q4m1r8t6w2y5z', url: 'https://example.com/webhooks/fractalpack', description: null, eventTypes: ['sync.completed', 'webhook.*'],
  enabled: true, disabledReason: null, rateLimitPerSecond: null, failingSince: null, previousSecretValidUntil: null,
  createdAt: '2026-04-03T14:00:00.000Z', updatedAt: '2026-04-03T14:00:00.000Z',
};

export const webhookEndpointContracts = {
  listEventTypes: {
    operationId: 'listEventTypes',
    summary: 'List the event types an endpoint can subscribe to',
    description: "The hub's own types and the product's, each with its origin, an example of its data and (product types) its JSON Schema.",
    tag,
    auth: 'apiKey',
    responses: { 200: { description: 'the catalog, each type with an example of its data', schema: z.array(eventType) } },
  },
  createEndpoint: {
    operationId: 'createEndpoint',
    summary: 'Register an endpoint',
    description: 'The answer carries the endpoint\'s signing secret (the only answer that does unasked). `events` is accepted as another name for `eventTypes`.',
    tag,
    auth: 'apiKey',
    body: { schema: createInput, required: true, example: { url: 'https://example.com/webhooks/fractalpack', eventTypes: ['sync.completed', 'webhook.*'] } },
    responses: { 201: { description: 'registered', schema: createdWebhookEndpoint, example: { ...endpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } } },
    errors: { 400: 'not an https URL (http only with HUB_ALLOW_PRIVATE_TARGETS=true), event types that match nothing, unknown fields' },
  },
  listEndpoints: {
    operationId: 'listEndpoints',
    summary: "List the organization's endpoints",
    tag,
    auth: 'apiKey',
    responses: { 200: { description: 'the endpoints, oldest first', schema: z.array(webhookEndpoint), example: [endpointExample] } },
  },
  getEndpoint: {
    operationId: 'getEndpoint',
    summary: 'Get one endpoint',
    tag,
    auth: 'apiKey',
    params: byId,
    responses: { 200: { description: 'the endpoint', schema: webhookEndpoint, example: endpointExample } },
    errors: { 404: noEndpoint },
  },
  updateEndpoint: {
    operationId: 'updateEndpoint',
    summary: 'Change an endpoint',
    description: 'Changes what is given. Enabling a disabled endpoint clears why it was disabled.',
    tag,
    auth: 'apiKey',
    params: byId,
    body: { schema: updateInput, required: true, example: { enabled: false } },
    responses: { 200: { description: 'the endpoint as stored', schema: webhookEndpoint, example: { ...endpointExample, enabled: false, disabledReason: 'manual' } } },
    errors: { 400: 'as for createEndpoint', 404: noEndpoint },
  },
  deleteEndpoint: {
    operationId: 'deleteEndpoint',
    summary: 'Delete an endpoint',
    tag,
    auth: 'apiKey',
    params: byId,
    responses: { 204: { description: 'deleted' } },
    errors: { 404: noEndpoint },
  },
  getEndpointSecret: {
    operationId: 'getEndpointSecret',
    summary: "Reveal the endpoint's signing secret",
    description: 'During a rotation\'s overlap the previous secret still signs, beside the new one.',
    tag,
    auth: 'apiKey',
    params: byId,
    responses: { 200: { description: 'the secret(s)', schema: endpointSecret } },
    errors: { 404: noEndpoint },
  },
  rotateEndpointSecret: {
    operationId: 'rotateEndpointSecret',
    summary: 'Rotate the signing secret',
    description: 'A new secret signs from now on; the old one keeps signing beside it for HUB_ENDPOINT_SECRET_OVERLAP_HOURS.',
    tag,
    auth: 'apiKey',
    params: byId,
    responses: { 200: { description: 'the new secret', schema: rotatedSecret } },
    errors: { 404: noEndpoint },
  },
  sendTestEvent: {
    operationId: 'sendTestEvent',
    summary: 'Send a test event to this endpoint',
    description: "To this endpoint only: the given `data` (validated against a product type's schema), or the type's example. The hub's own types' data is marked `test: true`.",
    tag,
    auth: 'apiKey',
    params: byId,
    body: { schema: testEventInput, example: { eventType: 'offering.status.changed', data: { offering_id: 'off_abc123', previous_status: 'pending_review', new_status: 'open' } } },
    responses: { 202: { description: 'queued for delivery', schema: z.object({ eventId: z.string() }).strict(), example: { eventId: 'hev_3k2v9x0q4m1r8t6w2y5z' } } },
    errors: { 400: 'unknown or archived event type, data that violates its schema (each failing path named), or the endpoint is disabled', 404: noEndpoint },
  },
  listEndpointMessages: {
    operationId: 'listEndpointMessages',
    summary: 'List the messages sent to this endpoint',
    tag,
    auth: 'apiKey',
    params: byId,
    query: z.object({
      status: z.enum(['pending', 'succeeded', 'failed', 'cancelled'], { message: 'must be pending, succeeded, failed or cancelled' }).optional(),
      limit,
    }),
    responses: { 200: { description: 'the messages, newest first', schema: z.array(message) } },
    errors: { 404: noEndpoint },
  },
  listEndpointAttempts: {
    operationId: 'listEndpointAttempts',
    summary: 'List the delivery attempts to this endpoint',
    tag,
    auth: 'apiKey',
    params: byId,
    query: z.object({ limit }),
    responses: { 200: { description: 'the attempts, newest first', schema: z.array(attempt) } },
    errors: { 404: noEndpoint },
  },
  resendMessage: {
    operationId: 'resendMessage',
    summary: 'Send one message to this endpoint again',
    tag,
    auth: 'apiKey',
    params: byId.extend({ eventId: z.string().meta({ description: 'the event id of the message' }) }),
    responses: { 202: { description: 'queued for delivery', schema: queued, example: { queued: 1 } } },
    errors: { 404: 'no such endpoint, or the message was never sent to it', 409: 'an attempt of the message is in progress' },
  },
  recoverMessages: {
    operationId: 'recoverMessages',
    summary: 'Send again every message that failed since a time',
    tag,
    auth: 'apiKey',
    params: byId,
    body: { schema: recoverInput, required: true, example: { since: '2026-04-03T00:00:00Z' } },
    responses: { 202: { description: 'how many messages were queued', schema: queued, example: { queued: 3 } } },
    errors: { 404: noEndpoint },
  },
} satisfies Record<string, RouteContract>;
