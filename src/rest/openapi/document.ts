/**
 * The OpenAPI 3.1 document of the REST API, generated from the routes the server registered and
 * their contracts (rest/contract.ts): paths and methods from Fastify, schemas from the same zod
 * objects that validate the requests (zod's own JSON Schema, draft 2020-12, which is OpenAPI
 * 3.1's dialect), and the error answers every route of a kind can give. A route without a
 * contract still appears, marked `x-undocumented`, so nothing is left out silently.
 */
import { z } from 'zod';
import type { RegisteredRoute, RouteContract } from '../contract';
import { componentSchemas, errorBody } from '../schemas';

type Json = Record<string, unknown>;

export const API_PREFIX = '/api/v1';

/** The code each error status answers with unless its contract names another ("CODE: when"). */
const codes: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The answers a route can give by its kind, whatever its service does. */
function transportErrors(method: string, c: RouteContract): [number, string][] {
  const errors: [number, string][] = [];
  if (c.auth === 'apiKey' || c.auth === 'platformKey') {
    errors.push([401, 'UNAUTHENTICATED: no API key, or a malformed, unknown or revoked one (or one of a disabled organization)']);
    errors.push([429, 'RATE_LIMITED: too many failed authentications from your address; Retry-After says when to try again']);
  }
  if (c.auth === 'apiKey') {
    errors.push([400, 'VALIDATION_FAILED: a platform key without X-Org-Id, or a malformed X-Org-Id; `fields` names X-Org-Id']);
    errors.push([403, "FORBIDDEN: X-Org-Id names another organization than the API key's own, or a disabled organization"]);
    errors.push([404, 'NOT_FOUND: X-Org-Id names no organization (platform keys)']);
  }
  if (c.body || c.query) errors.push([400, `VALIDATION_FAILED: the ${c.body ? 'body' : 'query string'} is not valid; \`fields\` names each problem`]);
  if (bodyMethods.has(method) && c.auth !== 'webhookSignature') {
    errors.push([400, 'INVALID_JSON: the body is not JSON']);
    errors.push([413, 'PAYLOAD_TOO_LARGE: the body is larger than HUB_BODY_LIMIT_BYTES']);
    errors.push([415, 'UNSUPPORTED_MEDIA_TYPE: a body not sent as application/json']);
  }
  errors.push([500, 'INTERNAL: a bug; the body carries no detail, the log has it under the x-request-id header']);
  errors.push([503, 'UNAVAILABLE: the server is shutting down; retry on another instance']);
  return errors;
}

const security: Record<RouteContract['auth'], Json[]> = {
  apiKey: [{ apiKey: [] }, { bearer: [] }],
  platformKey: [{ apiKey: [] }, { bearer: [] }],
  webhookSignature: [{ webhookSignature: [] }, { standardWebhooks: [] }],
  none: [],
};

const securitySchemes = {
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description:
      'An API key of your organization (`hub -- apikey create`): every call sees only its own organization. Or a platform key ' +
      '(`hub -- platformkey create`, `fpk_platform_…`): it provisions organizations (/api/v1/orgs) and acts for the organization it names in `X-Org-Id`.',
  },
  bearer: { type: 'http', scheme: 'bearer', description: 'The same API key as `Authorization: Bearer fpk_…`.' },
  webhookSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Webhook-Signature',
    description: '`sha256=<hex>`: HMAC-SHA256 of the raw request body, keyed with the integration\'s webhook secret (settings.webhookSecret), compared in constant time.',
  },
  standardWebhooks: {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description:
      'Standard Webhooks: `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">`, with the `webhook-id` and `webhook-timestamp` headers; ' +
      'older than 5 minutes is refused, a repeated webhook-id is deduplicated. Required instead of X-Webhook-Signature when settings.requireTimestampedSignatures is true.',
  },
};

const description = `The REST API of Integration Hub: integrations and their field mappings, connection tests and syncs,
inbound webhooks from host systems, and endpoints for the hub's outbound events.

Errors always have one shape: \`{"error": {"code", "message", "fields"?}}\`. Requests that never reach a route are answered in
it too: 400 BAD_REQUEST (not valid HTTP/1.1), 400 BAD_URL, 404 NOT_FOUND (no such route), 408 REQUEST_TIMEOUT, 414 URI_TOO_LONG,
417 EXPECTATION_FAILED, 431 HEADERS_TOO_LARGE. Every answer carries an \`x-request-id\` header.`;

