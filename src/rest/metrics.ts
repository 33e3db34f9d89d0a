/**
 * `GET /metrics` in Prometheus' text format, and the one hook that measures every HTTP answer.
 * The route is served by every hub process (API and worker alike), beside the health probe. With
 * HUB_METRICS_TOKEN set it answers only `Authorization: Bearer <token>` (compared in constant
 * time); without it, anyone who reaches the port may read it: the metrics carry no secret, no
 * organization id and no URL a caller sent, only counts by route pattern, queue and reason.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { metrics, metricsRegistry, startProcessMetrics } from '../lib/metrics';
import { sendError } from './errors';

export interface MetricsOptions {
  /** Required as a bearer token when set. */
  token: string | undefined;
  /** Registries of this hub beside the process's own (the database's gauges). */
  registries: readonly Registry[];
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function authorized(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  // Digests have one length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(given), digest(token));
}

/** Call before any route is added, so the hook sees every answer. */
export function installMetrics(app: FastifyInstance, { token, registries }: MetricsOptions): void {
  startProcessMetrics();
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern (`/api/v1/integrations/:connectorType`), never the URL that was asked for.
    metrics.httpResponse(request.method, request.routeOptions.url ?? null, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (request, reply) => {
    if (token !== undefined && !authorized(request, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendError(reply, 401, 'UNAUTHENTICATED', 'send the metrics token: Authorization: Bearer <HUB_METRICS_TOKEN>');
    }
    const texts = await Promise.all([metricsRegistry, ...registries].map((registry) => registry.metrics()));
    return reply.type(metricsRegistry.contentType).send(texts.join(''));
  });
}
