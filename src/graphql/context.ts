import type { Principal } from '../domain/orgs/principal';
import type { Services } from '../services';

export const graphqlEndpoint = '/graphql';

export interface GraphQLContext {
  services: Services;
  /** Null only while authentication is pending; resolvers run behind the `org` or `platform` auth scope. */
  principal: Principal | null;
  /**
   * The organization the operation acts for: an organization key's own, or the one a platform
   * key named (X-Org-Id over HTTP, `orgId` in graphql-ws connection params). Null for a platform
   * key that named none: it may then use the platform's own fields only.
   */
  orgId: string | null;
}

/** The caller's organization. Every resolver scopes its reads and writes with this. */
export function orgIdOf(ctx: GraphQLContext): string {
  if (!ctx.principal) throw new Error('resolver reached without an authenticated principal');
  // The `org` auth scope refuses a platform key that named no organization before any resolver runs.
  if (!ctx.orgId) throw new Error('resolver reached without an organization to act for');
  return ctx.orgId;
}
