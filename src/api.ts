/**
 * GraphQL at /graphql (HTTP, SSE and graphql-ws) and REST under /api/v1, on the hub's server.
 * The GraphQL transports (Yoga, the Pothos schema, graphql-ws, live sessions) are built at the
 * first GraphQL request or WebSocket upgrade, not at start: a process that only takes REST calls
 * and webhooks never holds them.
 */
import type { FastifyInstance } from 'fastify';
import { graphqlEndpoint, unauthenticatedMessage } from './graphql/context';
import type { GraphQLTransport } from './graphql/transport';
import { apiKeyOf } from './rest/auth';
import { integrationRoutes } from './rest/integrations';
import { webhookEndpointRoutes } from './rest/webhook-endpoints';
import { webhookRoutes } from './rest/webhooks';
import type { ServerOptions } from './server';

export async function mountApi(app: FastifyInstance, { services, graphql: settings, webhookBodyLimitBytes }: ServerOptions): Promise<void> {
  let transport: Promise<GraphQLTransport> | undefined;
  const graphql = () => (transport ??= import('./graphql/transport').then(({ createGraphQLTransport }) => createGraphQLTransport(services, settings)));

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
      const { yoga } = await graphql();
      const response = await yoga.handleNodeRequestAndResponse(request, reply, principal ? { principal } : {});
      response.headers.forEach((value, key) => reply.header(key, value));
      reply.status(response.status);
      return reply.send(response.body);
    },
  });

  // WebSocket upgrades: graphql-ws on the GraphQL path; any other path is refused, as before.
  app.server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== graphqlEndpoint) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    graphql().then(
      (loaded) => loaded.upgrade(request, socket, head),
      () => socket.destroy(),
    );
  });

  await app.register(integrationRoutes(services), { prefix: '/api/v1/integrations' });
  await app.register(webhookRoutes(services, webhookBodyLimitBytes), { prefix: '/api/v1/integrations/webhook' });
  await app.register(webhookEndpointRoutes(services), { prefix: '/api/v1/webhooks' });

  app.addHook('onClose', async () => {
    if (transport) await (await transport).close();
  });
}
