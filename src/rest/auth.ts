/**
 * API-key authentication for REST: `X-Api-Key: fpk_…` (or `Authorization: Bearer fpk_…`), and
 * the organization a request acts for: an organization's key acts for its own; a platform key
 * for the one it names in `X-Org-Id` (src/domain/orgs/principal.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimitedMessage, unauthenticatedMessage } from '../domain/orgs/authenticator';
import { orgIdHeader, platformOnlyMessage, type Principal } from '../domain/orgs/principal';
import type { Services } from '../services';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The organization the request acts for; null for a platform key that named none (see OrgScope). */
    actingOrgId: string | null;
  }
}

/**
 * What a route group needs to know about the organization:
 * - `org`: it acts for one organization; a platform key must name it in X-Org-Id (400 otherwise);
 * - `optional`: the route finds the organization itself (e.g. an `orgId` in its body, through
 *   `services.orgs.resolveActingOrg`); X-Org-Id, if sent, is checked and kept in `actingOrgId`;
 * - `platform`: it is the platform's own (provisioning organizations): platform keys only, an
 *   organization's key gets 403.
 */
export type OrgScope = 'org' | 'optional' | 'platform';

export function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

/** The X-Org-Id header, if any (a repeated header arrives joined with ", " and is refused as malformed). */
export function orgIdHeaderOf(request: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const value = request.headers['x-org-id'];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** An onRequest hook: the caller's key (and the organization it acts for) is checked before its body is even read. */
export function requireApiKey(services: Services, scope: OrgScope = 'org') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.actingOrgId = null;
    const auth = await services.auth.authenticate(apiKeyOf(request), request.ip);
    request.principal = auth.principal;
    if (!auth.principal) {
      if (auth.retryAfterSeconds !== null) {
        reply.header('retry-after', String(auth.retryAfterSeconds));
        return sendError(reply, 429, 'RATE_LIMITED', rateLimitedMessage(auth.retryAfterSeconds));
      }
      return sendError(reply, 401, 'UNAUTHENTICATED', unauthenticatedMessage);
    }
    if (scope === 'platform') {
      if (auth.principal.kind !== 'platform') return sendError(reply, 403, 'FORBIDDEN', platformOnlyMessage);
      return;
    }
    const named = orgIdHeaderOf(request);
    if (auth.principal.kind === 'platform' && named === undefined && scope === 'optional') return;
    // Domain errors (400 naming X-Org-Id, 403 another organization or a disabled one, 404 an unknown one) go to the error handler.
    request.actingOrgId = await services.orgs.resolveActingOrg(auth.principal, named, orgIdHeader);
  };
}

/** The organization a request acts for, on a route behind requireApiKey(…, 'org'). */
export function orgOf(request: FastifyRequest): string {
  if (!request.principal || !request.actingOrgId) throw new Error('route reached without an authenticated organization');
  return request.actingOrgId;
}
