/**
 * The one HTTP server: GraphQL at /graphql (HTTP, SSE and graphql-ws), REST under /api/v1,
 * the operator console at /console, and /healthz. Transports only; all behaviour lives in the
 * services.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { WebSocketServer } from 'ws';
import { consoleRoutes } from './console/routes';
import type { QueryLimits } from './graphql/context';
import { attachGraphQLWebSocket } from './graphql/websocket';
import { createGraphQLServer, unauthenticatedMessage } from './graphql/yoga';
import { apiKeyOf } from './rest/auth';
import { installErrorHandling, sendError } from './rest/errors';
import { integrationRoutes } from './rest/integrations';
import { webhookEndpointRoutes } from './rest/webhook-endpoints';
import { webhookRoutes } from './rest/webhooks';
import type { Services } from './services';

export interface ServerOptions {
  services: Services;
  bodyLimitBytes: number;
  graphiql: boolean;
  limits: QueryLimits;
  webhookBodyLimitBytes: number;
}

export interface HubServer {
  app: FastifyInstance;
  websocket: WebSocketServer;
}

export async function createServer({ services, bodyLimitBytes, graphiql, limits, webhookBodyLimitBytes }: ServerOptions): Promise<HubServer> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);
  // The API speaks JSON only; anything else is a 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');

  const yoga = createGraphQLServer({ services, graphiql, limits });
  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (request, reply) => {
      // Authenticate before Yoga so every GraphQL answer to a bad key is the same 401, SSE
      // included. Only the GraphiQL page itself (a browser GET for HTML) is served without a key.
      const wantsGraphiQL = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      const principal = await services.orgs.authenticate(apiKeyOf(request));
      if (!principal && !wantsGraphiQL && request.method !== 'OPTIONS') {
        return reply.status(401).send({ errors: [{ message: unauthenticatedMessage, extensions: { code: 'UNAUTHENTICATED' } }] });
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

  const websocket = attachGraphQLWebSocket(app.server, yoga, services);
  app.addHook('onClose', async () => {
    for (const client of websocket.clients) client.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => websocket.close(() => resolve()));
  });
  return { app, websocket };
}
