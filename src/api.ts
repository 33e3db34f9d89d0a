/**
 * GraphQL at /graphql (HTTP, SSE and graphql-ws) and REST under /api/v1, on the hub's server.
 * The GraphQL server (Yoga, the Pothos schema, graphql-ws) is built on the first GraphQL request
 * or WebSocket upgrade, not at start: a process that only takes REST calls and webhooks never
 * holds it.
 */
import type { FastifyInstance } from 'fastify';
import { graphqlEndpoint, unauthenticatedMessage } from './graphql/context';
import { attachGraphQLWebSocket } from './graphql/websocket';
import type { HubYoga } from './graphql/yoga';
import { apiKeyOf } from './rest/auth';
import { integrationRoutes } from './rest/integrations';
import { webhookEndpointRoutes } from './rest/webhook-endpoints';
import { webhookRoutes } from './rest/webhooks';
import type { ServerOptions } from './server';

export async function mountApi(app: FastifyInstance, { services, graphiql, limits, webhookBodyLimitBytes }: ServerOptions): Promise<void> {
  let yoga: Promise<HubYoga> | undefined;
  const graphql = () => (yoga ??= import('./graphql/yoga').then(({ createGraphQLServer }) => createGraphQLServer({ services, graphiql, limits })));

  app.route({
    url: graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (request, reply) => {
      // Authenticate before Yoga so every GraphQL answer to a bad key is the same 401, SSE
      // included. Only the GraphiQL page itself (a browser GET for HTML) is served without a key.
      const wantsGraphiQL = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      const principal = await services.orgs.authenticate(apiKeyOf(request));
      if (!principal && !wantsGraphiQL && request.method !== 'OPTIONS') {
        return reply.status(401).send({ errors: [{ message: unauthenticatedMessage, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const response = await (await graphql()).handleNodeRequestAndResponse(request, reply, principal ? { principal } : {});
      response.headers.forEach((value, key) => reply.header(key, value));
      reply.status(response.status);
      return reply.send(response.body);
    },
  });

  await app.register(integrationRoutes(services), { prefix: '/api/v1/integrations' });
  await app.register(webhookRoutes(services, webhookBodyLimitBytes), { prefix: '/api/v1/integrations/webhook' });
  await app.register(webhookEndpointRoutes(services), { prefix: '/api/v1/webhooks' });

  const websocket = attachGraphQLWebSocket(app.server, graphql, services);
  app.addHook('onClose', () => websocket.close());
}
