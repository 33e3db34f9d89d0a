/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same HTTP server and path as
 * Yoga. The API key travels in the connection params (`{"X-Api-Key": "fpk_…"}`), with a platform
 * key the organization it acts for too (`{"orgId": "org_…"}`, or `"X-Org-Id"`), and both are
 * checked when the socket connects, again before every operation on it, and every
 * HUB_AUTH_RECHECK_MS while it stays open (./live-sessions.ts): a bad, revoked key (or the
 * disabling of the organization a platform key acts for) closes the socket with 4403; a bad
 * organization at connection time closes it with 4400 (malformed) or 4403, the reason saying
 * why. A bad key at connection time counts as a failed authentication of the client's address. The server
 * takes the upgrade requests api.ts hands it (it is built with the rest of GraphQL, at the first
 * use; see ./transport.ts).
 */
import { GraphQLError, type DocumentNode, type execute, type subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DomainError, ValidationError } from '../domain/errors';
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
  /** The organization the socket's operations act for (null: a platform key that named none). */
  orgId?: string | null;
  /** Stops tracking the socket among the live sessions. */
  untrack?: () => void;
};

const forbidden = 4403;
const badRequest = 4400;
const revokedReason = 'API key no longer valid';

function keyFrom(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.['X-Api-Key'] ?? params?.['x-api-key'] ?? params?.apiKey;
  return typeof value === 'string' ? value : undefined;
}

/** The organization named in the connection params, if any; anything but a string is passed on as malformed. */
function orgFrom(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.orgId ?? params?.['X-Org-Id'] ?? params?.['x-org-id'];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A close reason is at most 123 bytes. */
const closeReason = (message: string) => (Buffer.byteLength(message) <= 123 ? message : `${Buffer.from(message).subarray(0, 120).toString()}…`);

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
        const named = orgFrom(ctx.connectionParams);
        let orgId: string | null = null;
        if (principal.kind === 'org' || named !== undefined) {
          try {
            orgId = await services.orgs.resolveActingOrg(principal, named, 'orgId');
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // Closed here with the reason; graphql-ws's own close after `false` is then a no-op.
            ctx.extra.socket.close(error instanceof ValidationError ? badRequest : forbidden, closeReason(error.message));
            return false;
          }
        }
        ctx.extra.principal = principal;
        ctx.extra.orgId = orgId;
        ctx.extra.untrack = sessions.add({ caller: { principal, orgId }, kind: 'socket', end: () => ctx.extra.socket.close(forbidden, revokedReason) });
        return true;
      },
      onClose: (ctx) => ctx.extra.untrack?.(),
      // Yoga's enveloped execute/subscribe ride along in rootValue (see onSubscribe), as in Yoga's docs.
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const principal = ctx.extra.principal!;
        const orgId = ctx.extra.orgId ?? null;
        const [valid] = await services.orgs.validCallers([{ principal, orgId }]);
        if (!valid) {
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
          orgId,
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
