/**
 * What every connector declares and does. Connectors are plug-ins: the domain knows them only
 * through this interface and the registry.
 */
import type { z } from 'zod';
import type { FieldMappings, MappingSet, ValueKind } from '../domain/entities';
import type { FieldProblem } from '../domain/errors';
import type { OutboundHttp } from '../lib/http/outbound';
import type { Logger } from '../lib/logger';

export interface SourceField {
  name: string;
  kind: ValueKind;
  description: string;
  /** For length and weight fields: the units the host system may send. */
  units?: string[];
}

/** A measured value as the host system sends it; the domain converts it to canonical units. */
export interface Measure {
  value: string | number;
  unit: string;
}

export type SourceValue = string | number | boolean | Date | Measure | null;

/** One record of the host system, keyed by the connector's logical source field names. */
export interface SourceRecord {
  externalId: string;
  fields: Record<string, SourceValue>;
  /** When the host system last changed it, if it says. */
  changedAt?: Date;
  /** The host system marks it deleted (e.g. SAP IsMarkedForDeletion). */
  deleted?: boolean;
  /**
   * The units of length and weight fields sent as plain numbers (a generic API's configured
   * defaults). Without them, such fields must carry their unit (a Measure).
   */
  defaultUnits?: { length: string; weight: string };
}

/** A delivery: header fields plus one record per line; each line carries the header fields too. */
export interface SourceDelivery {
  externalId: string;
  lines: SourceRecord[];
}

export interface SourcePage {
  records: SourceRecord[];
  /** Total number of records the host system reports for the whole listing, when it does. */
  total?: number;
}

export interface ListOptions {
  /** Only records changed at or after this instant (incremental sync). */
  changedSince?: Date;
  /** Records per page requested from the host system. */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface ConnectionTestResult {
  success: boolean;
  message: string;
}

/** A connected client for one integration. */
export interface ConnectorClient {
  /** Checks credentials and reachability; never throws, always explains. */
  testConnection(signal?: AbortSignal): Promise<ConnectionTestResult>;
  /** Streams master-data items page by page, in a stable order. */
  listItems(options: ListOptions): AsyncIterable<SourcePage>;
  /** One item by its id in the host system, or null when it does not exist. */
  fetchItem(externalId: string, signal?: AbortSignal): Promise<SourceRecord | null>;
  /** One delivery (header + lines) by its number, or null when it does not exist. */
  fetchDelivery(externalId: string, signal?: AbortSignal): Promise<SourceDelivery | null>;
}

export interface ConnectorContext {
  tenantUrl: string;
  credentials: Record<string, string>;
  /** The connector's own settings (validated by its settingsSchema). */
  settings: ConnectorSettings;
  http: OutboundHttp;
  logger: Logger;
}

/** A failure talking to the host system, with a message fit for the user (no secrets). */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly kind: 'auth' | 'unreachable' | 'tls' | 'timeout' | 'protocol' | 'not_found' | 'rate_limited' | 'server',
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What a hook can ask for: an entity of the product × what happened to it (seed 002). */
export type EntityType = 'item' | 'delivery';
export type ScopeAction = 'created' | 'updated' | 'deleted';
/** `<entity>/<action>`, e.g. `delivery/updated`. */
export type ScopeName = `${EntityType}/${ScopeAction}`;

export interface WebhookScope {
  name: ScopeName;
  entity: EntityType;
  action: ScopeAction;
  /** Names the data type in the host system and in the hub, as seed 002 asks. */
  description: string;
}

/** One record a hook names: it becomes one transfer request. */
export interface HookTarget {
  /** A scope of the connector, or a placeholder the connector's prerequisite step resolves. */
  scope: string;
  externalId: string;
}

export interface IncomingHook {
  /** The parsed JSON body. */
  payload: unknown;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
}

export type ResolvedHook =
  | { targets: HookTarget[] }
  /** The hook names nothing this connector handles (an event type it does not process): recorded as skipped. */
  | { ignored: string };

export type PrerequisiteResult = { target: HookTarget & { scope: ScopeName } } | { skip: string };

/** How a connector reads the hooks its host system sends. Pure functions: no I/O. */
export interface WebhookHandling {
  scopes: readonly WebhookScope[];
  /** The payload's own delivery id (e.g. a CloudEvent `id`), used to drop repeated deliveries. */
  idempotencyKey(hook: IncomingHook, settings: ConnectorSettings): string | undefined;
  /** Which records the hook names, under which scope. One hook may name several. */
  resolve(hook: IncomingHook, settings: ConnectorSettings): ResolvedHook;
  /**
   * Turns a target whose scope is not one of `scopes` (a placeholder such as `message/created`)
   * into the real one, e.g. from a prefix of its external id (seed 002's HandlePrerequisite).
   */
  prerequisite?(target: HookTarget, settings: ConnectorSettings): PrerequisiteResult;
}

/** A connector's own settings, as validated by its `settingsSchema`. */
export type ConnectorSettings = Record<string, unknown>;

export interface ConnectorDefinition {
  connectorType: string;
  displayName: string;
  description: string;
  requiredCredentialFields: string[];
  /** Credential fields a user may set besides the required ones. */
  optionalCredentialFields: string[];
  /** Credential fields that hold URLs (validated as such). */
  urlCredentialFields: string[];
  /** Help a configuration form shows beside the tenant URL and each credential field. */
  help?: { tenantUrl?: string; credentials?: Record<string, string> };
  /** Source fields offered for each mapping set. */
  sourceFields: Record<MappingSet, SourceField[]>;
  /**
   * The connector reads any dotted JSON path of a record as a source field (a generic API whose
   * fields cannot be known in advance): mappings may name paths outside `sourceFields`, and the
   * target field says how the value is read.
   */
  acceptsAnySourceField?: boolean;
  defaultMappings: FieldMappings;
  /** Inbound webhooks: scopes, payload resolution. */
  webhooks: WebhookHandling;
  /**
   * The connector's own keys in an integration's `settings` (besides the hub's webhookSecret,
   * webhookScopes, …). Without a schema, a connector takes no settings of its own.
   */
  settingsSchema?: z.ZodType<ConnectorSettings>;
  /** Checks that need credentials and settings together (e.g. an auth type and its credential fields). */
  validate?(input: { credentials: Record<string, string>; settings: ConnectorSettings }): FieldProblem[];
  /** Connects a client for one integration's configuration. */
  connect(context: ConnectorContext): ConnectorClient;
}
