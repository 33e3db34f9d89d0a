/**
 * The one HTTP server: GraphQL at /graphql (HTTP, SSE and graphql-ws), REST under /api/v1,
 * the operator console at /console, /healthz and /metrics. Transports only; all behaviour lives in the
 * services.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { WebSocketServer } from 'ws';
import type { GraphQLSettings } from './config';
import { consoleRoutes } from './console/routes';
import { LiveSessions } from './graphql/live-sessions';
import { attachGraphQLWebSocket } from './graphql/websocket';
import { createGraphQLServer } from './graphql/yoga';
import { rateLimitedMessage, unauthenticatedMessage } from './domain/orgs/authenticator';
import { trustedProxies } from './lib/client-address';
import { apiKeyOf } from './rest/auth';
import { installContracts } from './rest/contract';
import { installErrorHandling, sendError } from './rest/errors';
import { installMetrics } from './rest/metrics';
import { installProtocolErrors, protocolErrorOptions } from './rest/protocol-errors';
import { integrationRoutes } from './rest/integrations';
import { openApiRoutes } from './rest/openapi/routes';
import { webhookEndpointRoutes } from './rest/webhook-endpoints';
import { webhookRoutes } from './rest/webhooks';
import type { Services } from './services';

export interface ServerOptions {
  services: Services;
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
  websocket: WebSocketServer;
}

/** A bad key (401) or, past the limit of failures from this address, 429: in GraphQL's error shape, as Yoga would answer. */
function refuseGraphQL(reply: FastifyReply, retryAfterSeconds: number | null): FastifyReply {
  if (retryAfterSeconds === null) return reply.status(401).send({ errors: [{ message: unauthenticatedMessage, extensions: { code: 'UNAUTHENTICATED' } }] });
  reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(429).send({ errors: [{ message: rateLimitedMessage(retryAfterSeconds), extensions: { code: 'RATE_LIMITED' } }] });
}

export async function createServer({ services, bodyLimitBytes, graphql, webhookBodyLimitBytes, trustProxy, metricsToken }: ServerOptions): Promise<HubServer> {
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
  installMetrics(app, { token: metricsToken, registries: [services.metrics] });
  const routes = installContracts(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);
  installProtocolErrors(app);
  // The API speaks JSON only; anything else is a 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');

  const sessions = new LiveSessions({
    orgs: services.orgs,
    logger: services.logger,
    recheckMs: graphql.authRecheckMs,
    maxSubscriptionsPerKey: graphql.maxSubscriptionsPerKey,
  });
  const yoga = createGraphQLServer({ services, settings: graphql, sessions });
  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (request, reply) => {
      // Authenticate before Yoga so every GraphQL answer to a bad key is the same 401, SSE
      // included. Only the GraphiQL page itself (a browser GET for HTML) is served without a key.
      const wantsGraphiQL = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      let principal;
      if (wantsGraphiQL || request.method === 'OPTIONS') principal = await services.orgs.authenticate(apiKeyOf(request));
      else {
        const auth = await services.auth.authenticate(apiKeyOf(request), request.ip);
        if (!auth.principal) return refuseGraphQL(reply, auth.retryAfterSeconds);
        principal = auth.principal;
      }
      const response = await yoga.handleNodeRequestAndResponse(request, reply, principal ? { principal } : {});
      response.headers.forEach((value, key) => reply.header(key, value));
      reply.status(response.status);
      return reply.send(response.body);
    },
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await services.db.$queryRawUnsafe('SELECT 1');
      return { status: 'ok' };
    } catch {
      return sendError(reply, 503, 'UNAVAILABLE', 'database is not answering');
    }
  });

  app.get('/', (_request, reply) => reply.redirect('/console/'));
  await app.register(consoleRoutes(), { prefix: '/console' });
  await app.register(integrationRoutes(services), { prefix: '/api/v1/integrations' });
  await app.register(webhookRoutes(services, webhookBodyLimitBytes), { prefix: '/api/v1/integrations/webhook' });
  await app.register(webhookEndpointRoutes(services), { prefix: '/api/v1/webhooks' });
  await app.register(openApiRoutes(routes), { prefix: '/api/v1' });

  const websocket = attachGraphQLWebSocket(app.server, yoga, services, sessions, trust);
  sessions.start();
  app.addHook('onClose', async () => {
    await sessions.stop();
    for (const client of websocket.clients) client.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => websocket.close(() => resolve()));
  });
  return { app, websocket };
}
