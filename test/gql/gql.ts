/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConnectorCatalog {\n    connectors {\n      connectorType tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n    }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required }\n    }\n  }\n": typeof types.ConnectorCatalogDocument,
    "\n  query Connectors {\n    connectors {\n      connectorType\n      displayName\n      description\n      requiredCredentialFields\n      itemSourceFields { name kind units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n  }\n": typeof types.ConnectorsDocument,
    "\n  fragment IntegrationFields on Integration {\n    id\n    connectorType\n    tenantUrl\n    enabled\n    credentialFields\n    webhookSecretConfigured\n    webhookUrl\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n": typeof types.IntegrationFieldsFragmentDoc,
    "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationFields } } }\n      ... on ValidationError { message code fields { path message } }\n      ... on NotFoundError { message code }\n    }\n  }\n": typeof types.ConfigureIntegrationDocument,
    "\n  query Integrations {\n    integrations { ...IntegrationFields }\n  }\n": typeof types.IntegrationsDocument,
    "\n  query Integration($connectorType: String!) {\n    integration(connectorType: $connectorType) { ...IntegrationFields }\n  }\n": typeof types.IntegrationDocument,
    "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      __typename\n      ... on MutationDeleteIntegrationSuccess { data }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.DeleteIntegrationDocument,
    "\n  query FieldMappings($connectorType: String!) {\n    fieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n    defaultFieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryDefaultFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.FieldMappingsDocument,
    "\n  mutation UpdateFieldMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      __typename\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on ValidationError { fields { path message } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.UpdateFieldMappingsDocument,
    "\n  mutation ResetMappings($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      __typename\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.ResetMappingsDocument,
    "\n  subscription IntegrationChanged($connectorType: String) {\n    integrationChanged(connectorType: $connectorType) {\n      action\n      connectorType\n      integrationId\n      integration { tenantUrl credentialFields }\n    }\n  }\n": typeof types.IntegrationChangedDocument,
    "\n  fragment NodeFields on Node {\n    __typename\n    id\n    ... on WebhookEvent { deliveryId body headers transfers { transferId externalId } }\n    ... on TransferRequest { transferId externalId event { deliveryId body } }\n    ... on SyncRun { runId itemsSynced }\n    ... on Item { sku name }\n    ... on Delivery { orderId lines { sku quantity } }\n    ... on WebhookEndpoint { endpointId url }\n    ... on WebhookMessage { eventId payload attemptLog { attemptId responseBody } }\n  }\n": typeof types.NodeFieldsFragmentDoc,
    "\n  query Node($id: ID!) {\n    node(id: $id) { ...NodeFields }\n  }\n": typeof types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeFields }\n  }\n": typeof types.NodesDocument,
    "\n  query Pages(\n    $endpointId: String!\n    $items: String\n    $deliveries: String\n    $syncRuns: String\n    $webhookEvents: String\n    $transferRequests: String\n    $webhookMessages: String\n    $deliveryAttempts: String\n  ) {\n    items(first: 10, after: $items) { edges { cursor node { id } } }\n    deliveries(first: 10, after: $deliveries) { edges { cursor node { id } } }\n    syncRuns(first: 10, after: $syncRuns) { edges { cursor node { id } } }\n    webhookEvents(first: 10, after: $webhookEvents) { edges { cursor node { id } } }\n    transferRequests(first: 10, after: $transferRequests) { edges { cursor node { id } } }\n    webhookMessages(endpointId: $endpointId, first: 10, after: $webhookMessages) { edges { cursor node { id } } }\n    deliveryAttempts(endpointId: $endpointId, first: 10, after: $deliveryAttempts) { edges { cursor node { attemptId } } }\n    webhookEndpoints { id }\n  }\n": typeof types.PagesDocument,
    "\n  query ItemChanges($after: String, $first: Int) {\n    itemChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation itemId sku source changedAt item { id sku category active } }\n    }\n  }\n": typeof types.ItemChangesDocument,
    "\n  query DeliveryChanges($after: String, $first: Int) {\n    deliveryChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation deliveryId orderId source delivery { id orderId lines { lineNumber sku } } }\n    }\n  }\n": typeof types.DeliveryChangesDocument,
    "\n  subscription ItemsChanged($connectorType: String, $after: String) {\n    itemsChanged(connectorType: $connectorType, after: $after) {\n      cursor\n      changes { cursor operation sku item { category } }\n    }\n  }\n": typeof types.ItemsChangedDocument,
    "\n  query IntegrationHealth($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      health { status reason since }\n      syncStatus { lastError health { status reason since } }\n    }\n  }\n": typeof types.IntegrationHealthDocument,
    "\n  query EventFailure($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      status error errorClass retryable\n      transfers { status attempts error errorClass retryable }\n    }\n  }\n": typeof types.EventFailureDocument,
    "\n  query SyncRunFailure($runId: String!) {\n    syncRun(runId: $runId) { status error errorClass retryable }\n  }\n": typeof types.SyncRunFailureDocument,
    "\n  subscription HealthChanged {\n    integrationChanged(connectorType: \"sap-s4hana\") {\n      action\n      integration { health { status reason } }\n    }\n  }\n": typeof types.HealthChangedDocument,
    "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { endpointId url eventTypes enabled } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": typeof types.CreateEndpointDocument,
    "\n  query EndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      __typename\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.EndpointSecretDocument,
    "\n  mutation SendTestEvent($endpointId: String!, $eventType: String) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType) {\n      __typename\n      ... on MutationSendTestEventSuccess { data }\n      ... on ValidationError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.SendTestEventDocument,
    "\n  subscription DeliveryAttempts($endpointId: String) {\n    deliveryAttempts(endpointId: $endpointId) { attemptId endpointId eventId statusCode error }\n  }\n": typeof types.DeliveryAttemptsDocument,
    "\n  query Messages($endpointId: String!) {\n    webhookMessages(endpointId: $endpointId, first: 10) {\n      edges { node { eventId eventType status attempts payload attemptLog { statusCode latencyMs } } }\n    }\n    eventTypes { type exampleData }\n  }\n": typeof types.MessagesDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.StartSyncDocument,
    "\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.TestConnectionDocument,
    "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsTotal itemsSynced errorCount }\n  }\n": typeof types.SyncProgressDocument,
    "\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SyncRunsDocument,
    "\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ItemsDocument,
    "\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n": typeof types.SyncStatusDocument,
    "\n  subscription WebhookEvents($connectorType: String) {\n    webhookEvents(connectorType: $connectorType) { deliveryId connectorType status transferCount }\n  }\n": typeof types.WebhookEventsDocument,
    "\n  subscription TransferRequestUpdated($deliveryId: String) {\n    transferRequestUpdated(deliveryId: $deliveryId) { transferId scope externalId status attempts }\n  }\n": typeof types.TransferRequestUpdatedDocument,
    "\n  query WebhookEvent($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId status body signatureScheme transferCount error\n      transfers { scope externalId status outcome attempts error }\n    }\n  }\n": typeof types.WebhookEventDocument,
    "\n  query WebhookEventList($status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime) {\n    webhookEvents(status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50) { edges { node { deliveryId status receivedAt } } }\n  }\n": typeof types.WebhookEventListDocument,
    "\n  query TransferRequests($externalId: String) {\n    transferRequests(externalId: $externalId, first: 20) { edges { node { transferId scope status event { deliveryId } } } }\n  }\n": typeof types.TransferRequestsDocument,
    "\n  query Deliveries($orderId: String) {\n    deliveries(orderId: $orderId, first: 5) { edges { node { orderId shipTo active lines { lineNumber sku quantity quantityUnit } } } }\n  }\n": typeof types.DeliveriesDocument,
    "\n  query WebhookSettings {\n    connector(connectorType: \"sap-s4hana\") { webhookScopes { name entity action } }\n    integration(connectorType: \"sap-s4hana\") {\n      webhookScopes deleteHandling webhookSecretConfigured previousWebhookSecretValidUntil requireTimestampedSignatures\n      syncStatus { lastWebhookAt lastWebhookStatus lastError }\n    }\n  }\n": typeof types.WebhookSettingsDocument,
    "\n  mutation ConfigureScopes($scopes: [String!], $deleteHandling: String) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookScopes: $scopes, deleteHandling: $deleteHandling }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookScopes deleteHandling } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": typeof types.ConfigureScopesDocument,
    "\n  mutation RequireTimestampedSignatures($required: Boolean) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", requireTimestampedSignatures: $required }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { requireTimestampedSignatures webhookSecretConfigured } } }\n    }\n  }\n": typeof types.RequireTimestampedSignaturesDocument,
    "\n  mutation Replay($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      __typename\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ... on ValidationError { message }\n    }\n  }\n": typeof types.ReplayDocument,
    "\n  mutation RetryTransfers($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      __typename\n      ... on MutationRetryTransferRequestsSuccess { data }\n    }\n  }\n": typeof types.RetryTransfersDocument,
    "\n  mutation ConfigureAllowedOrigins($origins: [String!]) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookAllowedOrigins: $origins }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookAllowedOrigins } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.ConfigureAllowedOriginsDocument,
};
const documents: Documents = {
    "\n  query ConnectorCatalog {\n    connectors {\n      connectorType tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n    }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required }\n    }\n  }\n": types.ConnectorCatalogDocument,
    "\n  query Connectors {\n    connectors {\n      connectorType\n      displayName\n      description\n      requiredCredentialFields\n      itemSourceFields { name kind units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n  }\n": types.ConnectorsDocument,
    "\n  fragment IntegrationFields on Integration {\n    id\n    connectorType\n    tenantUrl\n    enabled\n    credentialFields\n    webhookSecretConfigured\n    webhookUrl\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n": types.IntegrationFieldsFragmentDoc,
    "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationFields } } }\n      ... on ValidationError { message code fields { path message } }\n      ... on NotFoundError { message code }\n    }\n  }\n": types.ConfigureIntegrationDocument,
    "\n  query Integrations {\n    integrations { ...IntegrationFields }\n  }\n": types.IntegrationsDocument,
    "\n  query Integration($connectorType: String!) {\n    integration(connectorType: $connectorType) { ...IntegrationFields }\n  }\n": types.IntegrationDocument,
    "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      __typename\n      ... on MutationDeleteIntegrationSuccess { data }\n      ... on NotFoundError { message }\n    }\n  }\n": types.DeleteIntegrationDocument,
    "\n  query FieldMappings($connectorType: String!) {\n    fieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n    defaultFieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryDefaultFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.FieldMappingsDocument,
    "\n  mutation UpdateFieldMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      __typename\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on ValidationError { fields { path message } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.UpdateFieldMappingsDocument,
    "\n  mutation ResetMappings($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      __typename\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.ResetMappingsDocument,
    "\n  subscription IntegrationChanged($connectorType: String) {\n    integrationChanged(connectorType: $connectorType) {\n      action\n      connectorType\n      integrationId\n      integration { tenantUrl credentialFields }\n    }\n  }\n": types.IntegrationChangedDocument,
    "\n  fragment NodeFields on Node {\n    __typename\n    id\n    ... on WebhookEvent { deliveryId body headers transfers { transferId externalId } }\n    ... on TransferRequest { transferId externalId event { deliveryId body } }\n    ... on SyncRun { runId itemsSynced }\n    ... on Item { sku name }\n    ... on Delivery { orderId lines { sku quantity } }\n    ... on WebhookEndpoint { endpointId url }\n    ... on WebhookMessage { eventId payload attemptLog { attemptId responseBody } }\n  }\n": types.NodeFieldsFragmentDoc,
    "\n  query Node($id: ID!) {\n    node(id: $id) { ...NodeFields }\n  }\n": types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeFields }\n  }\n": types.NodesDocument,
    "\n  query Pages(\n    $endpointId: String!\n    $items: String\n    $deliveries: String\n    $syncRuns: String\n    $webhookEvents: String\n    $transferRequests: String\n    $webhookMessages: String\n    $deliveryAttempts: String\n  ) {\n    items(first: 10, after: $items) { edges { cursor node { id } } }\n    deliveries(first: 10, after: $deliveries) { edges { cursor node { id } } }\n    syncRuns(first: 10, after: $syncRuns) { edges { cursor node { id } } }\n    webhookEvents(first: 10, after: $webhookEvents) { edges { cursor node { id } } }\n    transferRequests(first: 10, after: $transferRequests) { edges { cursor node { id } } }\n    webhookMessages(endpointId: $endpointId, first: 10, after: $webhookMessages) { edges { cursor node { id } } }\n    deliveryAttempts(endpointId: $endpointId, first: 10, after: $deliveryAttempts) { edges { cursor node { attemptId } } }\n    webhookEndpoints { id }\n  }\n": types.PagesDocument,
    "\n  query ItemChanges($after: String, $first: Int) {\n    itemChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation itemId sku source changedAt item { id sku category active } }\n    }\n  }\n": types.ItemChangesDocument,
    "\n  query DeliveryChanges($after: String, $first: Int) {\n    deliveryChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation deliveryId orderId source delivery { id orderId lines { lineNumber sku } } }\n    }\n  }\n": types.DeliveryChangesDocument,
    "\n  subscription ItemsChanged($connectorType: String, $after: String) {\n    itemsChanged(connectorType: $connectorType, after: $after) {\n      cursor\n      changes { cursor operation sku item { category } }\n    }\n  }\n": types.ItemsChangedDocument,
    "\n  query IntegrationHealth($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      health { status reason since }\n      syncStatus { lastError health { status reason since } }\n    }\n  }\n": types.IntegrationHealthDocument,
    "\n  query EventFailure($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      status error errorClass retryable\n      transfers { status attempts error errorClass retryable }\n    }\n  }\n": types.EventFailureDocument,
    "\n  query SyncRunFailure($runId: String!) {\n    syncRun(runId: $runId) { status error errorClass retryable }\n  }\n": types.SyncRunFailureDocument,
    "\n  subscription HealthChanged {\n    integrationChanged(connectorType: \"sap-s4hana\") {\n      action\n      integration { health { status reason } }\n    }\n  }\n": types.HealthChangedDocument,
    "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { endpointId url eventTypes enabled } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": types.CreateEndpointDocument,
    "\n  query EndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      __typename\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.EndpointSecretDocument,
    "\n  mutation SendTestEvent($endpointId: String!, $eventType: String) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType) {\n      __typename\n      ... on MutationSendTestEventSuccess { data }\n      ... on ValidationError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": types.SendTestEventDocument,
    "\n  subscription DeliveryAttempts($endpointId: String) {\n    deliveryAttempts(endpointId: $endpointId) { attemptId endpointId eventId statusCode error }\n  }\n": types.DeliveryAttemptsDocument,
    "\n  query Messages($endpointId: String!) {\n    webhookMessages(endpointId: $endpointId, first: 10) {\n      edges { node { eventId eventType status attempts payload attemptLog { statusCode latencyMs } } }\n    }\n    eventTypes { type exampleData }\n  }\n": types.MessagesDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": types.StartSyncDocument,
    "\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.TestConnectionDocument,
    "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsTotal itemsSynced errorCount }\n  }\n": types.SyncProgressDocument,
    "\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SyncRunsDocument,
    "\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ItemsDocument,
    "\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n": types.SyncStatusDocument,
    "\n  subscription WebhookEvents($connectorType: String) {\n    webhookEvents(connectorType: $connectorType) { deliveryId connectorType status transferCount }\n  }\n": types.WebhookEventsDocument,
    "\n  subscription TransferRequestUpdated($deliveryId: String) {\n    transferRequestUpdated(deliveryId: $deliveryId) { transferId scope externalId status attempts }\n  }\n": types.TransferRequestUpdatedDocument,
    "\n  query WebhookEvent($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId status body signatureScheme transferCount error\n      transfers { scope externalId status outcome attempts error }\n    }\n  }\n": types.WebhookEventDocument,
    "\n  query WebhookEventList($status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime) {\n    webhookEvents(status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50) { edges { node { deliveryId status receivedAt } } }\n  }\n": types.WebhookEventListDocument,
    "\n  query TransferRequests($externalId: String) {\n    transferRequests(externalId: $externalId, first: 20) { edges { node { transferId scope status event { deliveryId } } } }\n  }\n": types.TransferRequestsDocument,
    "\n  query Deliveries($orderId: String) {\n    deliveries(orderId: $orderId, first: 5) { edges { node { orderId shipTo active lines { lineNumber sku quantity quantityUnit } } } }\n  }\n": types.DeliveriesDocument,
    "\n  query WebhookSettings {\n    connector(connectorType: \"sap-s4hana\") { webhookScopes { name entity action } }\n    integration(connectorType: \"sap-s4hana\") {\n      webhookScopes deleteHandling webhookSecretConfigured previousWebhookSecretValidUntil requireTimestampedSignatures\n      syncStatus { lastWebhookAt lastWebhookStatus lastError }\n    }\n  }\n": types.WebhookSettingsDocument,
    "\n  mutation ConfigureScopes($scopes: [String!], $deleteHandling: String) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookScopes: $scopes, deleteHandling: $deleteHandling }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookScopes deleteHandling } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": types.ConfigureScopesDocument,
    "\n  mutation RequireTimestampedSignatures($required: Boolean) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", requireTimestampedSignatures: $required }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { requireTimestampedSignatures webhookSecretConfigured } } }\n    }\n  }\n": types.RequireTimestampedSignaturesDocument,
    "\n  mutation Replay($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      __typename\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ... on ValidationError { message }\n    }\n  }\n": types.ReplayDocument,
    "\n  mutation RetryTransfers($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      __typename\n      ... on MutationRetryTransferRequestsSuccess { data }\n    }\n  }\n": types.RetryTransfersDocument,
    "\n  mutation ConfigureAllowedOrigins($origins: [String!]) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookAllowedOrigins: $origins }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookAllowedOrigins } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.ConfigureAllowedOriginsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorCatalog {\n    connectors {\n      connectorType tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n    }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required }\n    }\n  }\n"): (typeof documents)["\n  query ConnectorCatalog {\n    connectors {\n      connectorType tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n    }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Connectors {\n    connectors {\n      connectorType\n      displayName\n      description\n      requiredCredentialFields\n      itemSourceFields { name kind units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n  }\n"): (typeof documents)["\n  query Connectors {\n    connectors {\n      connectorType\n      displayName\n      description\n      requiredCredentialFields\n      itemSourceFields { name kind units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationFields on Integration {\n    id\n    connectorType\n    tenantUrl\n    enabled\n    credentialFields\n    webhookSecretConfigured\n    webhookUrl\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n"): (typeof documents)["\n  fragment IntegrationFields on Integration {\n    id\n    connectorType\n    tenantUrl\n    enabled\n    credentialFields\n    webhookSecretConfigured\n    webhookUrl\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationFields } } }\n      ... on ValidationError { message code fields { path message } }\n      ... on NotFoundError { message code }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationFields } } }\n      ... on ValidationError { message code fields { path message } }\n      ... on NotFoundError { message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Integrations {\n    integrations { ...IntegrationFields }\n  }\n"): (typeof documents)["\n  query Integrations {\n    integrations { ...IntegrationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Integration($connectorType: String!) {\n    integration(connectorType: $connectorType) { ...IntegrationFields }\n  }\n"): (typeof documents)["\n  query Integration($connectorType: String!) {\n    integration(connectorType: $connectorType) { ...IntegrationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      __typename\n      ... on MutationDeleteIntegrationSuccess { data }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      __typename\n      ... on MutationDeleteIntegrationSuccess { data }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldMappings($connectorType: String!) {\n    fieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n    defaultFieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryDefaultFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query FieldMappings($connectorType: String!) {\n    fieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n    defaultFieldMappings(connectorType: $connectorType) {\n      __typename\n      ... on QueryDefaultFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFieldMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      __typename\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on ValidationError { fields { path message } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFieldMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      __typename\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ... on ValidationError { fields { path message } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetMappings($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      __typename\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetMappings($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      __typename\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntegrationChanged($connectorType: String) {\n    integrationChanged(connectorType: $connectorType) {\n      action\n      connectorType\n      integrationId\n      integration { tenantUrl credentialFields }\n    }\n  }\n"): (typeof documents)["\n  subscription IntegrationChanged($connectorType: String) {\n    integrationChanged(connectorType: $connectorType) {\n      action\n      connectorType\n      integrationId\n      integration { tenantUrl credentialFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NodeFields on Node {\n    __typename\n    id\n    ... on WebhookEvent { deliveryId body headers transfers { transferId externalId } }\n    ... on TransferRequest { transferId externalId event { deliveryId body } }\n    ... on SyncRun { runId itemsSynced }\n    ... on Item { sku name }\n    ... on Delivery { orderId lines { sku quantity } }\n    ... on WebhookEndpoint { endpointId url }\n    ... on WebhookMessage { eventId payload attemptLog { attemptId responseBody } }\n  }\n"): (typeof documents)["\n  fragment NodeFields on Node {\n    __typename\n    id\n    ... on WebhookEvent { deliveryId body headers transfers { transferId externalId } }\n    ... on TransferRequest { transferId externalId event { deliveryId body } }\n    ... on SyncRun { runId itemsSynced }\n    ... on Item { sku name }\n    ... on Delivery { orderId lines { sku quantity } }\n    ... on WebhookEndpoint { endpointId url }\n    ... on WebhookMessage { eventId payload attemptLog { attemptId responseBody } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) { ...NodeFields }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) { ...NodeFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeFields }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pages(\n    $endpointId: String!\n    $items: String\n    $deliveries: String\n    $syncRuns: String\n    $webhookEvents: String\n    $transferRequests: String\n    $webhookMessages: String\n    $deliveryAttempts: String\n  ) {\n    items(first: 10, after: $items) { edges { cursor node { id } } }\n    deliveries(first: 10, after: $deliveries) { edges { cursor node { id } } }\n    syncRuns(first: 10, after: $syncRuns) { edges { cursor node { id } } }\n    webhookEvents(first: 10, after: $webhookEvents) { edges { cursor node { id } } }\n    transferRequests(first: 10, after: $transferRequests) { edges { cursor node { id } } }\n    webhookMessages(endpointId: $endpointId, first: 10, after: $webhookMessages) { edges { cursor node { id } } }\n    deliveryAttempts(endpointId: $endpointId, first: 10, after: $deliveryAttempts) { edges { cursor node { attemptId } } }\n    webhookEndpoints { id }\n  }\n"): (typeof documents)["\n  query Pages(\n    $endpointId: String!\n    $items: String\n    $deliveries: String\n    $syncRuns: String\n    $webhookEvents: String\n    $transferRequests: String\n    $webhookMessages: String\n    $deliveryAttempts: String\n  ) {\n    items(first: 10, after: $items) { edges { cursor node { id } } }\n    deliveries(first: 10, after: $deliveries) { edges { cursor node { id } } }\n    syncRuns(first: 10, after: $syncRuns) { edges { cursor node { id } } }\n    webhookEvents(first: 10, after: $webhookEvents) { edges { cursor node { id } } }\n    transferRequests(first: 10, after: $transferRequests) { edges { cursor node { id } } }\n    webhookMessages(endpointId: $endpointId, first: 10, after: $webhookMessages) { edges { cursor node { id } } }\n    deliveryAttempts(endpointId: $endpointId, first: 10, after: $deliveryAttempts) { edges { cursor node { attemptId } } }\n    webhookEndpoints { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemChanges($after: String, $first: Int) {\n    itemChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation itemId sku source changedAt item { id sku category active } }\n    }\n  }\n"): (typeof documents)["\n  query ItemChanges($after: String, $first: Int) {\n    itemChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation itemId sku source changedAt item { id sku category active } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryChanges($after: String, $first: Int) {\n    deliveryChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation deliveryId orderId source delivery { id orderId lines { lineNumber sku } } }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryChanges($after: String, $first: Int) {\n    deliveryChanges(after: $after, first: $first) {\n      cursor hasMore\n      changes { cursor operation deliveryId orderId source delivery { id orderId lines { lineNumber sku } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ItemsChanged($connectorType: String, $after: String) {\n    itemsChanged(connectorType: $connectorType, after: $after) {\n      cursor\n      changes { cursor operation sku item { category } }\n    }\n  }\n"): (typeof documents)["\n  subscription ItemsChanged($connectorType: String, $after: String) {\n    itemsChanged(connectorType: $connectorType, after: $after) {\n      cursor\n      changes { cursor operation sku item { category } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationHealth($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      health { status reason since }\n      syncStatus { lastError health { status reason since } }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationHealth($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      health { status reason since }\n      syncStatus { lastError health { status reason since } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventFailure($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      status error errorClass retryable\n      transfers { status attempts error errorClass retryable }\n    }\n  }\n"): (typeof documents)["\n  query EventFailure($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      status error errorClass retryable\n      transfers { status attempts error errorClass retryable }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRunFailure($runId: String!) {\n    syncRun(runId: $runId) { status error errorClass retryable }\n  }\n"): (typeof documents)["\n  query SyncRunFailure($runId: String!) {\n    syncRun(runId: $runId) { status error errorClass retryable }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HealthChanged {\n    integrationChanged(connectorType: \"sap-s4hana\") {\n      action\n      integration { health { status reason } }\n    }\n  }\n"): (typeof documents)["\n  subscription HealthChanged {\n    integrationChanged(connectorType: \"sap-s4hana\") {\n      action\n      integration { health { status reason } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { endpointId url eventTypes enabled } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { endpointId url eventTypes enabled } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      __typename\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query EndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      __typename\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestEvent($endpointId: String!, $eventType: String) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType) {\n      __typename\n      ... on MutationSendTestEventSuccess { data }\n      ... on ValidationError { message }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestEvent($endpointId: String!, $eventType: String) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType) {\n      __typename\n      ... on MutationSendTestEventSuccess { data }\n      ... on ValidationError { message }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeliveryAttempts($endpointId: String) {\n    deliveryAttempts(endpointId: $endpointId) { attemptId endpointId eventId statusCode error }\n  }\n"): (typeof documents)["\n  subscription DeliveryAttempts($endpointId: String) {\n    deliveryAttempts(endpointId: $endpointId) { attemptId endpointId eventId statusCode error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Messages($endpointId: String!) {\n    webhookMessages(endpointId: $endpointId, first: 10) {\n      edges { node { eventId eventType status attempts payload attemptLog { statusCode latencyMs } } }\n    }\n    eventTypes { type exampleData }\n  }\n"): (typeof documents)["\n  query Messages($endpointId: String!) {\n    webhookMessages(endpointId: $endpointId, first: 10) {\n      edges { node { eventId eventType status attempts payload attemptLog { statusCode latencyMs } } }\n    }\n    eventTypes { type exampleData }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n"): (typeof documents)["\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsTotal itemsSynced errorCount }\n  }\n"): (typeof documents)["\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsTotal itemsSynced errorCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n"): (typeof documents)["\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebhookEvents($connectorType: String) {\n    webhookEvents(connectorType: $connectorType) { deliveryId connectorType status transferCount }\n  }\n"): (typeof documents)["\n  subscription WebhookEvents($connectorType: String) {\n    webhookEvents(connectorType: $connectorType) { deliveryId connectorType status transferCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TransferRequestUpdated($deliveryId: String) {\n    transferRequestUpdated(deliveryId: $deliveryId) { transferId scope externalId status attempts }\n  }\n"): (typeof documents)["\n  subscription TransferRequestUpdated($deliveryId: String) {\n    transferRequestUpdated(deliveryId: $deliveryId) { transferId scope externalId status attempts }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEvent($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId status body signatureScheme transferCount error\n      transfers { scope externalId status outcome attempts error }\n    }\n  }\n"): (typeof documents)["\n  query WebhookEvent($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId status body signatureScheme transferCount error\n      transfers { scope externalId status outcome attempts error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEventList($status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime) {\n    webhookEvents(status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50) { edges { node { deliveryId status receivedAt } } }\n  }\n"): (typeof documents)["\n  query WebhookEventList($status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime) {\n    webhookEvents(status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50) { edges { node { deliveryId status receivedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferRequests($externalId: String) {\n    transferRequests(externalId: $externalId, first: 20) { edges { node { transferId scope status event { deliveryId } } } }\n  }\n"): (typeof documents)["\n  query TransferRequests($externalId: String) {\n    transferRequests(externalId: $externalId, first: 20) { edges { node { transferId scope status event { deliveryId } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Deliveries($orderId: String) {\n    deliveries(orderId: $orderId, first: 5) { edges { node { orderId shipTo active lines { lineNumber sku quantity quantityUnit } } } }\n  }\n"): (typeof documents)["\n  query Deliveries($orderId: String) {\n    deliveries(orderId: $orderId, first: 5) { edges { node { orderId shipTo active lines { lineNumber sku quantity quantityUnit } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSettings {\n    connector(connectorType: \"sap-s4hana\") { webhookScopes { name entity action } }\n    integration(connectorType: \"sap-s4hana\") {\n      webhookScopes deleteHandling webhookSecretConfigured previousWebhookSecretValidUntil requireTimestampedSignatures\n      syncStatus { lastWebhookAt lastWebhookStatus lastError }\n    }\n  }\n"): (typeof documents)["\n  query WebhookSettings {\n    connector(connectorType: \"sap-s4hana\") { webhookScopes { name entity action } }\n    integration(connectorType: \"sap-s4hana\") {\n      webhookScopes deleteHandling webhookSecretConfigured previousWebhookSecretValidUntil requireTimestampedSignatures\n      syncStatus { lastWebhookAt lastWebhookStatus lastError }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureScopes($scopes: [String!], $deleteHandling: String) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookScopes: $scopes, deleteHandling: $deleteHandling }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookScopes deleteHandling } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureScopes($scopes: [String!], $deleteHandling: String) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookScopes: $scopes, deleteHandling: $deleteHandling }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookScopes deleteHandling } } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequireTimestampedSignatures($required: Boolean) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", requireTimestampedSignatures: $required }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { requireTimestampedSignatures webhookSecretConfigured } } }\n    }\n  }\n"): (typeof documents)["\n  mutation RequireTimestampedSignatures($required: Boolean) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", requireTimestampedSignatures: $required }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { requireTimestampedSignatures webhookSecretConfigured } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Replay($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      __typename\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ... on ValidationError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation Replay($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      __typename\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ... on ValidationError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryTransfers($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      __typename\n      ... on MutationRetryTransferRequestsSuccess { data }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryTransfers($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      __typename\n      ... on MutationRetryTransferRequestsSuccess { data }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureAllowedOrigins($origins: [String!]) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookAllowedOrigins: $origins }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookAllowedOrigins } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureAllowedOrigins($origins: [String!]) {\n    configureIntegration(input: { connectorType: \"sap-s4hana\", webhookAllowedOrigins: $origins }) {\n      __typename\n      ... on MutationConfigureIntegrationSuccess { data { integration { webhookAllowedOrigins } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;