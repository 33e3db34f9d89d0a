/**
 * What every connector declares and does. Connectors are plug-ins: the domain knows them only
 * through this interface and the registry.
 */
import type { FieldMappings, MappingSet, ValueKind } from '../domain/entities';
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

export interface ConnectorDefinition {
  connectorType: string;
  displayName: string;
  description: string;
  requiredCredentialFields: string[];
  /** Credential fields a user may set besides the required ones. */
  optionalCredentialFields: string[];
  /** Credential fields that hold URLs (validated as such). */
  urlCredentialFields: string[];
  /** Source fields offered for each mapping set. */
  sourceFields: Record<MappingSet, SourceField[]>;
  defaultMappings: FieldMappings;
  /** Connects a client for one integration's configuration. */
  connect(context: ConnectorContext): ConnectorClient;
}
