/**
 * The REST answers as zod schemas, for the OpenAPI document (the request bodies' schemas are the
 * domain's own, e.g. `configureInput`). They describe what serializers.ts and the routes send;
 * the OpenAPI test checks real answers of a running hub against them, so the two cannot part.
 * `componentSchemas` names the ones the document lists as reusable components.
 */
import { z } from 'zod';
import { configureInput, mappingsInput } from '../domain/integrations/inputs';
import { healthStatuses } from '../domain/integrations/health';
import { syncRunStatuses } from '../domain/sync/run-status';
import { failureClasses } from '../lib/failures';

const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });
const nullableTimestamp = timestamp.nullable();
const fieldMap = z.record(z.string(), z.string()).meta({ description: 'target field of the hub → source field of the connector' });

export const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().meta({ description: 'stable, machine-readable: VALIDATION_FAILED, INVALID_JSON, UNAUTHENTICATED, NOT_FOUND, CONFLICT, …' }),
        message: z.string().meta({ description: 'what went wrong and what to do, for a person' }),
        fields: z
          .array(z.object({ path: z.string().meta({ description: 'dotted path into the request, e.g. credentials.clientSecret' }), message: z.string() }).strict())
          .optional()
          .meta({ description: 'one entry per bad input field (VALIDATION_FAILED)' }),
      })
      .strict(),
  })
  .strict()
  .meta({ description: 'Every REST error has this shape; a 500 carries no detail (the log has it under the x-request-id header).' });

export const connector = z
  .object({
    connectorType: z.string(),
    displayName: z.string(),
    description: z.string(),
    requiredCredentialFields: z.array(z.string()),
  })
  .strict();

export const fieldMappings = z.object({ itemMappings: fieldMap, deliveryMappings: fieldMap }).strict();

export const health = z
  .object({
    status: z.enum(healthStatuses),
    reason: z.string().nullable().meta({ description: 'why it needs attention (secrets redacted)' }),
    since: nullableTimestamp,
  })
  .strict()
  .meta({ description: 'needs_attention after a call to the host system failed for a configuration reason; healthy again after the next call that succeeds' });

const count = z.number().int();

export const syncCounts = z
  .object({ added: count, updated: count, unchanged: count, removed: count, failed: count })
  .strict()
  .meta({ description: 'items stored for the first time, changed, stored with the same values, removed (deactivated or deleted: the host no longer has them) and records that failed' });

export const heldDeletions = z
  .object({
    count: count.meta({ description: 'items the run would remove' }),
    sampleIds: z.array(z.string()).meta({ description: 'host-system ids of some of them (at most 10)' }),
  })
  .strict()
  .meta({ description: 'removals held back by the mass-deletion guard until they are confirmed or discarded' });

export const syncStatus = z
  .object({
    lastSyncAt: nullableTimestamp,
    lastSyncStatus: z.enum(syncRunStatuses).nullable().meta({ description: 'success, partial (some records failed), failed, or needs_confirmation (a full run would remove too many items: confirm or discard them)' }),
    lastSyncItemCount: z.number().int().nullable(),
    lastSyncRunId: z.string().nullable().meta({ description: 'the run lastSyncStatus belongs to (the one to confirm or discard)' }),
    lastSyncCounts: syncCounts.nullable(),
    heldDeletions: heldDeletions.nullable(),
    lastWebhookAt: nullableTimestamp,
    lastWebhookStatus: z.string().nullable().meta({ description: 'success, partial, failed or skipped' }),
    lastError: z.string().nullable(),
    health,
  })
  .strict();

