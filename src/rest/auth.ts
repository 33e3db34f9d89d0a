/** API-key authentication for REST: `X-Api-Key: fpk_…` (or `Authorization: Bearer fpk_…`). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../domain/orgs/org-service';
import type { Services } from '../services';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

export function requireApiKey(services: Services) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.principal = await services.orgs.authenticate(apiKeyOf(request));
    if (!request.principal) {
      return sendError(reply, 401, 'UNAUTHENTICATED', 'a valid API key is required in the X-Api-Key header');
    }
  };
}

/** The authenticated org of a request that passed requireApiKey. */
export function orgOf(request: FastifyRequest): string {
  if (!request.principal) throw new Error('route reached without authentication');
  return request.principal.orgId;
}
