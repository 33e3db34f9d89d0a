/**
 * Event types the product defines for its own domain events (`offering.status.changed`), beside
 * the hub's own (catalog.ts). They are deployment-wide: every organization's endpoints can
 * subscribe to them and every organization can publish them, but only the product (a platform
 * key, or the catalog file loaded at start) defines them. Each has a JSON Schema (2020-12) its
 * data is validated against, and an example that must be valid. Deleting one archives it: it
 * refuses new publishes, and what was published stays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { ProductEventType } from '../../generated/sqlite/client';
import type { Clock } from '../../lib/clock';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors';
import { parseInput } from '../validation';
import { eventTypes as hubEventTypes, findEventType, patternMatches } from './catalog';

/** Where a type comes from: the hub's own (read-only) or the product's. */
export type EventTypeOrigin = 'hub' | 'product';

/** One entry of the catalog endpoints see: the hub's types and the product's together. */
export interface CatalogEntry {
  type: string;
  description: string;
  example: Record<string, unknown>;
  origin: EventTypeOrigin;
  /** The JSON Schema of `data` (product types only). */
  schema: Record<string, unknown> | null;
  archived: boolean;
}

const NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const eventTypeName = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(NAME, 'must be lowercase dotted words, e.g. "offering.status.changed"');

const jsonObject = (what: string) => z.record(z.string(), z.unknown(), { message: `must be a JSON object (${what})` });

export const eventTypeInput = z
  .object(
    {
      description: z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
      schema: jsonObject('a JSON Schema 2020-12 of the event\'s data'),
      example: jsonObject('example data, valid against the schema'),
    },
    { message: 'body must be a JSON object' },
  )
  .strict();
export type EventTypeInput = z.infer<typeof eventTypeInput>;

/** A catalog file: `{"eventTypes": [{"type", "description", "schema", "example"}, …]}`, as JSON or YAML. */
const catalogFile = z
  // Names are checked per entry below, with everything else of that entry, so one run names every problem.
  .object({ eventTypes: z.array(eventTypeInput.extend({ type: z.string({ message: 'must be an event type name' }) })).max(1000) }, { message: 'must be an object with an "eventTypes" list' })
  .strict();

/**
 * One Ajv for the hub: formats (date-time, email, uri, …) are checked, every violation is
 * reported (not only the first), and unknown keywords are tolerated (schemas written for other
 * tools carry `examples`, `$comment`, vendor keywords).
 */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/** Ajv's errors as field problems under `base` (`data.offering_id`), one per failing path. */
export function schemaProblems(errors: ErrorObject[] | null | undefined, base: string): FieldProblem[] {
  const problems = new Map<string, string>();
  for (const error of errors ?? []) {
    const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') segments.push(String(params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
    const fieldPath = [base, ...segments].filter(Boolean).join('.');
    const message = error.keyword === 'additionalProperties' ? 'unknown field' : error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid');
    if (!problems.has(fieldPath)) problems.set(fieldPath, message);
  }
  return [...problems].map(([fieldPath, message]) => ({ path: fieldPath, message }));
}

export interface EventTypeOptions {
  clock: Clock;
}

/** A product type ready to publish: its row and its compiled schema. */
export interface Publishable {
  type: ProductEventType;
  validate: ValidateFunction;
}

export class EventTypeService {
  private readonly ajv = createAjv();
  /** Compiled schemas by type name, valid while the row's updatedAt is unchanged (several instances may edit a type). */
  private readonly compiled = new Map<string, { version: number; validate: ValidateFunction }>();

  constructor(
    private readonly db: Db,
    private readonly options: EventTypeOptions,
  ) {}

  /** The hub's types, then the product's (archived ones included, marked). */
  async list(): Promise<CatalogEntry[]> {
    const product = await this.db.productEventType.findMany({ orderBy: { name: 'asc' } });
    return [...hubEventTypes.map(hubEntry), ...product.map(productEntry)];
  }

  async get(name: string): Promise<CatalogEntry> {
    const hub = findEventType(name);
    if (hub) return hubEntry(hub);
    const row = await this.db.productEventType.findUnique({ where: { name } });
    if (!row) throw new NotFoundError(`no event type "${name}"; see GET /api/v1/webhooks/event-types`);
    return productEntry(row);
  }

  /** Creates or replaces a product type (an archived one is restored); `created` says which. */
  async put(name: string, raw: unknown): Promise<{ entry: CatalogEntry; created: boolean }> {
    this.checkName(name);
    const input = parseInput(eventTypeInput, raw);
    this.check(input);
    const now = this.options.clock();
    const existing = await this.db.productEventType.findUnique({ where: { name }, select: { name: true } });
    const fields = { description: input.description, schema: JSON.stringify(input.schema), example: JSON.stringify(input.example), archivedAt: null, updatedAt: now };
    const row = await this.db.productEventType.upsert({ where: { name }, create: { name, ...fields, createdAt: now }, update: fields });
    this.compiled.delete(name);
    return { entry: productEntry(row), created: !existing };
  }

  /** Archives a product type: it refuses new publishes; endpoints and history keep its name. */
  async archive(name: string): Promise<CatalogEntry> {
    this.checkName(name);
    const row = await this.db.productEventType.findUnique({ where: { name } });
    if (!row) throw new NotFoundError(`no event type "${name}"`);
    if (row.archivedAt) return productEntry(row);
    return productEntry(await this.db.productEventType.update({ where: { name }, data: { archivedAt: this.options.clock(), updatedAt: this.options.clock() } }));
  }

