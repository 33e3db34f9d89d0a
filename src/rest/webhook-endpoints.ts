/**
 * Outbound webhook endpoints over REST (seed 001: `POST /v1/webhooks` with `{"url", "events"}`,
 * the key as `Authorization: Bearer` or `X-Api-Key`), a thin layer over EndpointService.
 */
import type { FastifyInstance } from 'fastify';
import { eventTypes } from '../domain/events/catalog';
import type { WebhookEndpoint } from '../domain/events/endpoints';
import { ValidationError } from '../domain/errors';
import type { Services } from '../services';
import { orgOf, requireApiKey } from './auth';

type ById = { Params: { id: string } };

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

function sinceOf(body: unknown): Date {
  const since = body && typeof body === 'object' && 'since' in body ? (body as { since: unknown }).since : undefined;
  const date = typeof since === 'string' ? new Date(since) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new ValidationError([{ path: 'since', message: 'must be an ISO 8601 date-time' }]);
  return date;
}

export function webhookEndpointRoutes(services: Services) {
  const { endpoints, db } = services;
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services));

    app.get('/event-types', async () => eventTypes.map(({ type, description, example }) => ({ type, description, example })));

    app.post('/', async (request, reply) => {
      const { endpoint, secret } = await endpoints.create(orgOf(request), request.body);
      return reply.status(201).send({ ...endpointJson(endpoint), secret });
    });
    app.get('/', async (request) => (await endpoints.list(orgOf(request))).map(endpointJson));
    app.get<ById>('/:id', async (request) => endpointJson(await endpoints.get(orgOf(request), request.params.id)));
    app.patch<ById>('/:id', async (request) => endpointJson(await endpoints.update(orgOf(request), request.params.id, request.body)));
    app.delete<ById>('/:id', async (request, reply) => {
      await endpoints.remove(orgOf(request), request.params.id);
      return reply.status(204).send();
    });

    app.get<ById>('/:id/secret', async (request) => endpoints.secret(orgOf(request), request.params.id));
    app.post<ById>('/:id/secret/rotate', async (request) => endpoints.rotateSecret(orgOf(request), request.params.id));

    app.post<ById & { Body: { eventType?: string } | undefined }>('/:id/test', async (request, reply) => {
      const eventId = await endpoints.sendTest(orgOf(request), request.params.id, request.body?.eventType);
      return reply.status(202).send({ eventId });
    });

    app.get<ById & { Querystring: { status?: string; limit?: string } }>('/:id/messages', async (request) => {
      const endpoint = await endpoints.get(orgOf(request), request.params.id);
      const rows = await db.eventDelivery.findMany({
        where: { endpointId: endpoint.id, ...(request.query.status ? { status: request.query.status } : {}) },
        include: { event: { select: { type: true } } },
        orderBy: { createdAt: 'desc' },
        take: Math.min(Number(request.query.limit) || 50, 500),
      });
      return rows.map((d) => ({ eventId: d.eventId, eventType: d.event.type, status: d.status, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, lastStatusCode: d.lastStatusCode, lastError: d.lastError, createdAt: d.createdAt }));
    });

    app.get<ById & { Querystring: { limit?: string } }>('/:id/attempts', async (request) => {
      const endpoint = await endpoints.get(orgOf(request), request.params.id);
      const rows = await db.deliveryAttempt.findMany({
        where: { endpointId: endpoint.id },
        include: { delivery: { select: { eventId: true } } },
        orderBy: { attemptedAt: 'desc' },
        take: Math.min(Number(request.query.limit) || 50, 500),
      });
      return rows.map(({ delivery, id, attemptedAt, statusCode, latencyMs, responseBody, error }) => ({ id, eventId: delivery.eventId, attemptedAt, statusCode, latencyMs, responseBody, error }));
    });

    app.post<{ Params: { id: string; eventId: string } }>('/:id/messages/:eventId/resend', async (request, reply) => {
      await endpoints.resend(orgOf(request), request.params.id, request.params.eventId);
      return reply.status(202).send({ queued: 1 });
    });

    app.post<ById>('/:id/recover', async (request, reply) => {
      const queued = await endpoints.recover(orgOf(request), request.params.id, sinceOf(request.body));
      return reply.status(202).send({ queued });
    });
  };
}
