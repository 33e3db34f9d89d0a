/**
 * The one HTTP server: the probes /healthz and /readyz, /metrics and, in an API process, GraphQL, REST and
 * the operator console (./api.ts). A worker process serves the probes only, and never loads the
 * API's modules. Transports only; all behaviour lives in the services.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSettings } from './config';
import type { Health } from './health';
import { trustedProxies } from './lib/client-address';
import { installErrorHandling, sendError } from './rest/errors';
import { installMetrics } from './rest/metrics';
import { installProtocolErrors, protocolErrorOptions } from './rest/protocol-errors';
import type { Services } from './services';

export interface ServerOptions {
  services: Services;
  health: Health;
  /** Serve GraphQL and REST; false: the health probes only (a worker process). */
  api: boolean;
  bodyLimitBytes: number;
  graphql: GraphQLSettings;
  webhookBodyLimitBytes: number;
  /** Proxies whose X-Forwarded-For names the client (HUB_TRUST_PROXY); unset: none. */
  trustProxy?: string | undefined;
  /** The bearer token GET /metrics requires (HUB_METRICS_TOKEN); unset: open. */
  metricsToken?: string | undefined;
}

export interface HubServer {
  app: FastifyInstance;
}

export async function createServer(options: ServerOptions): Promise<HubServer> {
  const { services, health, api, bodyLimitBytes, trustProxy } = options;
  const trust = trustProxy ? trustedProxies(trustProxy) : undefined;
  const app = Fastify({
    ...protocolErrorOptions,
    ...(trust ? { trustProxy: trust } : {}),
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    forceCloseConnections: 'idle',
  });
  installMetrics(app, { token: options.metricsToken, registries: [services.metrics] });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);
  installProtocolErrors(app);
  // The API speaks JSON only; anything else is a 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');

  // Liveness: the process answers. No database check, so an outage of the database does not
  // make an orchestrator restart every instance; readiness covers that.
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await health.readiness();
    if (readiness.ready) return { status: 'ready' };
    return sendError(reply, 503, 'NOT_READY', readiness.reason);
  });

  if (api) await (await import('./api')).mountApi(app, options, trust);
  return { app };
}
