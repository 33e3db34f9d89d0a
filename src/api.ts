/**
 * GraphQL at /graphql (HTTP, SSE and graphql-ws), REST under /api/v1 (with its OpenAPI document)
 * and the operator console at /console, on the hub's server. The GraphQL transports (Yoga, the Pothos schema, graphql-ws,
 * live sessions) are built at the first GraphQL request or WebSocket upgrade, not at start: a
 * process that only takes REST calls and webhooks never holds them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { consoleRoutes } from './console/routes';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './domain/errors';
import { rateLimitedMessage, unauthenticatedMessage } from './domain/orgs/authenticator';
import type { Principal } from './domain/orgs/org-service';
import { graphqlEndpoint } from './graphql/context';
import type { GraphQLTransport } from './graphql/transport';
import { clientAddress, type TrustProxy } from './lib/client-address';
import { writeRawError } from './lib/raw-error';
import { apiKeyOf, orgIdHeaderOf } from './rest/auth';
import { installContracts } from './rest/contract';
import { eventRoutes } from './rest/events';
import { integrationRoutes } from './rest/integrations';
import { openApiRoutes } from './rest/openapi/routes';
import { orgRoutes } from './rest/orgs';
import { eventTypeRoutes, webhookEndpointRoutes } from './rest/webhook-endpoints';
import { webhookRoutes } from './rest/webhooks';
import type { ServerOptions } from './server';

/** A bad X-Org-Id (400, 403, 404): in GraphQL's error shape, before anything executes. */
function refuseOrg(reply: FastifyReply, error: DomainError): FastifyReply {
  const status = error instanceof ValidationError ? 400 : error instanceof ForbiddenError ? 403 : error instanceof NotFoundError ? 404 : 400;
  const code = error instanceof ValidationError ? 'BAD_USER_INPUT' : error.code;
  return reply.status(status).send({ errors: [{ message: error.message, extensions: { code } }] });
}

/** A bad key (401) or, past the limit of failures from this address, 429: in GraphQL's error shape, as Yoga would answer. */
function refuseGraphQL(reply: FastifyReply, retryAfterSeconds: number | null): FastifyReply {
  if (retryAfterSeconds === null) return reply.status(401).send({ errors: [{ message: unauthenticatedMessage, extensions: { code: 'UNAUTHENTICATED' } }] });
  reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(429).send({ errors: [{ message: rateLimitedMessage(retryAfterSeconds), extensions: { code: 'RATE_LIMITED' } }] });
}

export async function mountApi(app: FastifyInstance, { services, graphql: settings, webhookBodyLimitBytes }: ServerOptions, trust: TrustProxy | undefined): Promise<void> {
  const routes = installContracts(app);
  let transport: Promise<GraphQLTransport> | undefined;
  const graphql = () =>
    (transport ??= import('./graphql/transport').then(({ createGraphQLTransport }) => createGraphQLTransport(services, settings, trust)));

  app.route({
    url: graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (request, reply) => {
      // Authenticate before Yoga so every GraphQL answer to a bad key is the same 401, SSE
      // included. Only the GraphiQL page itself (a browser GET for HTML) is served without a key.
      const wantsGraphiQL = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      let principal: Principal | null;
      if (wantsGraphiQL || request.method === 'OPTIONS') principal = await services.orgs.authenticate(apiKeyOf(request));
      else {
        const auth = await services.auth.authenticate(apiKeyOf(request), request.ip);
        if (!auth.principal) return refuseGraphQL(reply, auth.retryAfterSeconds);
        principal = auth.principal;
      }
      // The organization it acts for: an organization key's own, or the one a platform key names
      // in X-Org-Id (none: only the platform's own fields answer; the others say X-Org-Id is needed).
      let orgId: string | null = null;
      const named = orgIdHeaderOf(request);
      if (principal && (principal.kind === 'org' || named !== undefined)) {
        try {
          orgId = await services.orgs.resolveActingOrg(principal, named);
        } catch (error) {
          if (error instanceof DomainError) return refuseOrg(reply, error);
          throw error;
        }
      }
      const { yoga } = await graphql();
      const response = await yoga.handleNodeRequestAndResponse(request, reply, principal ? { principal, orgId } : {});
      response.headers.forEach((value, key) => {
        reply.header(key, value);
      });
      reply.status(response.status);
      return reply.send(response.body);
    },
  });

  // WebSocket upgrades are taken here rather than by ws itself, so that every refusal has the
  // API's error shape, and an address over its limit of failed authentications gets 429 before
  // it holds a socket.
  let closing = false;
  app.server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== graphqlEndpoint) return writeRawError(socket, 404, 'NOT_FOUND', `WebSocket connections are served at ${graphqlEndpoint} only`);
    if (closing) return writeRawError(socket, 503, 'UNAVAILABLE', 'the server is shutting down');
    const retryAfter = services.auth.blockedFor(clientAddress(request, trust));
    if (retryAfter !== null) return writeRawError(socket, 429, 'RATE_LIMITED', rateLimitedMessage(retryAfter), { 'Retry-After': String(retryAfter) });
    graphql().then(
      (loaded) => loaded.upgrade(request, socket, head),
      () => socket.destroy(),
    );
  });

  app.get('/', (_request, reply) => reply.redirect('/console/'));
  await app.register(consoleRoutes(), { prefix: '/console' });
  await app.register(integrationRoutes(services), { prefix: '/api/v1/integrations' });
  await app.register(webhookRoutes(services, webhookBodyLimitBytes), { prefix: '/api/v1/integrations/webhook' });
  await app.register(eventTypeRoutes(services), { prefix: '/api/v1/webhooks/event-types' });
  await app.register(webhookEndpointRoutes(services), { prefix: '/api/v1/webhooks' });
  await app.register(eventRoutes(services), { prefix: '/api/v1/events' });
  await app.register(orgRoutes(services), { prefix: '/api/v1/orgs' });
  await app.register(openApiRoutes(routes), { prefix: '/api/v1' });

  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onClose', async () => {
    if (transport) await (await transport).close();
  });
}
