/** API-key authentication for REST: `X-Api-Key: fpk_…` (or `Authorization: Bearer fpk_…`). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimitedMessage, unauthenticatedMessage } from '../domain/orgs/authenticator';
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

/** An onRequest hook: the caller's key is checked before its body is even read. */
export function requireApiKey(services: Services) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = await services.auth.authenticate(apiKeyOf(request), request.ip);
    request.principal = auth.principal;
    if (auth.principal) return;
    if (auth.retryAfterSeconds !== null) {
      reply.header('retry-after', String(auth.retryAfterSeconds));
      return sendError(reply, 429, 'RATE_LIMITED', rateLimitedMessage(auth.retryAfterSeconds));
    }
    return sendError(reply, 401, 'UNAUTHENTICATED', unauthenticatedMessage);
  };
}

/** The authenticated org of a request that passed requireApiKey. */
export function orgOf(request: FastifyRequest): string {
  if (!request.principal) throw new Error('route reached without authentication');
  return request.principal.orgId;
}
