/**
 * GraphQL over HTTP (queries, mutations, SSE subscriptions) with graphql-yoga. Requests arrive
 * already authenticated by their transport; without a principal nothing executes.
 */
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSettings } from '../config';
import { unauthenticatedMessage } from '../domain/orgs/authenticator';
import type { Principal } from '../domain/orgs/org-service';
import type { Services } from '../services';
import { useBadInputErrors } from './bad-input';
import { graphqlEndpoint, type GraphQLContext } from './context';
import { useLiveSubscriptions, type LiveSessions } from './live-sessions';
import { useQueryLimits } from './query-limits';
import { renderLocalGraphiQL } from './graphiql';
import { schema } from './schema';
import { useSchemaExposure } from './schema-exposure';

export interface YogaOptions {
  services: Services;
  settings: GraphQLSettings;
  sessions: LiveSessions;
}

/** Set by the WebSocket transport, which authenticates once per connection. */
export interface PreAuthenticated {
  principal?: Principal;
  /** The organization the operation acts for (see GraphQLContext.orgId). */
  orgId?: string | null;
}

export type HubYoga = YogaServerInstance<PreAuthenticated, GraphQLContext>;

/**
 * CORS for browsers on the configured origins only (HUB_CORS_ORIGINS); any other origin gets no
 * CORS headers at all, so the browser keeps the answer from the page. Keys travel in a header,
 * never in cookies, so no origin is told to send credentials.
 */
function corsFor(origins: readonly string[]) {
  if (origins.length === 0) return false;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !origins.includes(origin)) return false;
    return {
      origin: [...origins],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'x-api-key', 'authorization', 'x-org-id'],
      maxAge: 600,
    };
  };
}

export function createGraphQLServer({ services, settings, sessions }: YogaOptions): HubYoga {
  return createYoga<PreAuthenticated, GraphQLContext>({
    schema,
    graphqlEndpoint,
    graphiql: settings.graphiql
      ? {
          title: 'Integration Hub',
          headers: JSON.stringify({ 'X-Api-Key': 'fpk_test_…' }),
          defaultQuery: '{\n  connectors { connectorType displayName requiredCredentialFields }\n  integrations { connectorType tenantUrl enabled credentialFields syncStatus { lastSyncAt lastSyncStatus } }\n}\n',
        }
      : false,
    renderGraphiQL: renderLocalGraphiQL,
    landingPage: false,
    cors: corsFor(settings.corsOrigins),
    // The query limits depend on each request's variables: a validation result cached by
    // document text would let a small list pass for a big one. Parsed documents stay cached.
    parserAndValidationCache: { validationCache: false },
    plugins: [
      useQueryLimits(settings.limits),
      useSchemaExposure(settings),
      useLiveSubscriptions(sessions),
      useBadInputErrors(),
    ],
    // Unexpected errors become "Unexpected error." with no stack or message of their own.
    maskedErrors: { isDev: false },
    logging: {
      debug: (...args) => services.logger.debug({ args }, 'graphql'),
      info: (...args) => services.logger.info({ args }, 'graphql'),
      warn: (...args) => services.logger.warn({ args }, 'graphql'),
      error: (...args) => services.logger.error({ err: args[0] instanceof Error ? args[0] : undefined }, 'graphql error'),
    },
    // The transports (HTTP route, WebSocket onConnect) authenticate and hand the principal in.
    context: (initial): GraphQLContext => {
      if (!initial.principal) throw new GraphQLError(unauthenticatedMessage, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      return { services, principal: initial.principal, orgId: initial.orgId ?? null };
    },
  });
}
