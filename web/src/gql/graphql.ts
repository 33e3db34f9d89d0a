/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Creates the integration or updates it. Fields left out keep their stored values. */
export type ConfigureIntegrationInput = {
  /** The connector's own settings; given keys replace the stored ones */
  connectorSettings?: Record<string, unknown> | null | undefined;
  connectorType: string;
  /** Merged into the stored credentials */
  credentials?: Array<CredentialInput> | null | undefined;
  /** "deactivate" (default: mark inactive) or "delete"; also how a full sync removes items its host no longer has */
  deleteHandling?: string | null | undefined;
  enabled?: boolean | null | undefined;
  fieldMappings?: FieldMappingsInput | null | undefined;
  /** Mass-deletion guard: a full sync removing more than this percent of the active items waits for confirmation (0 to 100, default 20); null restores the default */
  maxDeletePercent?: number | null | undefined;
  /** Ends (or extends) the overlap in which the replaced webhook secret still verifies */
  previousWebhookSecretValidUntil?: string | null | undefined;
  /** Accept only Standard Webhooks signatures (timestamped, so a captured request cannot be replayed later); default false */
  requireTimestampedSignatures?: boolean | null | undefined;
  /** Minutes between scheduled incremental syncs (5 to 10080); null turns scheduling off */
  syncIntervalMinutes?: number | null | undefined;
  tenantUrl?: string | null | undefined;
  /** Origin names the webhook handshake consents to, e.g. your event service's host; null for none */
  webhookAllowedOrigins?: Array<string> | null | undefined;
  /** Scopes to act on (see Connector.webhookScopes); null goes back to the defaults (all but deletes) */
  webhookScopes?: Array<string> | null | undefined;
  /** Secret for inbound webhook signatures; null removes it */
  webhookSecret?: string | null | undefined;
};

export type CredentialInput = {
  /** A credential field of the connector, e.g. clientSecret */
  field: string;
  value: string;
};

/** pending, succeeded, failed (attempts used up, or 410) or cancelled (endpoint disabled) */
export type DeliveryStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type FieldMappingInput = {
  source: string;
  target: string;
};

/** A mapping set that is given replaces the stored one; one that is left out stays as it is */
export type FieldMappingsInput = {
  deliveryMappings?: Array<FieldMappingInput> | null | undefined;
  itemMappings?: Array<FieldMappingInput> | null | undefined;
};

export type HealthStatus =
  | 'HEALTHY'
  /** A call to the host system failed for a configuration reason; see reason */
  | 'NEEDS_ATTENTION';

export type IntegrationChangeAction =
  | 'CONFIGURED'
  | 'DELETED'
  | 'HEALTH_CHANGED'
  | 'MAPPINGS_UPDATED';

/** DISABLED: its keys are refused and no platform key may act for it */
export type OrganizationStatus =
  | 'ACTIVE'
  | 'DISABLED';

/** Events to process again from their stored body: give eventIds, or a filter (at most 1000 per call) */
export type ReplayWebhookEventsInput = {
  connectorType?: string | null | undefined;
  eventIds?: Array<string> | null | undefined;
  /** Received before this instant */
  receivedBefore?: string | null | undefined;
  /** Received at or after this instant */
  receivedSince?: string | null | undefined;
  statuses?: Array<WebhookEventStatus> | null | undefined;
};

export type RunOutcome =
  | 'FAILED'
  /** A full run would remove more items than settings.maxDeletePercent allows (or the host returned none): nothing was removed; confirm or discard */
  | 'NEEDS_CONFIRMATION'
  /** Finished, but some records failed */
  | 'PARTIAL'
  | 'RUNNING'
  | 'SUCCESS';

export type SyncMode =
  /** Read every record */
  | 'FULL'
  /** Read records changed since the last successful run */
  | 'INCREMENTAL';

export type TransferStatus =
  /** Failed for good (attempts used up, or the record cannot be transferred) */
  | 'FAILED'
  | 'QUEUED'
  /** An attempt failed; another is scheduled */
  | 'RETRYING'
  | 'RUNNING'
  /** Its scope is not enabled, or its real scope could not be resolved */
  | 'SKIPPED'
  | 'SUCCEEDED';

/** What a field holds. LENGTH and WEIGHT carry a unit and are stored as millimetres / kilograms. */
export type ValueKind =
  | 'BOOLEAN'
  | 'DATETIME'
  | 'LENGTH'
  | 'NUMBER'
  | 'STRING'
  | 'WEIGHT';

export type WebhookEndpointInput = {
  description?: string | null | undefined;
  enabled?: boolean | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  /** Deliveries per second at most; null: no limit */
  rateLimitPerSecond?: number | null | undefined;
  url?: string | null | undefined;
};

export type WebhookEventStatus =
  /** Processing failed on every attempt (dead letter); replay it once fixed */
  | 'DEAD'
  /** Turned into transfer requests, some still running */
  | 'DISPATCHED'
  /** Every transfer failed */
  | 'FAILED'
  /** Some transfers failed */
  | 'PARTIAL'
  /** Every transfer succeeded */
  | 'PROCESSED'
  /** Stored and acknowledged; waiting to be processed */
  | 'RECEIVED'
  /** Nothing to do: no enabled scope, or an event type the connector does not process */
  | 'SKIPPED';

