/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same HTTP server and path as
 * Yoga. The API key travels in the connection params (`{"X-Api-Key": "fpk_…"}`), checked once at
 * connection time; a bad key closes the socket with 4403, and counts as a failed authentication
 * of the client's address.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { execute, subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { rateLimitedMessage } from '../domain/orgs/authenticator';
import type { Principal } from '../domain/orgs/org-service';
import { clientAddress, type TrustProxy } from '../lib/client-address';
import { writeRawError } from '../lib/raw-error';
import type { Services } from '../services';
import type { HubYoga } from './yoga';

interface EnvelopedRoot {
  execute: typeof execute;
  subscribe: typeof subscribe;
}

function keyFrom(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['X-Api-Key'] ?? params?.['x-api-key'] ?? params?.apiKey;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Upgrades are taken here rather than by ws itself, so that every refusal has the API's error
 * shape, and an address over its limit of failed authentications gets 429 before it holds a socket.
 */
function acceptUpgrades(server: Server, wss: WebSocketServer, path: string, services: Services, trust: TrustProxy | undefined): void {
  let closed = false;
  wss.on('close', () => (closed = true));
  wss.on('wsClientError', (error, socket) => {
    const versionHeader: Record<string, string> = error.message.includes('Sec-WebSocket-Version') ? { 'Sec-WebSocket-Version': '13' } : {};
    writeRawError(socket, error.message === 'Invalid HTTP method' ? 405 : 400, 'BAD_REQUEST', error.message, versionHeader);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((request.url ?? '').split('?')[0] !== path) return writeRawError(socket, 404, 'NOT_FOUND', `WebSocket connections are served at ${path} only`);
    if (closed) return writeRawError(socket, 503, 'UNAVAILABLE', 'the server is shutting down');
    const retryAfter = services.auth.blockedFor(clientAddress(request, trust));
    if (retryAfter !== null) return writeRawError(socket, 429, 'RATE_LIMITED', rateLimitedMessage(retryAfter), { 'Retry-After': String(retryAfter) });
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
}

export function attachGraphQLWebSocket(server: Server, yoga: HubYoga, services: Services, trust?: TrustProxy): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  acceptUpgrades(server, wss, yoga.graphqlEndpoint, services, trust);
  useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      onConnect: async (ctx) => {
        // A failure counts against the address; past its limit, its next upgrade is refused with 429.
        const { principal } = await services.auth.authenticate(keyFrom(ctx.connectionParams), clientAddress(ctx.extra.request, trust));
        if (!principal) return false;
        ctx.extra.principal = principal;
        return true;
      },
      // Yoga's enveloped execute/subscribe ride along in rootValue (see onSubscribe), as in Yoga's docs.
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          principal: ctx.extra.principal,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );
  return wss;
}
