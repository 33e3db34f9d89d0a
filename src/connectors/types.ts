/**
 * What every connector declares and does. Connectors are plug-ins: the domain knows them only
 * through this interface and the registry.
 */
import type { z } from 'zod';
import type { FieldMappings, MappingSet, ValueKind } from '../domain/entities';
import type { FieldProblem } from '../domain/errors';
import type { OutboundHttp } from '../lib/http/outbound';
import { ClassifiedError, type FailureClass } from '../lib/failures';
import type { Logger } from '../lib/logger';
import type { SecretRedactor } from '../lib/redaction';

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
  /**
   * Where the listing continues after this page (plain JSON, the connector's own shape): passed
   * back as ListOptions.resumeFrom, it lists the records after this page and no others. A sync
   * stores it with the page, so a run interrupted by a crash resumes there. Absent: the
   * connector cannot resume, and an interrupted run lists from the start again.
   */
  resume?: ListPosition;
}

/** A connector's position in a listing; stored as JSON. */
export type ListPosition = Record<string, unknown>;

export interface ListOptions {
  /** Only records changed at or after this instant (incremental sync). */
  changedSince?: Date;
  /** Records per page requested from the host system. */
  pageSize?: number;
  /** Continue after the page that gave this position (SourcePage.resume), with the same changedSince and pageSize. */
  resumeFrom?: ListPosition;
  signal?: AbortSignal;
}

export interface ConnectionTestResult {
  success: boolean;
  message: string;
  /** Whose fault it is, when the test failed. */
  failureClass?: FailureClass;
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
  /** Told the secrets the connector obtains (access tokens), so they are redacted like the stored ones. */
  redactor: SecretRedactor;
}

export type ConnectorErrorKind = 'auth' | 'unreachable' | 'tls' | 'timeout' | 'protocol' | 'not_found' | 'rate_limited' | 'server';

/**
 * Whose fault each kind is. Refused credentials, certificate problems, answers that are not the
 * API asked for (HTML, a redirect, a 404 for a whole service) and 4xx answers mean the integration
 * is set up wrong; a slow, overloaded or unreachable host may be fine on the next attempt.
 */
const failureClassOfKind: Record<ConnectorErrorKind, FailureClass> = {
  auth: 'configuration',
  tls: 'configuration',
  protocol: 'configuration',
  not_found: 'configuration',
  unreachable: 'transient',
  timeout: 'transient',
  rate_limited: 'transient',
  server: 'transient',
};

/** A failure talking to the host system, with a message fit for the user (no secrets). */
export class ConnectorError extends ClassifiedError {
  constructor(
    message: string,
    readonly kind: ConnectorErrorKind,
    readonly status?: number,
    failureClass: FailureClass = failureClassOfKind[kind],
  ) {
    super(message, failureClass);
  }

  /** The same failure, worded otherwise (e.g. with secrets redacted). */
  withMessage(message: string): ConnectorError {
    return new ConnectorError(message, this.kind, this.status, this.failureClass);
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

/** A value that decides where (or whether) secrets are sent, and the secrets that reach it. */
export interface SecretDestination {
  /** `tenantUrl`, `credentials.<field>` or `settings.<dotted path>` (the connector's own settings). */
  field: string;
  /** Secret credential fields sent there, directly or as tokens obtained with them. */
  guards: readonly string[];
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
  /** Credential fields whose values are secret: redacted from whatever the host system says. */
  secretCredentialFields: readonly string[];
  /**
   * Where the connector sends its secrets. Changing one of these values requires the secrets it
   * guards to be given again in the same request, so stored write-only secrets cannot be sent
   * to an address of the caller's choosing.
   */
  secretDestinations: readonly SecretDestination[];
  /** The credential fields a configuration uses (default: all it has); for auth types that take different ones. */
  credentialFieldsInUse?(settings: ConnectorSettings): readonly string[];
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
