/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same HTTP server and path as
 * Yoga. The API key travels in the connection params (`{"X-Api-Key": "fpk_…"}`), checked once at
 * connection time; a bad key closes the socket with 4403.
 */
import type { Server } from 'node:http';
import type { execute, subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal } from '../domain/orgs/org-service';
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

export function attachGraphQLWebSocket(server: Server, yoga: HubYoga, services: Services): WebSocketServer {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: 64 * 1024 });
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
