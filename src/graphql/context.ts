import type { Principal } from '../domain/orgs/org-service';
import type { Services } from '../services';

export const graphqlEndpoint = '/graphql';


export interface GraphQLContext {
  services: Services;
  /** Null only while authentication is pending; resolvers run behind the `org` auth scope. */
  principal: Principal | null;
}

/** The caller's organization. Every resolver scopes its reads and writes with this. */
export function orgIdOf(ctx: GraphQLContext): string {
  if (!ctx.principal) throw new Error('resolver reached without an authenticated principal');
  return ctx.principal.orgId;
}
