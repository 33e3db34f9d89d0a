/** The contracts of the integrations guide's routes under /api/v1/integrations (rest/integrations.ts). */
import { z } from 'zod';
import { connectorTypes } from '../../connectors/registry';
import { configureInput, mappingsInput } from '../../domain/integrations/inputs';
import type { RouteContract } from '../contract';
import { connectionTestResult, connector, fieldMappings, integration, syncResult, syncRunDecided, syncStatus, syncStillRunning } from '../schemas';
import {
  connectionTestExample,
  configureExample,
  connectorsExample,
  defaultMappingsExample,
  heldSyncRunExample,
  integrationExample,
  mappingsExample,
  syncResultExample,
  syncStillRunningExample,
  syncStatusExample,
} from './examples';

const tag = 'Integrations';

export const byConnectorType = z.object({
  connectorType: z.string().meta({ description: `a connector type of the catalog: ${connectorTypes().join(', ')}`, example: 'sap-s4hana' }),
});

const notConfigured = 'unknown connector type, or no integration of this type in your organization';

export const integrationContracts = {
  listConnectors: {
    operationId: 'listConnectors',
    summary: 'List the connector types',
    description: 'The connector catalog, with the credential fields each one needs during setup.',
    tag,
    auth: 'apiKey',
    responses: { 200: { description: 'the connectors', schema: z.array(connector), example: connectorsExample } },
  },
  listIntegrations: {
    operationId: 'listIntegrations',
    summary: "List the organization's integrations",
    tag,
    auth: 'apiKey',
    responses: { 200: { description: 'the integrations, oldest first', schema: z.array(integration), example: [integrationExample] } },
  },
  getIntegration: {
    operationId: 'getIntegration',
    summary: 'Get one integration',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'the integration', schema: integration, example: integrationExample } },
    errors: { 404: notConfigured },
  },
  configureIntegration: {
    operationId: 'configureIntegration',
    summary: 'Create or update an integration',
    description:
      'Creates the integration (201) or updates it (200). Parts left out keep their stored values; credentials left out stay. ' +
      'Credentials and the webhook secret are write-only; `"webhookSecret": null` removes the secret. An update that changes where ' +
      'a stored secret is sent (tenantUrl, tokenUrl) must give that secret again.',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    body: { schema: configureInput, required: true, example: configureExample },
    responses: {
      200: { description: 'updated', schema: integration, example: integrationExample },
      201: { description: 'created', schema: integration, example: integrationExample },
    },
    errors: { 400: 'unknown connector type, missing or unknown credential fields, malformed URLs, wrong types, unknown fields, invalid mappings' },
  },
  deleteIntegration: {
    operationId: 'deleteIntegration',
    summary: 'Delete an integration',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 204: { description: 'deleted' } },
    errors: { 404: notConfigured },
  },
  getMappings: {
    operationId: 'getMappings',
    summary: 'Get the current field mappings',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'both mapping sets', schema: fieldMappings, example: mappingsExample } },
    errors: { 404: notConfigured },
  },
  updateMappings: {
    operationId: 'updateMappings',
    summary: 'Replace the mapping sets that are given',
    description: 'A set that is left out stays as it is. Targets are checked against the entities, sources against the connector, and their kinds must agree.',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    body: { schema: mappingsInput, required: true, example: mappingsExample },
    responses: { 200: { description: 'both mapping sets as stored', schema: fieldMappings, example: mappingsExample } },
    errors: { 400: 'no mapping set given, unknown target or source fields, kinds that do not agree', 404: notConfigured },
  },
  getDefaultMappings: {
    operationId: 'getDefaultMappings',
    summary: "Get the connector's default mappings",
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'the default template', schema: fieldMappings, example: defaultMappingsExample } },
    errors: { 404: 'unknown connector type' },
  },
  resetMappings: {
    operationId: 'resetMappings',
    summary: 'Reset the mappings to the defaults',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'both mapping sets as stored', schema: fieldMappings, example: defaultMappingsExample } },
    errors: { 404: notConfigured },
  },
  testConnection: {
    operationId: 'testConnection',
    summary: 'Test the connection to the host system',
    description: 'Checks the stored credentials and configuration against the host system; answers within 15 s. A failed test is a 200 with `success: false` and the precise reason.',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'the outcome', schema: connectionTestResult, example: connectionTestExample } },
    errors: { 404: notConfigured },
  },
  runSync: {
    operationId: 'runSync',
    summary: 'Run a sync of master data and answer when it ends',
    description:
      'Reads every item from the host system (or, with `mode=incremental`, those changed since the last successful run) and stores them. Records that cannot be stored are listed in `errors` and skipped. ' +
      'The run is a job that a hub instance running workers executes (it resumes after a crash); the call waits for its end up to HUB_SYNC_WAIT_SECONDS (default 300) and otherwise answers 202 with the run id while the run goes on.',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    query: z.object({
      mode: z.enum(['full', 'incremental'], { message: 'must be "full" or "incremental"' }).default('full').meta({ description: 'full: every record; incremental: changed since the last successful run started (minus five minutes)' }),
    }),
    responses: {
      200: { description: 'the run ended (success false: it failed, with message, errorClass and retryable)', schema: syncResult, example: syncResultExample },
      202: { description: 'the run did not end within HUB_SYNC_WAIT_SECONDS; it goes on', schema: syncStillRunning, example: syncStillRunningExample },
    },
    errors: { 404: notConfigured, 409: 'a sync of this integration is already running, or the integration is disabled' },
  },
  confirmSyncDeletions: {
    operationId: 'confirmSyncDeletions',
    summary: 'Apply the removals a sync run held back',
    description:
      'A full sync that would remove more than `settings.maxDeletePercent` of the active items (or found no record at all) removes nothing and ends `needs_confirmation`. This applies its removals (per `deleteHandling`); items written since the run started are spared.',
    tag,
    auth: 'apiKey',
    params: byConnectorType.extend({ runId: z.string().meta({ description: 'the held run (lastSyncRunId in the sync status)', example: 'run_8f2k1m0q9x3v5t7w4y6z' }) }),
    responses: { 200: { description: 'the run, decided', schema: syncRunDecided, example: heldSyncRunExample } },
    errors: { 404: 'no such run of this integration in your organization', 409: 'the run holds no deletions (already decided, or not held), or a later full sync replaced it' },
  },
  discardSyncDeletions: {
    operationId: 'discardSyncDeletions',
    summary: 'Drop the removals a sync run held back',
    description: 'The items stay as they are; the next full sync looks again.',
    tag,
    auth: 'apiKey',
    params: byConnectorType.extend({ runId: z.string().meta({ description: 'the held run (lastSyncRunId in the sync status)', example: 'run_8f2k1m0q9x3v5t7w4y6z' }) }),
    responses: { 200: { description: 'the run, decided', schema: syncRunDecided, example: { ...heldSyncRunExample, counts: { ...heldSyncRunExample.counts, removed: 0 }, deletionDecision: 'discarded' } } },
    errors: { 404: 'no such run of this integration in your organization', 409: 'the run holds no deletions (already decided, or not held), or a later full sync replaced it' },
  },
  getSyncStatus: {
    operationId: 'getSyncStatus',
    summary: 'Get the last sync and webhook results',
    tag,
    auth: 'apiKey',
    params: byConnectorType,
    responses: { 200: { description: 'the status', schema: syncStatus, example: syncStatusExample } },
    errors: { 404: notConfigured },
  },
} satisfies Record<string, RouteContract>;
