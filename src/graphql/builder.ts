/**
 * The Pothos schema builder: plugins and shared scalars. Types live one per file in ./types and
 * register themselves on import; ./schema.ts imports them all and builds the schema.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getNullableType, GraphQLError, isListType } from 'graphql';
import type PrismaTypes from '../generated/pothos-types';
import { getDatamodel } from '../generated/pothos-types';
import { orgIdHeader, platformOnlyMessage } from '../domain/orgs/principal';
import type { GraphQLContext } from './context';
import { listArgumentItems } from './query-limits';

/** The GraphQL error of a platform key calling an organization's field without naming the organization. */
function orgRequiredError(): GraphQLError {
  return new GraphQLError(
    `${orgIdHeader}: required with a platform key: name the organization to act for in the ${orgIdHeader} header (graphql-ws: "orgId" in the connection params)`,
    { extensions: { code: 'BAD_USER_INPUT', field: orgIdHeader, http: { status: 400 } } },
  );
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  /** `org`: acts for an organization (every field unless it says otherwise); `platform`: a platform key's own fields (provisioning). */
  AuthScopes: { org: boolean; platform: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ComplexityPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ org: ctx.principal !== null && ctx.orgId !== null, platform: ctx.principal?.kind === 'platform' }),
    authorizeOnSubscribe: true,
    // Which scope failed follows from the principal: a platform key only ever fails `org` (it
    // named no organization), an organization's key only ever fails `platform`.
    unauthorizedError: (_parent, ctx) => {
      if (!ctx.principal) return new GraphQLError('a valid API key is required', { extensions: { code: 'UNAUTHENTICATED' } });
      if (ctx.principal.kind === 'platform') return orgRequiredError();
      return new GraphQLError(platformOnlyMessage, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    },
  },
  errors: { directResult: false },
  // Costs only: the limits are checked while each operation is validated (./query-limits.ts), so
  // subscriptions are measured when they subscribe and __typename-only selections count too.
  complexity: {
    // A field costs 1 plus one per item of the lists it is given (ids, mappings, credentials); a
    // list field multiplies what is selected beneath it by 10.
    fieldComplexity: (args, _ctx, field) => ({
      field: 1 + listArgumentItems(args),
      multiplier: isListType(getNullableType(field.type)) ? 10 : 1,
    }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // ./types/node.ts defines both, scoped to the caller's organization.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  prisma: {
    client: (ctx) => ctx.services.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.scalarType('DateTime', {
  description: 'An instant as an ISO 8601 string in UTC, e.g. 2026-04-03T14:30:00.000Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return date;
  },
});

builder.scalarType('JSONObject', {
  description: "A JSON object, e.g. a connector's own settings",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GraphQLError('JSONObject must be a JSON object');
    return value as Record<string, unknown>;
  },
});

builder.queryType({ authScopes: { org: true } });
builder.mutationType({ authScopes: { org: true } });
builder.subscriptionType({ authScopes: { org: true } });
