/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same HTTP server and path as
 * Yoga. The API key travels in the connection params (`{"X-Api-Key": "fpk_…"}`), checked once at
 * connection time; a bad key closes the socket with 4403. The graphql-ws server (and Yoga with
 * it) is set up at the first upgrade request.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { execute, subscribe } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Principal } from '../domain/orgs/org-service';
import type { Services } from '../services';
import { graphqlEndpoint } from './context';
import type { HubYoga } from './yoga';

interface EnvelopedRoot {
  execute: typeof execute;
  subscribe: typeof subscribe;
}

function keyFrom(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['X-Api-Key'] ?? params?.['x-api-key'] ?? params?.apiKey;
  return typeof value === 'string' ? value : undefined;
}

export interface GraphQLWebSocket {
  /** Closes every connection (1001) and the server. */
  close(): Promise<void>;
}

export function attachGraphQLWebSocket(server: Server, graphql: () => Promise<HubYoga>, services: Services): GraphQLWebSocket {
  let opened: Promise<WebSocketServer> | undefined;
  const open = () => (opened ??= serveGraphQLWs(graphql, services));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((request.url ?? '').split('?')[0] !== graphqlEndpoint) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    open().then(
      (wss) => wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request)),
      () => socket.destroy(),
    );
  });
  return {
    async close() {
      if (!opened) return;
      const wss = await opened;
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

async function serveGraphQLWs(graphql: () => Promise<HubYoga>, services: Services): Promise<WebSocketServer> {
  const [{ useServer }, yoga] = await Promise.all([import('graphql-ws/use/ws'), graphql()]);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      onConnect: async (ctx) => {
        const principal = await services.orgs.authenticate(keyFrom(ctx.connectionParams));
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
