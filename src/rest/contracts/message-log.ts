/** The contract of the message log route, GET /api/v1/webhooks/messages (rest/webhook-endpoints.ts). */
import { z } from 'zod';
import { messageLogQuery } from '../../domain/events/message-log';
import type { RouteContract } from '../contract';

const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });

const messageDelivery = z
  .object({
    deliveryId: z.string(),
    endpointId: z.string(),
    endpointUrl: z.string(),
    status: z.string().meta({ description: 'pending, succeeded, failed or cancelled (endpoint disabled)' }),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    completedAt: timestamp.nullable(),
  })
  .strict();

export const messageLogEntry = z
  .object({
    id: z.string().meta({ description: 'the message id (msg_…), every delivery\'s webhook-id' }),
    type: z.string(),
    createdAt: timestamp,
    payload: z.string().meta({ description: 'the exact body every delivery sends' }),
    deliveries: z.array(messageDelivery).meta({ description: 'one per endpoint the message went to' }),
  })
  .strict();

const example = {
  messages: [
    {
      id: 'msg_2m8q0x3v9t7w4y6z5h1k', type: 'item.updated', createdAt: '2026-04-03T14:35:00.000Z',
      payload: '{"id":"msg_2m8q0x3v9t7w4y6z5h1k","event":"item.updated","timestamp":"2026-04-03T14:35:00.000Z","data":{"sku":"TG11"}}',
      deliveries: [
        {
          deliveryId: 'odl_4y6z5h1k2m8q0x3v9t7w', endpointId: 'ep_3k2v9x0q4m1r8t6w2y5z', endpointUrl: 'https://example.com/webhooks/fractalpack', status: 'succeeded',
          attempts: 1, nextAttemptAt: null, lastStatusCode: 200, lastError: null, completedAt: '2026-04-03T14:35:00.120Z',
        },
      ],
    },
  ],
  nextCursor: 'WyJvcmdfIiwiMjAyNi0wNC0wM1QxNDozNTowMC4wMDBaIiwibXNnXyJd',
};

export const messageLogContracts = {
  listMessages: {
    operationId: 'listMessages',
    summary: "List the organization's outbound messages",
    description:
      'Every message sent to the organization\'s endpoints, newest first, each with its deliveries\' state per endpoint; by type, status (a delivery in that status) and time range. ' +
      'Pages follow `nextCursor` (null on the last page); a cursor only pages the query of the organization it was issued to.',
    tag: 'Webhook endpoints',
    auth: 'apiKey',
    query: messageLogQuery,
    responses: { 200: { description: 'a page of messages', schema: z.object({ messages: z.array(messageLogEntry), nextCursor: z.string().nullable() }).strict(), example } },
  },
} satisfies Record<string, RouteContract>;
