/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same HTTP server and path as
 * Yoga. The API key travels in the connection params (`{"X-Api-Key": "fpk_…"}`) and is checked
 * when the socket connects, again before every operation on it, and every HUB_AUTH_RECHECK_MS
 * while it stays open (./live-sessions.ts): a bad, revoked key closes the socket with 4403. A bad
 * key at connection time counts as a failed authentication of the client's address. The server
 * takes the upgrade requests api.ts hands it (it is built with the rest of GraphQL, at the first
 * use; see ./transport.ts).
 */
import { GraphQLError, type DocumentNode, type execute, type subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal } from '../domain/orgs/org-service';
import { clientAddress, type TrustProxy } from '../lib/client-address';
import { writeRawError } from '../lib/raw-error';
import type { Services } from '../services';
import type { LiveSessions } from './live-sessions';
import type { HubYoga } from './yoga';

interface EnvelopedRoot {
  execute: typeof execute;
  subscribe: typeof subscribe;
}

type Extra = {
  principal?: Principal;
  /** Stops tracking the socket among the live sessions. */
  untrack?: () => void;
};

const forbidden = 4403;
const revokedReason = 'API key no longer valid';

function keyFrom(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['X-Api-Key'] ?? params?.['x-api-key'] ?? params?.apiKey;
  return typeof value === 'string' ? value : undefined;
}

export function createGraphQLWebSocketServer(yoga: HubYoga, services: Services, sessions: LiveSessions, trust: TrustProxy | undefined): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // A malformed upgrade is answered in the API's error shape, not ws's own.
  wss.on('wsClientError', (error, socket) => {
    const versionHeader: Record<string, string> = error.message.includes('Sec-WebSocket-Version') ? { 'Sec-WebSocket-Version': '13' } : {};
    writeRawError(socket, error.message === 'Invalid HTTP method' ? 405 : 400, 'BAD_REQUEST', error.message, versionHeader);
  });
  useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        // A failure counts against the address; past its limit, its next upgrade is refused with 429.
        const { principal } = await services.auth.authenticate(keyFrom(ctx.connectionParams), clientAddress(ctx.extra.request, trust));
        if (!principal) return false;
        ctx.extra.principal = principal;
        ctx.extra.untrack = sessions.add({ principal, kind: 'socket', end: () => ctx.extra.socket.close(forbidden, revokedReason) });
        return true;
      },
      onClose: (ctx) => ctx.extra.untrack?.(),
      // Yoga's enveloped execute/subscribe ride along in rootValue (see onSubscribe), as in Yoga's docs.
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const principal = ctx.extra.principal!;
        if (!(await services.orgs.validKeyIds([principal.keyId])).has(principal.keyId)) {
          // The error message is sent as soon as this returns; the socket closes right after it.
          setImmediate(() => ctx.extra.socket.close(forbidden, revokedReason));
          return [new GraphQLError('this API key is no longer valid (revoked)', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          principal,
        });
        let document: DocumentNode;
        try {
          document = parse(params.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args = {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        // Validation includes the query limits, so a subscription too deep or too costly is
        // refused here, once, with an error message, instead of failing at every event.
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );
  return wss;
}
