/**
 * The two ways a caller could name rows without an org filter in the resolver's `where`, and
 * how each is held to the caller's organization:
 *
 * - a Relay global id (`node`, `nodes`) is only base64 of `Type:rowId`: every `prismaNode`
 *   spreads `inCallersOrg`, so it loads by id *and* org, and is null otherwise;
 * - a pagination cursor carries a row id, and Prisma positions a page at that row (a subquery by
 *   id alone, outside the list's `where`): `pageInCallersOrg` adds the org to the cursor, so
 *   another organization's cursor matches no row and the page is empty, exactly as for a cursor
 *   whose row was deleted. Nothing tells the caller whether the row exists elsewhere, and it
 *   costs no extra query (rejecting it with an error would need one, and would say more).
 */
import { orgIdOf, type GraphQLContext } from './context';

/** Spread into every `prismaNode`: load by id within the caller's org, null when not found there. */
export const inCallersOrg = {
  nullable: true,
  findUnique: (id: string, ctx: GraphQLContext) => ({ id, orgId: orgIdOf(ctx) }),
} as const;

/** A `prismaConnection` query whose cursor (if any) only matches a row of the caller's org. */
export function pageInCallersOrg<Query extends { cursor?: object }>(query: Query, ctx: GraphQLContext): Query {
  return query.cursor ? { ...query, cursor: { ...query.cursor, orgId: orgIdOf(ctx) } } : query;
}
