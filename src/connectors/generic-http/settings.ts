/**
 * The generic-http connector's own keys of an integration's `settings`: how to authenticate,
 * where the items and deliveries are and how they page, default units, and how to read hooks.
 * Everything has a default except what cannot be guessed (the webhook id path), so a plain
 * `/items` API needs no settings at all. Every object is strict: a misspelt key is an error
 * rather than a setting that silently does nothing.
 */
import { z } from 'zod';
import { convert } from '../../domain/units';
import type { ScopeName } from '../types';

const object = <T extends z.ZodRawShape>(shape: T, what: string) => z.object(shape, { message: `must be an object (${what})` }).strict();

const text = (message: string) => z.string({ message });

/** "data.items", or "" for the value itself. */
const DOTTED = /^$|^[^.\s]+(\.[^.\s]+)*$/;
const dottedPath = (example: string) =>
  text(`must be a dotted path such as "${example}"`).max(200, 'must be at most 200 characters').regex(DOTTED, `must be a dotted path such as "${example}" (no spaces, no empty segments)`);
const nonEmptyPath = (example: string) => dottedPath(example).min(1, `must not be empty; a dotted path such as "${example}"`);

/** A path below the tenant URL, e.g. "/items" (query strings are built by the connector). */
const apiPath = (example: string) =>
  text(`must be a path such as "${example}"`).max(500, 'must be at most 500 characters').regex(/^\/[^\s?#]*$/, `must start with "/" and have no query string, e.g. "${example}"`);
const withId = (example: string) => apiPath(example).refine((path) => path.includes('{id}'), `must contain "{id}" where the record's id goes, e.g. "${example}"`);

const paramName = (example: string) =>
  text(`must be a query parameter name such as "${example}"`).regex(/^[A-Za-z0-9_.\-[\]]{1,64}$/, `must be a query parameter name such as "${example}"`);

const pageSize = z
  .number({ message: 'must be a whole number of records per page' })
  .int('must be a whole number of records per page')
  .min(1, 'must be at least 1')
  .max(10_000, 'must be at most 10000')
  .optional();

/** Paging styles, each with the parameters it needs. `pageSize` left out: the hub's sync page size. */
const paging = z.discriminatedUnion(
  'style',
  [
    object({ style: z.literal('none') }, 'paging'),
    object({
      style: z.literal('page'),
      pageParam: paramName('page').default('page'),
      sizeParam: paramName('pageSize').default('pageSize'),
      pageSize,
      firstPage: z.union([z.literal(0), z.literal(1)], { message: 'must be 0 or 1' }).default(1),
    }, 'paging'),
    object({ style: z.literal('offset'), offsetParam: paramName('offset').default('offset'), limitParam: paramName('limit').default('limit'), pageSize }, 'paging'),
    object({
      style: z.literal('cursor'),
      cursorParam: paramName('cursor').default('cursor'),
      nextCursorPath: nonEmptyPath('meta.nextCursor').default('nextCursor'),
      sizeParam: paramName('limit').default('limit'),
      pageSize,
    }, 'paging'),
    object({ style: z.literal('link'), sizeParam: paramName('per_page').default('per_page'), pageSize }, 'paging'),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must have "style": one of "none", "page", "offset", "cursor", "link"' : undefined) },
);

const items = object({
  path: apiPath('/items').default('/items'),
  resultsPath: dottedPath('data').default('data'),
  idField: nonEmptyPath('id').default('id'),
  itemPath: withId('/items/{id}').default('/items/{id}'),
  /** Where the single record is in the answer to itemPath ("" = the body is the record). */
  itemResultPath: dottedPath('data').default(''),
  changedSinceParam: paramName('updatedSince').optional(),
  /** An ISO 8601 timestamp of the record's last change (stored as the item's sourceChangedAt). */
  changedAtField: nonEmptyPath('updatedAt').optional(),
  /** A boolean that marks a record inactive when false (e.g. "active"). */
  activeField: nonEmptyPath('active').optional(),
  paging: paging.prefault({ style: 'none' }),
}, 'items');

const deliveries = object({
  path: withId('/orders/{id}').default('/orders/{id}'),
  /** Where the delivery is in the answer ("" = the body is the delivery). */
  resultPath: dottedPath('data').default(''),
  linesPath: nonEmptyPath('lines').default('lines'),
  /** A line's own number; without it lines are numbered 1, 2, … in the order sent. */
  lineIdField: nonEmptyPath('lineNumber').optional(),
}, 'deliveries');

const unitCode = (kind: 'length' | 'weight', example: string) =>
  text(`must be a ${kind} unit code such as "${example}"`).refine((code) => {
    try {
      convert(kind, 1, code);
      return true;
    } catch {
      return false;
    }
  }, `must be a ${kind} unit code the hub converts, e.g. ${kind === 'length' ? 'MM, CM, M, IN, FT' : 'KG, G, LB, OZ'}`);

const units = object({ length: unitCode('length', 'MM').default('MM'), weight: unitCode('weight', 'KG').default('KG') }, 'units');

const auth = object({
  type: z.enum(['none', 'header', 'bearer', 'basic', 'oauth2'], { message: 'must be one of "none", "header", "bearer", "basic", "oauth2"' }).default('none'),
  headerName: text('must be an HTTP header name such as "X-Api-Key"').regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'must be an HTTP header name such as "X-Api-Key"').optional(),
}, 'auth').superRefine((value, ctx) => {
  if (value.headerName !== undefined && value.type !== 'header') {
    ctx.addIssue({ code: 'custom', path: ['headerName'], message: 'only applies to auth type "header"' });
  }
});

export const connectorScopes = ['item/created', 'item/updated', 'item/deleted', 'delivery/created', 'delivery/updated', 'delivery/deleted'] as const satisfies readonly ScopeName[];
/** What a hook whose ids carry a type prefix ("Car:1234") is received as, until the prefix says more (seed 002). */
export const PLACEHOLDER_SCOPE = 'message/created';

const scopeName = z.enum([...connectorScopes, PLACEHOLDER_SCOPE], { message: `must be a scope: ${connectorScopes.join(', ')}, or ${PLACEHOLDER_SCOPE} (with prefixPresets)` });

const eventRule = z.union([
  scopeName,
  object({ scope: scopeName, idPath: nonEmptyPath('data.orderId') }, 'a scope and the idPath of the record to transfer'),
], { error: (issue) => (issue.code === 'invalid_union' ? `must be a scope name, or { "scope": …, "idPath": … } for a child record's parent` : undefined) });

const webhook = object({
  eventTypePath: nonEmptyPath('type').optional(),
  idsPath: nonEmptyPath('data.ids').optional(),
  idempotencyKeyPath: nonEmptyPath('id').optional(),
  eventTypes: z.record(text('must be an event type'), eventRule, { message: 'must be an object of event type -> scope' }).default({}),
  prefixPresets: z
    .record(
      text('must be a prefix'),
      z.enum(['item', 'delivery'], { message: 'must be "item" or "delivery"' }),
      { message: 'must be an object of id prefix -> "item" or "delivery"' },
    )
    .optional(),
}, 'webhook').superRefine((value, ctx) => {
  if (value.idsPath === undefined) {
    ctx.addIssue({ code: 'custom', path: ['idsPath'], message: 'is required: the dotted path to the id (or list of ids) a hook names, e.g. "data.ids"' });
  }
  for (const prefix of Object.keys(value.prefixPresets ?? {})) {
    // Checked here rather than on the record's keys, whose issue would not name the key's problem.
    if (!/^[^:\s]{1,64}$/.test(prefix)) ctx.addIssue({ code: 'custom', path: ['prefixPresets', prefix], message: 'must be a prefix without ":" or spaces, e.g. "Car"' });
  }
  const presets = value.prefixPresets !== undefined && Object.keys(value.prefixPresets).length > 0;
  if (value.eventTypePath === undefined && !presets) {
    ctx.addIssue({ code: 'custom', path: ['eventTypePath'], message: 'is required unless prefixPresets is set (then every hook carries prefixed ids like "Car:1234")' });
  }
  for (const [type, rule] of Object.entries(value.eventTypes)) {
    const scope = typeof rule === 'string' ? rule : rule.scope;
    if (scope === PLACEHOLDER_SCOPE && !presets) {
      ctx.addIssue({ code: 'custom', path: ['eventTypes', type], message: `maps to ${PLACEHOLDER_SCOPE}, whose ids need settings.webhook.prefixPresets to be resolved` });
    }
  }
});

export const settingsSchema = z
  .object({
    auth: auth.prefault({}),
    items: items.prefault({}),
    deliveries: deliveries.prefault({}),
    units: units.prefault({}),
    webhook: webhook.optional(),
  })
  .strict();

export type GenericSettings = z.output<typeof settingsSchema>;
export type AuthSettings = GenericSettings['auth'];
export type ItemSettings = GenericSettings['items'];
export type PagingSettings = ItemSettings['paging'];
export type DeliverySettings = GenericSettings['deliveries'];
export type WebhookSettings = NonNullable<GenericSettings['webhook']>;
