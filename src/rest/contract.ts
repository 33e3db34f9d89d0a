/**
 * A REST route's contract: what it takes and answers, declared once beside the route
 * (`app.get(path, contract(…), handler)`) with the zod schemas that check its input. The
 * OpenAPI document (rest/openapi/) is generated from these and nothing else:
 *
 * - `body` is the schema the domain service parses the body with (e.g. `configureInput`), so the
 *   document and the validation are one object;
 * - `query` is parsed here, before the handler runs, with the same schema the document shows;
 *   a bad value is a 400 VALIDATION_FAILED naming the parameter;
 * - the error answers every route of a kind can give (401/429 with a key, 400/413/415 with a
 *   body, 500, 503) are added by the document; `errors` names those of the service itself.
 *
 * installContracts() records every route the server registers, with or without a contract, so
 * a route added without one shows up (the OpenAPI test fails) instead of going unnoticed.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../domain/validation';

/**
 * How a caller authenticates: an API key (X-Api-Key or Bearer: an organization's key, or a
 * platform key naming the organization in X-Org-Id), a platform key only (provisioning), a
 * webhook signature, or not at all.
 */
export type RouteAuth = 'apiKey' | 'platformKey' | 'webhookSignature' | 'none';

export interface ResponseContract {
  description: string;
  /** The JSON body; none for an empty answer (204). */
  schema?: z.ZodType;
  /** A body that is not JSON (the reference page's HTML), by media type. */
  mediaType?: string;
  example?: unknown;
  /** Response headers worth knowing, by name. */
  headers?: Record<string, string>;
}

export interface RouteContract {
  /** Unique across the API, camelCase: names the operation in the document and in generated clients. */
  operationId: string;
  summary: string;
  description?: string;
  /** The group the reference page lists it under. */
  tag: string;
  auth: RouteAuth;
  /** Path parameters, documented from this schema; the service checks their values (unknown ones answer 404). */
  params?: z.ZodObject;
  /** The query string: parsed with this before the handler runs, and documented from it. */
  query?: z.ZodObject;
  /** Request headers the route reads (besides authentication). */
  headers?: z.ZodObject;
  /** The JSON body, with the schema the service validates it with. */
  body?: { schema: z.ZodType; required?: boolean; description?: string; example?: unknown };
  /** The answers of a request that succeeded, by status. */
  responses: Record<number, ResponseContract>;
  /** Error answers the service itself gives, by status, saying when; the transport's own are added. */
  errors?: Record<number, string>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    contract?: RouteContract;
  }
}

/** A route's options carrying its contract: `app.get('/x', contract({…}), handler)`. */
export function contract(routeContract: RouteContract): { config: { contract: RouteContract } } {
  return { config: { contract: routeContract } };
}

export interface RegisteredRoute {
  method: string;
  /** The full pattern, prefix included: `/api/v1/integrations/:connectorType`. */
  url: string;
  contract: RouteContract | undefined;
}

/** Every route the server registered, in order; read once the server is ready. */
export interface RouteCatalog {
  readonly routes: readonly RegisteredRoute[];
}

/** Call before any route is added: records each route and parses the query strings that have a contract. */
export function installContracts(app: FastifyInstance): RouteCatalog {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, contract: route.config?.contract });
  });
  app.addHook('preValidation', async (request) => {
    const query = request.routeOptions.config.contract?.query;
    if (query) request.query = parseInput(query, request.query);
  });
  return { routes };
}