/** How the latest settled inbound webhook ended */
export type WebhookOutcome =
  | 'FAILED'
  /** Some of its transfers failed */
  | 'PARTIAL'
  /** It named nothing the integration acts on */
  | 'SKIPPED'
  | 'SUCCESS';

type FailureFields_ConflictError_Fragment = { code: string, message: string };

type FailureFields_ForbiddenError_Fragment = { code: string, message: string };

type FailureFields_NotFoundError_Fragment = { code: string, message: string };

type FailureFields_ValidationError_Fragment = { code: string, message: string, fields: Array<{ path: string, message: string }> };

export type FailureFieldsFragment =
  | FailureFields_ConflictError_Fragment
  | FailureFields_ForbiddenError_Fragment
  | FailureFields_NotFoundError_Fragment
  | FailureFields_ValidationError_Fragment
;

export type MessageLogQueryVariables = Exact<{
  eventType?: string | null | undefined;
  status?: DeliveryStatus | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type MessageLogQuery = { messageLog: { edges: Array<{ node: { messageId: string, eventType: string, createdAt: string, payload: string, deliveries: Array<{ endpointId: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, completedAt: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, webhookEndpoints: Array<{ endpointId: string, url: string }>, eventTypes: Array<{ type: string }> };

export type EndpointFieldsFragment = { endpointId: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: string | null, rateLimitPerSecond: number | null, failingSince: string | null, previousSecretValidUntil: string | null, createdAt: string, updatedAt: string };

export type EndpointListQueryVariables = Exact<{ [key: string]: never; }>;


export type EndpointListQuery = { webhookEndpoints: Array<{ endpointId: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: string | null, rateLimitPerSecond: number | null, failingSince: string | null, previousSecretValidUntil: string | null, createdAt: string, updatedAt: string }>, eventTypes: Array<{ type: string, description: string }> };

export type EndpointChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type EndpointChangesSubscription = { webhookEndpointChanged: { endpointId: string, action: string } };

export type CreateEndpointMutationVariables = Exact<{
  input: WebhookEndpointInput;
}>;


export type CreateEndpointMutation = { createWebhookEndpoint:
    | { data: { endpoint: { endpointId: string } } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type EndpointPageQueryVariables = Exact<{
  endpointId: string;
}>;


export type EndpointPageQuery = { webhookEndpoint: { endpointId: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: string | null, rateLimitPerSecond: number | null, failingSince: string | null, previousSecretValidUntil: string | null, createdAt: string, updatedAt: string } | null, eventTypes: Array<{ type: string, origin: string, description: string, archived: boolean, exampleData: Record<string, unknown> }> };

export type UpdateEndpointMutationVariables = Exact<{
  endpointId: string;
  input: WebhookEndpointInput;
}>;


export type UpdateEndpointMutation = { updateWebhookEndpoint:
    | { data: { endpointId: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: string | null, rateLimitPerSecond: number | null, failingSince: string | null, previousSecretValidUntil: string | null, createdAt: string, updatedAt: string } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type DeleteEndpointMutationVariables = Exact<{
  endpointId: string;
}>;


export type DeleteEndpointMutation = { deleteWebhookEndpoint:
    | { data: boolean }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type RevealEndpointSecretQueryVariables = Exact<{
  endpointId: string;
}>;


export type RevealEndpointSecretQuery = { webhookEndpointSecret:
    | { code: string, message: string }
    | { data: { secret: string, previousSecret: string | null, previousSecretValidUntil: string | null } }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type RotateEndpointSecretMutationVariables = Exact<{
  endpointId: string;
}>;


export type RotateEndpointSecretMutation = { rotateWebhookEndpointSecret:
    | { data: { previousSecretValidUntil: string | null } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type SendTestEventNowMutationVariables = Exact<{
  endpointId: string;
  eventType?: string | null | undefined;
  data?: Record<string, unknown> | null | undefined;
}>;


export type SendTestEventNowMutation = { sendTestEvent:
    | { data: string }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type AttemptFieldsFragment = { attemptId: string, eventId: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseBody: string | null, error: string | null };

export type EndpointAttemptsQueryVariables = Exact<{
  endpointId: string;
}>;


export type EndpointAttemptsQuery = { deliveryAttempts: { edges: Array<{ node: { attemptId: string, eventId: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseBody: string | null, error: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AttemptLiveSubscriptionVariables = Exact<{
  endpointId?: string | null | undefined;
}>;


export type AttemptLiveSubscription = { deliveryAttempts: { attemptId: string, eventId: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseBody: string | null, error: string | null } };

export type EndpointMessagesQueryVariables = Exact<{
  endpointId: string;
  status?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type EndpointMessagesQuery = { webhookMessages: { edges: Array<{ node: { eventId: string, eventType: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, payload: string, attemptLog: Array<{ attemptId: string, eventId: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseBody: string | null, error: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ResendMessageMutationVariables = Exact<{
  endpointId: string;
  eventId: string;
}>;


export type ResendMessageMutation = { resendWebhookMessage:
    | { code: string, message: string }
    | { data: boolean }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type RecoverMessagesMutationVariables = Exact<{
  endpointId: string;
  since: string;
}>;


export type RecoverMessagesMutation = { recoverWebhookMessages:
    | { data: number }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type EventTypeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type EventTypeCatalogQuery = { eventTypes: Array<{ type: string, origin: string, description: string, archived: boolean, schema: Record<string, unknown> | null, exampleData: Record<string, unknown> }> };

export type IntegrationSummaryFragment = { id: string, connectorType: string, enabled: boolean, tenantUrl: string, connector: { displayName: string }, health: { status: HealthStatus, reason: string | null, since: string | null }, syncStatus: { lastSyncAt: string | null, lastSyncStatus: RunOutcome | null, lastSyncItemCount: number | null, lastWebhookAt: string | null, lastWebhookStatus: WebhookOutcome | null, lastError: string | null } };

export type IntegrationListQueryVariables = Exact<{ [key: string]: never; }>;


export type IntegrationListQuery = { integrations: Array<{ id: string, connectorType: string, enabled: boolean, tenantUrl: string, connector: { displayName: string }, health: { status: HealthStatus, reason: string | null, since: string | null }, syncStatus: { lastSyncAt: string | null, lastSyncStatus: RunOutcome | null, lastSyncItemCount: number | null, lastWebhookAt: string | null, lastWebhookStatus: WebhookOutcome | null, lastError: string | null } }>, connectors: Array<{ connectorType: string, displayName: string, description: string }> };

export type IntegrationListChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type IntegrationListChangesSubscription = { integrationChanged: { integrationId: string, action: IntegrationChangeAction } };

export type AnySyncProgressSubscriptionVariables = Exact<{
  connectorType?: string | null | undefined;
}>;


export type AnySyncProgressSubscription = { syncProgress: { runId: string, status: RunOutcome } };

export type AnyWebhookEventSubscriptionVariables = Exact<{
  connectorType?: string | null | undefined;
}>;


export type AnyWebhookEventSubscription = { webhookEvents: { deliveryId: string, status: WebhookEventStatus } };

export type IntegrationPageQueryVariables = Exact<{
  connectorType: string;
}>;


export type IntegrationPageQuery = { connector: { connectorType: string, displayName: string, description: string, tenantUrlDescription: string | null, settingsSchema: Record<string, unknown> | null, credentialFieldSpecs: Array<{ name: string, required: boolean, url: boolean, description: string | null }>, webhookScopes: Array<{ name: string, description: string }>, itemSourceFields: Array<{ name: string, kind: ValueKind, description: string, units: Array<string> }>, deliverySourceFields: Array<{ name: string, kind: ValueKind, description: string, units: Array<string> }>, defaultFieldMappings: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> } } | null, integration: { credentialFields: Array<string>, webhookSecretConfigured: boolean, previousWebhookSecretValidUntil: string | null, webhookUrl: string, webhookScopes: Array<string>, deleteHandling: string, syncIntervalMinutes: number | null, nextSyncAt: string | null, connectorSettings: Record<string, unknown>, id: string, connectorType: string, enabled: boolean, tenantUrl: string, fieldMappings: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> }, connector: { displayName: string }, health: { status: HealthStatus, reason: string | null, since: string | null }, syncStatus: { lastSyncAt: string | null, lastSyncStatus: RunOutcome | null, lastSyncItemCount: number | null, lastWebhookAt: string | null, lastWebhookStatus: WebhookOutcome | null, lastError: string | null } } | null, mappingTargets: { itemMappings: Array<{ name: string, kind: ValueKind, required: boolean, description: string }>, deliveryMappings: Array<{ name: string, kind: ValueKind, required: boolean, description: string }> } };

export type IntegrationDetailFragment = { credentialFields: Array<string>, webhookSecretConfigured: boolean, previousWebhookSecretValidUntil: string | null, webhookUrl: string, webhookScopes: Array<string>, deleteHandling: string, syncIntervalMinutes: number | null, nextSyncAt: string | null, connectorSettings: Record<string, unknown>, id: string, connectorType: string, enabled: boolean, tenantUrl: string, fieldMappings: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> }, connector: { displayName: string }, health: { status: HealthStatus, reason: string | null, since: string | null }, syncStatus: { lastSyncAt: string | null, lastSyncStatus: RunOutcome | null, lastSyncItemCount: number | null, lastWebhookAt: string | null, lastWebhookStatus: WebhookOutcome | null, lastError: string | null } };

export type ConfigureIntegrationMutationVariables = Exact<{
  input: ConfigureIntegrationInput;
}>;


export type ConfigureIntegrationMutation = { configureIntegration:
    | { data: { created: boolean, integration: { credentialFields: Array<string>, webhookSecretConfigured: boolean, previousWebhookSecretValidUntil: string | null, webhookUrl: string, webhookScopes: Array<string>, deleteHandling: string, syncIntervalMinutes: number | null, nextSyncAt: string | null, connectorSettings: Record<string, unknown>, id: string, connectorType: string, enabled: boolean, tenantUrl: string, fieldMappings: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> }, connector: { displayName: string }, health: { status: HealthStatus, reason: string | null, since: string | null }, syncStatus: { lastSyncAt: string | null, lastSyncStatus: RunOutcome | null, lastSyncItemCount: number | null, lastWebhookAt: string | null, lastWebhookStatus: WebhookOutcome | null, lastError: string | null } } } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type DeleteIntegrationMutationVariables = Exact<{
  connectorType: string;
}>;


export type DeleteIntegrationMutation = { deleteIntegration:
    | { data: boolean }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type TestConnectionNowMutationVariables = Exact<{
  connectorType: string;
}>;


export type TestConnectionNowMutation = { testConnection:
    | { data: { success: boolean, message: string } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type UpdateMappingsMutationVariables = Exact<{
  connectorType: string;
  input: FieldMappingsInput;
}>;


export type UpdateMappingsMutation = { updateFieldMappings:
    | { data: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type ResetMappingsNowMutationVariables = Exact<{
  connectorType: string;
}>;


export type ResetMappingsNowMutation = { resetMappings:
    | { data: { itemMappings: Array<{ target: string, source: string }>, deliveryMappings: Array<{ target: string, source: string }> } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type SyncRunRowFragment = { runId: string, status: RunOutcome, mode: SyncMode, trigger: string, pages: number, itemsTotal: number | null, itemsSeen: number, itemsSynced: number, errorCount: number, error: string | null, startedAt: string, finishedAt: string | null, errors: Array<{ externalId: string, field: string | null, message: string }> };

export type IntegrationSyncRunsQueryVariables = Exact<{
  connectorType: string;
  after?: string | null | undefined;
}>;


export type IntegrationSyncRunsQuery = { syncRuns: { edges: Array<{ node: { runId: string, status: RunOutcome, mode: SyncMode, trigger: string, pages: number, itemsTotal: number | null, itemsSeen: number, itemsSynced: number, errorCount: number, error: string | null, startedAt: string, finishedAt: string | null, errors: Array<{ externalId: string, field: string | null, message: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StartSyncNowMutationVariables = Exact<{
  connectorType: string;
  mode?: SyncMode | null | undefined;
}>;


export type StartSyncNowMutation = { startSync:
    | { code: string, message: string }
    | { data: { runId: string, status: RunOutcome, mode: SyncMode, trigger: string, pages: number, itemsTotal: number | null, itemsSeen: number, itemsSynced: number, errorCount: number, error: string | null, startedAt: string, finishedAt: string | null, errors: Array<{ externalId: string, field: string | null, message: string }> } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type IntegrationSyncProgressSubscriptionVariables = Exact<{
  connectorType?: string | null | undefined;
}>;


export type IntegrationSyncProgressSubscription = { syncProgress: { runId: string, status: RunOutcome, mode: SyncMode, trigger: string, pages: number, itemsTotal: number | null, itemsSeen: number, itemsSynced: number, errorCount: number, error: string | null, startedAt: string, finishedAt: string | null, errors: Array<{ externalId: string, field: string | null, message: string }> } };

export type OrganizationListQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationListQuery = { organizations: Array<{ orgId: string, name: string, status: OrganizationStatus, createdAt: string, disabledAt: string | null }> };

export type SignInCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInCheckQuery = { connectors: Array<{ connectorType: string }> };

export type WebhookLogQueryVariables = Exact<{
  connectorType?: string | null | undefined;
  status?: WebhookEventStatus | null | undefined;
  receivedSince?: string | null | undefined;
  receivedBefore?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookLogQuery = { webhookEvents: { edges: Array<{ node: { deliveryId: string, connectorType: string, status: WebhookEventStatus, receivedAt: string, processedAt: string | null, transferCount: number, error: string | null, signatureScheme: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, integrations: Array<{ connectorType: string, connector: { displayName: string } }> };

export type WebhookEventLiveSubscriptionVariables = Exact<{
  connectorType?: string | null | undefined;
}>;


export type WebhookEventLiveSubscription = { webhookEvents: { deliveryId: string, status: WebhookEventStatus } };

export type ReplayWebhookEventsNowMutationVariables = Exact<{
  input: ReplayWebhookEventsInput;
}>;


export type ReplayWebhookEventsNowMutation = { replayWebhookEvents:
    | { data: { queued: Array<string> } }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type WebhookEventDetailQueryVariables = Exact<{
  deliveryId: string;
}>;


export type WebhookEventDetailQuery = { webhookEvent: { deliveryId: string, connectorType: string, status: WebhookEventStatus, receivedAt: string, processedAt: string | null, body: string, headers: string, signatureScheme: string, dedupKey: string | null, transferCount: number, error: string | null, transfers: Array<{ transferId: string, scope: string, receivedScope: string | null, externalId: string, status: TransferStatus, outcome: string | null, attempts: number, error: string | null, createdAt: string, updatedAt: string, completedAt: string | null }> } | null };

export type TransferLiveSubscriptionVariables = Exact<{
  deliveryId?: string | null | undefined;
}>;


export type TransferLiveSubscription = { transferRequestUpdated: { transferId: string, status: TransferStatus } };

export type RetryTransfersNowMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type RetryTransfersNowMutation = { retryTransferRequests:
    | { data: Array<string> }
    | { code: string, message: string }
    | { code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FailureFieldsFragmentDoc = new TypedDocumentString(`
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}
    `, {"fragmentName":"FailureFields"}) as unknown as TypedDocumentString<FailureFieldsFragment, unknown>;
export const EndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment EndpointFields on WebhookEndpoint {
  endpointId
  url
  description
  eventTypes
  enabled
  disabledReason
  rateLimitPerSecond
  failingSince
  previousSecretValidUntil
  createdAt
  updatedAt
}
    `, {"fragmentName":"EndpointFields"}) as unknown as TypedDocumentString<EndpointFieldsFragment, unknown>;
export const AttemptFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttemptFields on DeliveryAttempt {
  attemptId
  eventId
  attemptedAt
  statusCode
  latencyMs
  responseBody
  error
}
    `, {"fragmentName":"AttemptFields"}) as unknown as TypedDocumentString<AttemptFieldsFragment, unknown>;
export const IntegrationSummaryFragmentDoc = new TypedDocumentString(`
    fragment IntegrationSummary on Integration {
  id
  connectorType
  enabled
  tenantUrl
  connector {
    displayName
  }
  health {
    status
    reason
    since
  }
  syncStatus {
    lastSyncAt
    lastSyncStatus
    lastSyncItemCount
    lastWebhookAt
    lastWebhookStatus
    lastError
  }
}
    `, {"fragmentName":"IntegrationSummary"}) as unknown as TypedDocumentString<IntegrationSummaryFragment, unknown>;
export const IntegrationDetailFragmentDoc = new TypedDocumentString(`
    fragment IntegrationDetail on Integration {
  ...IntegrationSummary
  credentialFields
  webhookSecretConfigured
  previousWebhookSecretValidUntil
  webhookUrl
  webhookScopes
  deleteHandling
  syncIntervalMinutes
  nextSyncAt
  connectorSettings
  fieldMappings {
    itemMappings {
      target
      source
    }
    deliveryMappings {
      target
      source
    }
  }
}
    fragment IntegrationSummary on Integration {
  id
  connectorType
  enabled
  tenantUrl
  connector {
    displayName
  }
  health {
    status
    reason
    since
  }
  syncStatus {
    lastSyncAt
    lastSyncStatus
    lastSyncItemCount
    lastWebhookAt
    lastWebhookStatus
    lastError
  }
}`, {"fragmentName":"IntegrationDetail"}) as unknown as TypedDocumentString<IntegrationDetailFragment, unknown>;
export const SyncRunRowFragmentDoc = new TypedDocumentString(`
    fragment SyncRunRow on SyncRun {
  runId
  status
  mode
  trigger
  pages
  itemsTotal
  itemsSeen
  itemsSynced
  errorCount
  error
  startedAt
  finishedAt
  errors {
    externalId
    field
    message
  }
}
    `, {"fragmentName":"SyncRunRow"}) as unknown as TypedDocumentString<SyncRunRowFragment, unknown>;
export const MessageLogDocument = new TypedDocumentString(`
    query MessageLog($eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime, $after: String) {
  messageLog(
    eventType: $eventType
    status: $status
    since: $since
    until: $until
    first: 25
    after: $after
  ) {
    edges {
      node {
        messageId
        eventType
        createdAt
        payload
        deliveries {
          endpointId
          status
          attempts
          nextAttemptAt
          lastStatusCode
          lastError
          completedAt
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  webhookEndpoints {
    endpointId
    url
  }
  eventTypes {
    type
  }
}
    `) as unknown as TypedDocumentString<MessageLogQuery, MessageLogQueryVariables>;
export const EndpointListDocument = new TypedDocumentString(`
    query EndpointList {
  webhookEndpoints {
    ...EndpointFields
  }
  eventTypes {
    type
    description
  }
}
    fragment EndpointFields on WebhookEndpoint {
  endpointId
  url
  description
  eventTypes
  enabled
  disabledReason
  rateLimitPerSecond
  failingSince
  previousSecretValidUntil
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EndpointListQuery, EndpointListQueryVariables>;
export const EndpointChangesDocument = new TypedDocumentString(`
    subscription EndpointChanges {
  webhookEndpointChanged {
    endpointId
    action
  }
}
    `) as unknown as TypedDocumentString<EndpointChangesSubscription, EndpointChangesSubscriptionVariables>;
export const CreateEndpointDocument = new TypedDocumentString(`
    mutation CreateEndpoint($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    ... on MutationCreateWebhookEndpointSuccess {
      data {
        endpoint {
          endpointId
        }
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<CreateEndpointMutation, CreateEndpointMutationVariables>;
export const EndpointPageDocument = new TypedDocumentString(`
    query EndpointPage($endpointId: String!) {
  webhookEndpoint(endpointId: $endpointId) {
    ...EndpointFields
  }
  eventTypes {
    type
    origin
    description
    archived
    exampleData
  }
}
    fragment EndpointFields on WebhookEndpoint {
  endpointId
  url
  description
  eventTypes
  enabled
  disabledReason
  rateLimitPerSecond
  failingSince
  previousSecretValidUntil
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EndpointPageQuery, EndpointPageQueryVariables>;
export const UpdateEndpointDocument = new TypedDocumentString(`
    mutation UpdateEndpoint($endpointId: String!, $input: WebhookEndpointInput!) {
  updateWebhookEndpoint(endpointId: $endpointId, input: $input) {
    ... on MutationUpdateWebhookEndpointSuccess {
      data {
        ...EndpointFields
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}
fragment EndpointFields on WebhookEndpoint {
  endpointId
  url
  description
  eventTypes
  enabled
  disabledReason
  rateLimitPerSecond
  failingSince
  previousSecretValidUntil
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateEndpointMutation, UpdateEndpointMutationVariables>;
export const DeleteEndpointDocument = new TypedDocumentString(`
    mutation DeleteEndpoint($endpointId: String!) {
  deleteWebhookEndpoint(endpointId: $endpointId) {
    ... on MutationDeleteWebhookEndpointSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<DeleteEndpointMutation, DeleteEndpointMutationVariables>;
export const RevealEndpointSecretDocument = new TypedDocumentString(`
    query RevealEndpointSecret($endpointId: String!) {
  webhookEndpointSecret(endpointId: $endpointId) {
    ... on QueryWebhookEndpointSecretSuccess {
      data {
        secret
        previousSecret
        previousSecretValidUntil
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<RevealEndpointSecretQuery, RevealEndpointSecretQueryVariables>;
export const RotateEndpointSecretDocument = new TypedDocumentString(`
    mutation RotateEndpointSecret($endpointId: String!) {
  rotateWebhookEndpointSecret(endpointId: $endpointId) {
    ... on MutationRotateWebhookEndpointSecretSuccess {
      data {
        previousSecretValidUntil
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<RotateEndpointSecretMutation, RotateEndpointSecretMutationVariables>;
export const SendTestEventNowDocument = new TypedDocumentString(`
    mutation SendTestEventNow($endpointId: String!, $eventType: String, $data: JSONObject) {
  sendTestEvent(endpointId: $endpointId, eventType: $eventType, data: $data) {
    ... on MutationSendTestEventSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<SendTestEventNowMutation, SendTestEventNowMutationVariables>;
export const EndpointAttemptsDocument = new TypedDocumentString(`
    query EndpointAttempts($endpointId: String!) {
  deliveryAttempts(endpointId: $endpointId, first: 50) {
    edges {
      node {
        ...AttemptFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AttemptFields on DeliveryAttempt {
  attemptId
  eventId
  attemptedAt
  statusCode
  latencyMs
  responseBody
  error
}`) as unknown as TypedDocumentString<EndpointAttemptsQuery, EndpointAttemptsQueryVariables>;
export const AttemptLiveDocument = new TypedDocumentString(`
    subscription AttemptLive($endpointId: String) {
  deliveryAttempts(endpointId: $endpointId) {
    ...AttemptFields
  }
}
    fragment AttemptFields on DeliveryAttempt {
  attemptId
  eventId
  attemptedAt
  statusCode
  latencyMs
  responseBody
  error
}`) as unknown as TypedDocumentString<AttemptLiveSubscription, AttemptLiveSubscriptionVariables>;
export const EndpointMessagesDocument = new TypedDocumentString(`
    query EndpointMessages($endpointId: String!, $status: String, $after: String) {
  webhookMessages(
    endpointId: $endpointId
    status: $status
    first: 50
    after: $after
  ) {
    edges {
      node {
        eventId
        eventType
        status
        attempts
        nextAttemptAt
        lastStatusCode
        lastError
        createdAt
        payload
        attemptLog {
          ...AttemptFields
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AttemptFields on DeliveryAttempt {
  attemptId
  eventId
  attemptedAt
  statusCode
  latencyMs
  responseBody
  error
}`) as unknown as TypedDocumentString<EndpointMessagesQuery, EndpointMessagesQueryVariables>;
export const ResendMessageDocument = new TypedDocumentString(`
    mutation ResendMessage($endpointId: String!, $eventId: String!) {
  resendWebhookMessage(endpointId: $endpointId, eventId: $eventId) {
    ... on MutationResendWebhookMessageSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<ResendMessageMutation, ResendMessageMutationVariables>;
export const RecoverMessagesDocument = new TypedDocumentString(`
    mutation RecoverMessages($endpointId: String!, $since: DateTime!) {
  recoverWebhookMessages(endpointId: $endpointId, since: $since) {
    ... on MutationRecoverWebhookMessagesSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<RecoverMessagesMutation, RecoverMessagesMutationVariables>;
export const EventTypeCatalogDocument = new TypedDocumentString(`
    query EventTypeCatalog {
  eventTypes {
    type
    origin
    description
    archived
    schema
    exampleData
  }
}
    `) as unknown as TypedDocumentString<EventTypeCatalogQuery, EventTypeCatalogQueryVariables>;
export const IntegrationListDocument = new TypedDocumentString(`
    query IntegrationList {
  integrations {
    ...IntegrationSummary
  }
  connectors {
    connectorType
    displayName
    description
  }
}
    fragment IntegrationSummary on Integration {
  id
  connectorType
  enabled
  tenantUrl
  connector {
    displayName
  }
  health {
    status
    reason
    since
  }
  syncStatus {
    lastSyncAt
    lastSyncStatus
    lastSyncItemCount
    lastWebhookAt
    lastWebhookStatus
    lastError
  }
}`) as unknown as TypedDocumentString<IntegrationListQuery, IntegrationListQueryVariables>;
export const IntegrationListChangesDocument = new TypedDocumentString(`
    subscription IntegrationListChanges {
  integrationChanged {
    integrationId
    action
  }
}
    `) as unknown as TypedDocumentString<IntegrationListChangesSubscription, IntegrationListChangesSubscriptionVariables>;
export const AnySyncProgressDocument = new TypedDocumentString(`
    subscription AnySyncProgress($connectorType: String) {
  syncProgress(connectorType: $connectorType) {
    runId
    status
  }
}
    `) as unknown as TypedDocumentString<AnySyncProgressSubscription, AnySyncProgressSubscriptionVariables>;
export const AnyWebhookEventDocument = new TypedDocumentString(`
    subscription AnyWebhookEvent($connectorType: String) {
  webhookEvents(connectorType: $connectorType) {
    deliveryId
    status
  }
}
    `) as unknown as TypedDocumentString<AnyWebhookEventSubscription, AnyWebhookEventSubscriptionVariables>;
export const IntegrationPageDocument = new TypedDocumentString(`
    query IntegrationPage($connectorType: String!) {
  connector(connectorType: $connectorType) {
    connectorType
    displayName
    description
    tenantUrlDescription
    settingsSchema
    credentialFieldSpecs {
      name
      required
      url
      description
    }
    webhookScopes {
      name
      description
    }
    itemSourceFields {
      name
      kind
      description
      units
    }
    deliverySourceFields {
      name
      kind
      description
      units
    }
    defaultFieldMappings {
      itemMappings {
        target
        source
      }
      deliveryMappings {
        target
        source
      }
    }
  }
  integration(connectorType: $connectorType) {
    ...IntegrationDetail
  }
  mappingTargets {
    itemMappings {
      name
      kind
      required
      description
    }
    deliveryMappings {
      name
      kind
      required
      description
    }
  }
}
    fragment IntegrationSummary on Integration {
  id
  connectorType
  enabled
  tenantUrl
  connector {
    displayName
  }
  health {
    status
    reason
    since
  }
  syncStatus {
    lastSyncAt
    lastSyncStatus
    lastSyncItemCount
    lastWebhookAt
    lastWebhookStatus
    lastError
  }
}
fragment IntegrationDetail on Integration {
  ...IntegrationSummary
  credentialFields
  webhookSecretConfigured
  previousWebhookSecretValidUntil
  webhookUrl
  webhookScopes
  deleteHandling
  syncIntervalMinutes
  nextSyncAt
  connectorSettings
  fieldMappings {
    itemMappings {
      target
      source
    }
    deliveryMappings {
      target
      source
    }
  }
}`) as unknown as TypedDocumentString<IntegrationPageQuery, IntegrationPageQueryVariables>;
export const ConfigureIntegrationDocument = new TypedDocumentString(`
    mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {
  configureIntegration(input: $input) {
    ... on MutationConfigureIntegrationSuccess {
      data {
        created
        integration {
          ...IntegrationDetail
        }
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}
fragment IntegrationSummary on Integration {
  id
  connectorType
  enabled
  tenantUrl
  connector {
    displayName
  }
  health {
    status
    reason
    since
  }
  syncStatus {
    lastSyncAt
    lastSyncStatus
    lastSyncItemCount
    lastWebhookAt
    lastWebhookStatus
    lastError
  }
}
fragment IntegrationDetail on Integration {
  ...IntegrationSummary
  credentialFields
  webhookSecretConfigured
  previousWebhookSecretValidUntil
  webhookUrl
  webhookScopes
  deleteHandling
  syncIntervalMinutes
  nextSyncAt
  connectorSettings
  fieldMappings {
    itemMappings {
      target
      source
    }
    deliveryMappings {
      target
      source
    }
  }
}`) as unknown as TypedDocumentString<ConfigureIntegrationMutation, ConfigureIntegrationMutationVariables>;
export const DeleteIntegrationDocument = new TypedDocumentString(`
    mutation DeleteIntegration($connectorType: String!) {
  deleteIntegration(connectorType: $connectorType) {
    ... on MutationDeleteIntegrationSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<DeleteIntegrationMutation, DeleteIntegrationMutationVariables>;
export const TestConnectionNowDocument = new TypedDocumentString(`
    mutation TestConnectionNow($connectorType: String!) {
  testConnection(connectorType: $connectorType) {
    ... on MutationTestConnectionSuccess {
      data {
        success
        message
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<TestConnectionNowMutation, TestConnectionNowMutationVariables>;
export const UpdateMappingsDocument = new TypedDocumentString(`
    mutation UpdateMappings($connectorType: String!, $input: FieldMappingsInput!) {
  updateFieldMappings(connectorType: $connectorType, input: $input) {
    ... on MutationUpdateFieldMappingsSuccess {
      data {
        itemMappings {
          target
          source
        }
        deliveryMappings {
          target
          source
        }
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<UpdateMappingsMutation, UpdateMappingsMutationVariables>;
export const ResetMappingsNowDocument = new TypedDocumentString(`
    mutation ResetMappingsNow($connectorType: String!) {
  resetMappings(connectorType: $connectorType) {
    ... on MutationResetMappingsSuccess {
      data {
        itemMappings {
          target
          source
        }
        deliveryMappings {
          target
          source
        }
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<ResetMappingsNowMutation, ResetMappingsNowMutationVariables>;
export const IntegrationSyncRunsDocument = new TypedDocumentString(`
    query IntegrationSyncRuns($connectorType: String!, $after: String) {
  syncRuns(connectorType: $connectorType, first: 20, after: $after) {
    edges {
      node {
        ...SyncRunRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SyncRunRow on SyncRun {
  runId
  status
  mode
  trigger
  pages
  itemsTotal
  itemsSeen
  itemsSynced
  errorCount
  error
  startedAt
  finishedAt
  errors {
    externalId
    field
    message
  }
}`) as unknown as TypedDocumentString<IntegrationSyncRunsQuery, IntegrationSyncRunsQueryVariables>;
export const StartSyncNowDocument = new TypedDocumentString(`
    mutation StartSyncNow($connectorType: String!, $mode: SyncMode) {
  startSync(connectorType: $connectorType, mode: $mode) {
    ... on MutationStartSyncSuccess {
      data {
        ...SyncRunRow
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}
fragment SyncRunRow on SyncRun {
  runId
  status
  mode
  trigger
  pages
  itemsTotal
  itemsSeen
  itemsSynced
  errorCount
  error
  startedAt
  finishedAt
  errors {
    externalId
    field
    message
  }
}`) as unknown as TypedDocumentString<StartSyncNowMutation, StartSyncNowMutationVariables>;
export const IntegrationSyncProgressDocument = new TypedDocumentString(`
    subscription IntegrationSyncProgress($connectorType: String) {
  syncProgress(connectorType: $connectorType) {
    ...SyncRunRow
  }
}
    fragment SyncRunRow on SyncRun {
  runId
  status
  mode
  trigger
  pages
  itemsTotal
  itemsSeen
  itemsSynced
  errorCount
  error
  startedAt
  finishedAt
  errors {
    externalId
    field
    message
  }
}`) as unknown as TypedDocumentString<IntegrationSyncProgressSubscription, IntegrationSyncProgressSubscriptionVariables>;
export const OrganizationListDocument = new TypedDocumentString(`
    query OrganizationList {
  organizations {
    orgId
    name
    status
    createdAt
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<OrganizationListQuery, OrganizationListQueryVariables>;
export const SignInCheckDocument = new TypedDocumentString(`
    query SignInCheck {
  connectors {
    connectorType
  }
}
    `) as unknown as TypedDocumentString<SignInCheckQuery, SignInCheckQueryVariables>;
export const WebhookLogDocument = new TypedDocumentString(`
    query WebhookLog($connectorType: String, $status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime, $after: String) {
  webhookEvents(
    connectorType: $connectorType
    status: $status
    receivedSince: $receivedSince
    receivedBefore: $receivedBefore
    first: 50
    after: $after
  ) {
    edges {
      node {
        deliveryId
        connectorType
        status
        receivedAt
        processedAt
        transferCount
        error
        signatureScheme
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  integrations {
    connectorType
    connector {
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookLogQuery, WebhookLogQueryVariables>;
export const WebhookEventLiveDocument = new TypedDocumentString(`
    subscription WebhookEventLive($connectorType: String) {
  webhookEvents(connectorType: $connectorType) {
    deliveryId
    status
  }
}
    `) as unknown as TypedDocumentString<WebhookEventLiveSubscription, WebhookEventLiveSubscriptionVariables>;
export const ReplayWebhookEventsNowDocument = new TypedDocumentString(`
    mutation ReplayWebhookEventsNow($input: ReplayWebhookEventsInput!) {
  replayWebhookEvents(input: $input) {
    ... on MutationReplayWebhookEventsSuccess {
      data {
        queued
      }
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<ReplayWebhookEventsNowMutation, ReplayWebhookEventsNowMutationVariables>;
export const WebhookEventDetailDocument = new TypedDocumentString(`
    query WebhookEventDetail($deliveryId: String!) {
  webhookEvent(deliveryId: $deliveryId) {
    deliveryId
    connectorType
    status
    receivedAt
    processedAt
    body
    headers
    signatureScheme
    dedupKey
    transferCount
    error
    transfers {
      transferId
      scope
      receivedScope
      externalId
      status
      outcome
      attempts
      error
      createdAt
      updatedAt
      completedAt
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookEventDetailQuery, WebhookEventDetailQueryVariables>;
export const TransferLiveDocument = new TypedDocumentString(`
    subscription TransferLive($deliveryId: String) {
  transferRequestUpdated(deliveryId: $deliveryId) {
    transferId
    status
  }
}
    `) as unknown as TypedDocumentString<TransferLiveSubscription, TransferLiveSubscriptionVariables>;
export const RetryTransfersNowDocument = new TypedDocumentString(`
    mutation RetryTransfersNow($ids: [String!]!) {
  retryTransferRequests(transferIds: $ids) {
    ... on MutationRetryTransferRequestsSuccess {
      data
    }
    ...FailureFields
  }
}
    fragment FailureFields on Error {
  code
  message
  ... on ValidationError {
    fields {
      path
      message
    }
  }
}`) as unknown as TypedDocumentString<RetryTransfersNowMutation, RetryTransfersNowMutationVariables>;