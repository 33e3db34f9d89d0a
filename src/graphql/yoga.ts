/**
 * GraphQL over HTTP (queries, mutations, SSE subscriptions) with graphql-yoga. Requests arrive
 * already authenticated by their transport; without a principal nothing executes.
 */
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Principal } from '../domain/orgs/org-service';
import type { Services } from '../services';
import { graphqlEndpoint, unauthenticatedMessage, type GraphQLContext, type QueryLimits } from './context';
import { schema } from './schema';

export interface YogaOptions {
  services: Services;
  graphiql: boolean;
  limits: QueryLimits;
}

/** Set by the WebSocket transport, which authenticates once per connection. */
export interface PreAuthenticated {
  principal?: Principal;
}

export type HubYoga = YogaServerInstance<PreAuthenticated, GraphQLContext>;

export function createGraphQLServer({ services, graphiql, limits }: YogaOptions): HubYoga {
  return createYoga<PreAuthenticated, GraphQLContext>({
    schema,
    graphqlEndpoint,
    graphiql: graphiql
      ? {
          title: 'Integration Hub',
          headers: JSON.stringify({ 'X-Api-Key': 'fpk_test_…' }),
          defaultQuery: '{\n  connectors { connectorType displayName requiredCredentialFields }\n  integrations { connectorType tenantUrl enabled credentialFields syncStatus { lastSyncAt lastSyncStatus } }\n}\n',
        }
      : false,
    landingPage: false,
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
      return { services, principal: initial.principal, limits };
    },
  });
}
