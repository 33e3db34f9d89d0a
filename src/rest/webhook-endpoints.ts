/**
 * Outbound webhook endpoints over REST (seed 001: `POST /v1/webhooks` with `{"url", "events"}`,
 * the key as `Authorization: Bearer` or `X-Api-Key`), a thin layer over EndpointService.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assertMayManageEventTypes } from '../domain/events/access';
import type { WebhookEndpoint } from '../domain/events/endpoints';
import { parseInput } from '../domain/validation';
import type { Services } from '../services';
import { orgOf, requireApiKey } from './auth';
import { contract } from './contract';
import { eventTypeContracts as t } from './contracts/events';
import { messageLogContracts } from './contracts/message-log';
import { recoverInput, testEventInput, webhookEndpointContracts as c } from './contracts/webhook-endpoints';

type ById = { Params: { id: string } };
type ByType = { Params: { type: string } };

function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new Error('route reached without authentication');
  return request.principal;
}

export function endpointJson(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: JSON.parse(endpoint.eventTypes) as string[],
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    rateLimitPerSecond: endpoint.rateLimitPerSecond,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    previousSecretValidUntil: endpoint.previousSecretSealed ? (endpoint.previousSecretUntil?.toISOString() ?? null) : null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/**
 * The event catalog under /api/v1/webhooks/event-types: deployment-wide, so any key reads it
 * without naming an organization; only a platform key changes the product's types.
 */
export function eventTypeRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services, 'optional'));

    app.get('/', contract(c.listEventTypes), async () => services.eventTypes.list());
    app.get<ByType>('/:type', contract(t.getEventType), async (request) => services.eventTypes.get(request.params.type));
    app.put<ByType>('/:type', contract(t.putEventType), async (request, reply) => {
      assertMayManageEventTypes(principalOf(request));
      const { entry, created } = await services.eventTypes.put(request.params.type, request.body);
      return reply.status(created ? 201 : 200).send(entry);
    });
    app.delete<ByType>('/:type', contract(t.archiveEventType), async (request) => {
      assertMayManageEventTypes(principalOf(request));
      return services.eventTypes.archive(request.params.type);
    });
  };
}

export function webhookEndpointRoutes(services: Services) {
  const { endpoints, db, messageLog } = services;
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services));

    app.get('/messages', contract(messageLogContracts.listMessages), async (request) => {
      const { messages, nextCursor } = await messageLog.query(orgOf(request), request.query);
      const iso = (date: Date | null) => date?.toISOString() ?? null;
      return {
        messages: messages.map((m) => ({
          ...m, createdAt: m.createdAt.toISOString(),
          deliveries: m.deliveries.map((d) => ({ ...d, nextAttemptAt: iso(d.nextAttemptAt), completedAt: iso(d.completedAt) })),
        })),
        nextCursor,
      };
    });

    app.post('/', contract(c.createEndpoint), async (request, reply) => {
      const { endpoint, secret } = await endpoints.create(orgOf(request), request.body);
      return reply.status(201).send({ ...endpointJson(endpoint), secret });
    });
    app.get('/', contract(c.listEndpoints), async (request) => (await endpoints.list(orgOf(request))).map(endpointJson));
    app.get<ById>('/:id', contract(c.getEndpoint), async (request) => endpointJson(await endpoints.get(orgOf(request), request.params.id)));
    app.patch<ById>('/:id', contract(c.updateEndpoint), async (request) => endpointJson(await endpoints.update(orgOf(request), request.params.id, request.body)));
    app.delete<ById>('/:id', contract(c.deleteEndpoint), async (request, reply) => {
      await endpoints.remove(orgOf(request), request.params.id);
      return reply.status(204).send();
    });

    app.get<ById>('/:id/secret', contract(c.getEndpointSecret), async (request) => endpoints.secret(orgOf(request), request.params.id));
    app.post<ById>('/:id/secret/rotate', contract(c.rotateEndpointSecret), async (request) => endpoints.rotateSecret(orgOf(request), request.params.id));

    app.post<ById>('/:id/test', contract(c.sendTestEvent), async (request, reply) => {
      const { eventType, data } = parseInput(testEventInput, request.body ?? {});
      const eventId = await endpoints.sendTest(orgOf(request), request.params.id, eventType, data);
      return reply.status(202).send({ eventId });
    });

    app.get<ById & { Querystring: z.output<typeof c.listEndpointMessages.query> }>('/:id/messages', contract(c.listEndpointMessages), async (request) => {
      const endpoint = await endpoints.get(orgOf(request), request.params.id);
      const rows = await db.eventDelivery.findMany({
        where: { endpointId: endpoint.id, ...(request.query.status ? { status: request.query.status } : {}) },
        include: { event: { select: { type: true } } },
        orderBy: { createdAt: 'desc' },
        take: request.query.limit,
      });
      return rows.map((d) => ({ eventId: d.eventId, eventType: d.event.type, status: d.status, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, lastStatusCode: d.lastStatusCode, lastError: d.lastError, createdAt: d.createdAt }));
    });

    app.get<ById & { Querystring: z.output<typeof c.listEndpointAttempts.query> }>('/:id/attempts', contract(c.listEndpointAttempts), async (request) => {
      const endpoint = await endpoints.get(orgOf(request), request.params.id);
      const rows = await db.deliveryAttempt.findMany({
        where: { endpointId: endpoint.id },
        include: { delivery: { select: { eventId: true } } },
        orderBy: { attemptedAt: 'desc' },
        take: request.query.limit,
      });
      return rows.map(({ delivery, id, attemptedAt, statusCode, latencyMs, responseBody, error }) => ({ id, eventId: delivery.eventId, attemptedAt, statusCode, latencyMs, responseBody, error }));
    });

    app.post<{ Params: { id: string; eventId: string } }>('/:id/messages/:eventId/resend', contract(c.resendMessage), async (request, reply) => {
      await endpoints.resend(orgOf(request), request.params.id, request.params.eventId);
      return reply.status(202).send({ queued: 1 });
    });

    app.post<ById>('/:id/recover', contract(c.recoverMessages), async (request, reply) => {
      const { since } = parseInput(recoverInput, request.body);
      const queued = await endpoints.recover(orgOf(request), request.params.id, new Date(since));
      return reply.status(202).send({ queued });
    });
  };
}