export const integration = z
  .object({
    id: z.string(),
    connectorType: z.string(),
    tenantUrl: z.string().nullable(),
    enabled: z.boolean(),
    credentialFields: z.array(z.string()).meta({ description: 'the credential fields that are set; their values are never returned' }),
    settings: z
      .object({
        webhookSecretConfigured: z.boolean(),
        previousWebhookSecretValidUntil: nullableTimestamp,
        syncIntervalMinutes: z.number().int().nullable(),
        webhookScopes: z.array(z.string()),
        webhookAllowedOrigins: z.array(z.string()),
        deleteHandling: z.enum(['deactivate', 'delete']),
        maxDeletePercent: z.number().meta({ description: 'a full sync that would remove more than this share of the active items waits for confirmation' }),
        requireTimestampedSignatures: z.boolean(),
      })
      // The connector's own settings (generic-http's paths, paging, …) sit beside the hub's.
      .catchall(z.unknown()),
    fieldMappings,
    webhookUrl: z.url().meta({ description: 'where the host system sends webhooks for this integration' }),
    syncStatus,
    health,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const connectionTestResult = z.object({ success: z.boolean(), message: z.string() }).strict();

export const syncResult = z
  .object({
    success: z.boolean(),
    itemsSynced: z.number().int(),
    errors: z.array(z.object({ externalId: z.string(), field: z.string(), message: z.string() }).strict()).meta({ description: 'the records that could not be stored (the first 100)' }),
    runId: z.string(),
    status: z.enum(syncRunStatuses),
    counts: syncCounts,
    heldDeletions: heldDeletions.optional().meta({ description: 'with status needs_confirmation: what the run would remove' }),
    message: z.string().optional().meta({ description: 'why the run failed' }),
    errorClass: z.enum(failureClasses).optional(),
    retryable: z.boolean().optional(),
  })
  .strict();

export const syncRunDecided = z
  .object({
    runId: z.string(),
    status: z.enum(syncRunStatuses).meta({ description: 'success or partial once decided' }),
    deletionDecision: z.enum(['confirmed', 'discarded']),
    itemsSynced: count,
    counts: syncCounts,
  })
  .strict();

export const syncStillRunning = z
  .object({
    runId: z.string().meta({ description: 'the run, which goes on; follow it with GET …/sync/status or the GraphQL syncRun/syncProgress' }),
    status: z.literal('running'),
  })
  .strict();

export const webhookAck = z.object({ success: z.literal(true), deliveryId: z.string().meta({ description: 'the stored inbound webhook event' }) }).strict();

export const webhookEndpoint = z
  .object({
    id: z.string(),
    url: z.url(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({ description: 'manual, gone (the receiver answered 410) or failing (no success for too long)' }),
    rateLimitPerSecond: z.number().int().nullable(),
    failingSince: nullableTimestamp,
    previousSecretValidUntil: nullableTimestamp,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const createdWebhookEndpoint = webhookEndpoint.extend({ secret: z.string().meta({ description: 'the signing secret, shown here once unasked' }) }).strict();

export const endpointSecret = z.object({ secret: z.string(), previousSecret: z.string().nullable(), previousSecretValidUntil: nullableTimestamp }).strict();
export const rotatedSecret = z.object({ secret: z.string(), previousSecretValidUntil: timestamp }).strict();

export const eventType = z
  .object({
    type: z.string().meta({ description: 'lowercase dotted name, e.g. offering.status.changed' }),
    description: z.string(),
    example: z.record(z.string(), z.unknown()).meta({ description: 'an example of its data' }),
    origin: z.enum(['hub', 'product']).meta({ description: "hub: the hub's own (read-only); product: defined by the product with a platform key" }),
    schema: z.record(z.string(), z.unknown()).nullable().meta({ description: "the JSON Schema (2020-12) its data is validated against; null for the hub's own types" }),
    archived: z.boolean().meta({ description: 'an archived type takes no new events' }),
  })
  .strict();

export const published = z.object({ id: z.string().meta({ description: 'the message id (msg_…): the body\'s "id" and every delivery\'s webhook-id' }) }).strict();

export const message = z
  .object({
    eventId: z.string(),
    eventType: z.string(),
    status: z.string().meta({ description: 'pending, succeeded, failed or cancelled' }),
    attempts: z.number().int(),
    nextAttemptAt: nullableTimestamp,
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
  })
  .strict();

export const attempt = z
  .object({
    id: z.string(),
    eventId: z.string(),
    attemptedAt: timestamp,
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    responseBody: z.string().nullable().meta({ description: 'the first KiB of the answer' }),
    error: z.string().nullable(),
  })
  .strict();

export const queued = z.object({ queued: z.number().int() }).strict();

/** Shown in the document's components under these names. */
export const componentSchemas: Record<string, z.ZodType> = {
  Error: errorBody,
  Connector: connector,
  IntegrationInput: configureInput,
  FieldMappingsInput: mappingsInput,
  FieldMappings: fieldMappings,
  Health: health,
  SyncStatus: syncStatus,
  SyncCounts: syncCounts,
  HeldDeletions: heldDeletions,
  Integration: integration,
  ConnectionTestResult: connectionTestResult,
  SyncResult: syncResult,
  SyncRunDecided: syncRunDecided,
  SyncStillRunning: syncStillRunning,
  WebhookAcknowledgement: webhookAck,
  WebhookEndpoint: webhookEndpoint,
  EventType: eventType,
  Message: message,
  DeliveryAttempt: attempt,
};