  /** Loads a catalog file (JSON, or YAML by its extension) and puts every type in it; returns their names. */
  async loadFile(file: string): Promise<string[]> {
    const text = readFileSync(file, 'utf8');
    const ext = path.extname(file).toLowerCase();
    let raw: unknown;
    try {
      raw = ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      throw new ValidationError([{ path: '', message: `${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}` }]);
    }
    const catalog = parseInput(catalogFile, raw);
    const problems: FieldProblem[] = [];
    catalog.eventTypes.forEach(({ type, ...input }, index) => {
      try {
        this.checkName(type);
        this.check(input);
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        const fields = error instanceof ValidationError ? error.fields : [{ path: 'type', message: error.message }];
        problems.push(...fields.map((field) => ({ path: `eventTypes.${index}.${field.path || 'type'}`, message: field.message })));
      }
    });
    if (problems.length) throw new ValidationError(problems);
    for (const { type, ...input } of catalog.eventTypes) await this.put(type, input);
    return catalog.eventTypes.map((entry) => entry.type);
  }

  /** The product type `name` with its compiled schema, for a publish: unknown, archived and hub types are refused. */
  async publishable(name: string, fieldPath = 'event'): Promise<Publishable> {
    if (findEventType(name)) throw new ValidationError([{ path: fieldPath, message: `"${name}" is one of the hub's own event types; only the hub sends it` }]);
    const type = await this.db.productEventType.findUnique({ where: { name } });
    if (!type) throw new ValidationError([{ path: fieldPath, message: `unknown event type "${name}"; define it first (PUT /api/v1/webhooks/event-types/${name})` }]);
    if (type.archivedAt) throw new ValidationError([{ path: fieldPath, message: `event type "${name}" is archived and takes no new events` }]);
    return { type, validate: this.validatorOf(type) };
  }

  /** Whether an endpoint pattern matches any type, the hub's or the product's (archived included: history). */
  async isKnownPattern(pattern: string): Promise<boolean> {
    if (hubEventTypes.some((eventType) => patternMatches(pattern, eventType.type))) return true;
    const names = await this.db.productEventType.findMany({ select: { name: true } });
    return names.some((row) => patternMatches(pattern, row.name));
  }

  /** The example data of a type (hub or product), and the product type's validator if any, for a test event. */
  async forTestEvent(name: string): Promise<{ example: Record<string, unknown>; validate: ValidateFunction | null }> {
    const hub = findEventType(name);
    if (hub) return { example: hub.example, validate: null };
    const type = await this.db.productEventType.findUnique({ where: { name } });
    if (!type) throw new ValidationError([{ path: 'eventType', message: `unknown event type "${name}"; see eventTypes` }]);
    if (type.archivedAt) throw new ValidationError([{ path: 'eventType', message: `event type "${name}" is archived` }]);
    return { example: JSON.parse(type.example) as Record<string, unknown>, validate: this.validatorOf(type) };
  }

  private validatorOf(type: ProductEventType): ValidateFunction {
    const version = type.updatedAt.getTime();
    const cached = this.compiled.get(type.name);
    if (cached?.version === version) return cached.validate;
    const validate = this.compile(JSON.parse(type.schema) as Record<string, unknown>);
    this.compiled.set(type.name, { version, validate });
    return validate;
  }

  /**
   * Ajv registers a schema under its `$id` and refuses a second one with the same id; each type's
   * schema stands alone (and is recompiled when it changes), so its `$id` is left out.
   */
  private compile(schema: Record<string, unknown>): ValidateFunction {
    const { $id: _id, ...standalone } = schema;
    return this.ajv.compile(standalone);
  }

  private checkName(name: string): void {
    parseInput(eventTypeName, name, ['type']);
    if (findEventType(name)) throw new ConflictError(`"${name}" is one of the hub's own event types, which are reserved and read-only`);
  }

  /** The schema compiles as JSON Schema 2020-12 and the example is valid against it. */
  private check(input: EventTypeInput): void {
    if (!this.ajv.validateSchema(input.schema)) {
      throw new ValidationError(schemaProblems(this.ajv.errors, 'schema').map((problem) => ({ ...problem, message: `not a valid JSON Schema 2020-12: ${problem.message}` })));
    }
    let validate: ValidateFunction;
    try {
      validate = this.compile(input.schema);
    } catch (error) {
      throw new ValidationError([{ path: 'schema', message: `does not compile: ${(error as Error).message}` }]);
    }
    if (!validate(input.example)) throw new ValidationError(schemaProblems(validate.errors, 'example'));
  }
}

function hubEntry(eventType: (typeof hubEventTypes)[number]): CatalogEntry {
  return { type: eventType.type, description: eventType.description, example: eventType.example, origin: 'hub', schema: null, archived: false };
}

function productEntry(row: ProductEventType): CatalogEntry {
  return {
    type: row.name,
    description: row.description,
    example: JSON.parse(row.example) as Record<string, unknown>,
    origin: 'product',
    schema: JSON.parse(row.schema) as Record<string, unknown>,
    archived: row.archivedAt !== null,
  };
}