/** Every route that acts for an organization takes it from a platform key in this header. */
const orgIdParameter: Json = {
  name: 'X-Org-Id',
  in: 'header',
  required: false,
  description:
    "With a platform key: the organization to act for (required). With an organization's API key: leave it out, or name the key's own organization (another one is refused with 403).",
  schema: { type: 'string', pattern: '^org_[a-z0-9]+$' },
  example: 'org_3k2v9x0q4m1r8t6w2y5z',
};

/** Fastify's `/x/:id` as OpenAPI's `/x/{id}`, without a trailing slash. */
function openApiPath(url: string): string {
  const trimmed = url.length > 1 ? url.replace(/\/$/, '') : url;
  return trimmed.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** Converts the operations' schemas into one set of components, each named once. */
class Components {
  private readonly registry = z.registry<{ id: string }>();

  constructor() {
    for (const [id, schema] of Object.entries(componentSchemas)) this.registry.add(schema, { id });
  }

  /** A `$ref` to the schema, named `name` unless it already has a name. */
  ref(schema: z.ZodType, name: string): Json {
    if (!this.registry.has(schema)) this.registry.add(schema, { id: name });
    return { $ref: `#/components/schemas/${this.registry.get(schema)!.id}` };
  }

  schemas(): Json {
    const { schemas } = z.toJSONSchema(this.registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
    return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
  }
}

/** The properties of an object schema as OpenAPI parameters. */
function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query' | 'header'): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description: text, example, ...property }]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(text ? { description: text } : {}),
    schema: property,
    ...(example === undefined ? {} : { example }),
  }));
}

function operation(method: string, c: RouteContract, components: Components): Json {
  const id = capitalized(c.operationId);
  const responses: Json = {};
  for (const [status, response] of Object.entries(c.responses)) {
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }]));
    const media = response.schema ? { [response.mediaType ?? 'application/json']: { schema: components.ref(response.schema, `${id}${status}`), ...(response.example === undefined ? {} : { example: response.example }) } } : undefined;
    responses[status] = { description: response.description, ...(media ? { content: media } : {}), ...(Object.keys(headers).length ? { headers } : {}) };
  }

  const errors = new Map<number, string[]>();
  for (const [status, text] of [...transportErrors(method, c), ...Object.entries(c.errors ?? {}).map(([s, text]) => [Number(s), text] as [number, string])]) {
    errors.set(status, [...(errors.get(status) ?? []), text]);
  }
  for (const [status, texts] of [...errors].sort(([a], [b]) => a - b)) {
    const named = /^([A-Z_]+): (.*)$/.exec(texts[0]!);
    const example = { error: { code: named?.[1] ?? codes[status] ?? 'ERROR', message: named?.[2] ?? texts[0]! } };
    const headers = status === 429 ? { headers: { 'Retry-After': { description: 'seconds until a new attempt may succeed', schema: { type: 'integer' } } } } : {};
    responses[status] = { description: texts.join('; '), ...headers, content: { 'application/json': { schema: components.ref(errorBody, 'Error'), example } } };
  }

  return {
    operationId: c.operationId,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [c.tag],
    security: security[c.auth],
    parameters: [...parameters(c.params, 'path'), ...parameters(c.query, 'query'), ...parameters(c.headers, 'header'), ...(c.auth === 'apiKey' ? [orgIdParameter] : [])],
    ...(c.body
      ? {
          requestBody: {
            required: c.body.required ?? false,
            ...(c.body.description ? { description: c.body.description } : {}),
            content: { 'application/json': { schema: components.ref(c.body.schema, `${id}Body`), ...(c.body.example === undefined ? {} : { example: c.body.example }) } },
          },
        }
      : {}),
    responses,
  };
}

/** A route without a contract: listed, so that the gap shows. */
function undocumented(route: RegisteredRoute, components: Components): Json {
  return {
    summary: `${route.method} ${route.url} (not documented yet)`,
    'x-undocumented': true,
    responses: { default: { description: 'not documented', content: { 'application/json': { schema: components.ref(errorBody, 'Error') } } } },
  };
}

export function openApiDocument(routes: readonly RegisteredRoute[]): Json {
  const components = new Components();
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    if (!route.url.startsWith(API_PREFIX) || route.method === 'HEAD') continue;
    const path = openApiPath(route.url);
    const method = route.method.toLowerCase();
    if (paths[path]?.[method]) continue; // `/x` and `/x/` are one operation
    paths[path] = { ...paths[path], [method]: route.contract ? operation(route.method, route.contract, components) : undocumented(route, components) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Integration Hub REST API', version: '1', description, license: { name: 'MIT', identifier: 'MIT' } },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.flatMap((route) => (route.contract && route.url.startsWith(API_PREFIX) ? [route.contract.tag] : [])))].map((name) => ({ name })),
    paths,
    components: { schemas: components.schemas(), securitySchemes },
  };
}
