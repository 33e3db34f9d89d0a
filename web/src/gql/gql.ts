/* eslint-disable */
import * as types from './graphql';



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
    "\n  fragment FailureFields on Error {\n    code\n    message\n    ... on ValidationError { fields { path message } }\n  }\n": typeof types.FailureFieldsFragmentDoc,
    "\n  query MessageLog($eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime, $after: String) {\n    messageLog(eventType: $eventType, status: $status, since: $since, until: $until, first: 25, after: $after) {\n      edges {\n        node {\n          messageId eventType createdAt payload\n          deliveries { endpointId status attempts nextAttemptAt lastStatusCode lastError completedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    webhookEndpoints { endpointId url }\n    eventTypes { type }\n  }\n": typeof types.MessageLogDocument,
    "\n  fragment EndpointFields on WebhookEndpoint {\n    endpointId url description eventTypes enabled disabledReason rateLimitPerSecond failingSince previousSecretValidUntil createdAt updatedAt\n  }\n": typeof types.EndpointFieldsFragmentDoc,
    "\n  query EndpointList {\n    webhookEndpoints { ...EndpointFields }\n    eventTypes { type description }\n  }\n": typeof types.EndpointListDocument,
    "\n  subscription EndpointChanges { webhookEndpointChanged { endpointId action } }\n": typeof types.EndpointChangesDocument,
    "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      ... on MutationCreateWebhookEndpointSuccess { data { endpoint { endpointId } } }\n      ...FailureFields\n    }\n  }\n": typeof types.CreateEndpointDocument,
    "\n  query EndpointPage($endpointId: String!) {\n    webhookEndpoint(endpointId: $endpointId) { ...EndpointFields }\n    eventTypes { type origin description archived exampleData }\n  }\n": typeof types.EndpointPageDocument,
    "\n  mutation UpdateEndpoint($endpointId: String!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      ... on MutationUpdateWebhookEndpointSuccess { data { ...EndpointFields } }\n      ...FailureFields\n    }\n  }\n": typeof types.UpdateEndpointDocument,
    "\n  mutation DeleteEndpoint($endpointId: String!) {\n    deleteWebhookEndpoint(endpointId: $endpointId) {\n      ... on MutationDeleteWebhookEndpointSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.DeleteEndpointDocument,
    "\n  query RevealEndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n": typeof types.RevealEndpointSecretDocument,
    "\n  mutation RotateEndpointSecret($endpointId: String!) {\n    rotateWebhookEndpointSecret(endpointId: $endpointId) {\n      ... on MutationRotateWebhookEndpointSecretSuccess { data { previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n": typeof types.RotateEndpointSecretDocument,
    "\n  mutation SendTestEventNow($endpointId: String!, $eventType: String, $data: JSONObject) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType, data: $data) {\n      ... on MutationSendTestEventSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.SendTestEventNowDocument,
    "\n  fragment AttemptFields on DeliveryAttempt { attemptId eventId attemptedAt statusCode latencyMs responseBody error }\n": typeof types.AttemptFieldsFragmentDoc,
    "\n  query EndpointAttempts($endpointId: String!) {\n    deliveryAttempts(endpointId: $endpointId, first: 50) { edges { node { ...AttemptFields } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.EndpointAttemptsDocument,
    "\n  subscription AttemptLive($endpointId: String) { deliveryAttempts(endpointId: $endpointId) { ...AttemptFields } }\n": typeof types.AttemptLiveDocument,
    "\n  query EndpointMessages($endpointId: String!, $status: String, $after: String) {\n    webhookMessages(endpointId: $endpointId, status: $status, first: 50, after: $after) {\n      edges { node { eventId eventType status attempts nextAttemptAt lastStatusCode lastError createdAt payload attemptLog { ...AttemptFields } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.EndpointMessagesDocument,
    "\n  mutation ResendMessage($endpointId: String!, $eventId: String!) {\n    resendWebhookMessage(endpointId: $endpointId, eventId: $eventId) {\n      ... on MutationResendWebhookMessageSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.ResendMessageDocument,
    "\n  mutation RecoverMessages($endpointId: String!, $since: DateTime!) {\n    recoverWebhookMessages(endpointId: $endpointId, since: $since) {\n      ... on MutationRecoverWebhookMessagesSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.RecoverMessagesDocument,
    "\n  query EventTypeCatalog {\n    eventTypes { type origin description archived schema exampleData }\n  }\n": typeof types.EventTypeCatalogDocument,
    "\n  fragment IntegrationSummary on Integration {\n    id connectorType enabled tenantUrl\n    connector { displayName }\n    health { status reason since }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n": typeof types.IntegrationSummaryFragmentDoc,
    "\n  query IntegrationList {\n    integrations { ...IntegrationSummary }\n    connectors { connectorType displayName description }\n  }\n": typeof types.IntegrationListDocument,
    "\n  subscription IntegrationListChanges { integrationChanged { integrationId action } }\n": typeof types.IntegrationListChangesDocument,
    "\n  subscription AnySyncProgress($connectorType: String) { syncProgress(connectorType: $connectorType) { runId status } }\n": typeof types.AnySyncProgressDocument,
    "\n  subscription AnyWebhookEvent($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n": typeof types.AnyWebhookEventDocument,
    "\n  query IntegrationPage($connectorType: String!) {\n    connector(connectorType: $connectorType) {\n      connectorType displayName description tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n      webhookScopes { name description }\n      itemSourceFields { name kind description units }\n      deliverySourceFields { name kind description units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n    integration(connectorType: $connectorType) { ...IntegrationDetail }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required description }\n    }\n  }\n": typeof types.IntegrationPageDocument,
    "\n  fragment IntegrationDetail on Integration {\n    ...IntegrationSummary\n    credentialFields webhookSecretConfigured previousWebhookSecretValidUntil webhookUrl\n    webhookScopes deleteHandling syncIntervalMinutes nextSyncAt connectorSettings\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n  }\n": typeof types.IntegrationDetailFragmentDoc,
    "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationDetail } } }\n      ...FailureFields\n    }\n  }\n": typeof types.ConfigureIntegrationDocument,
    "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      ... on MutationDeleteIntegrationSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.DeleteIntegrationDocument,
    "\n  mutation TestConnectionNow($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ...FailureFields\n    }\n  }\n": typeof types.TestConnectionNowDocument,
    "\n  mutation UpdateMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n": typeof types.UpdateMappingsDocument,
    "\n  mutation ResetMappingsNow($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n": typeof types.ResetMappingsNowDocument,
    "\n  fragment SyncRunRow on SyncRun {\n    runId status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount error startedAt finishedAt\n    errors { externalId field message }\n  }\n": typeof types.SyncRunRowFragmentDoc,
    "\n  query IntegrationSyncRuns($connectorType: String!, $after: String) {\n    syncRuns(connectorType: $connectorType, first: 20, after: $after) {\n      edges { node { ...SyncRunRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.IntegrationSyncRunsDocument,
    "\n  mutation StartSyncNow($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      ... on MutationStartSyncSuccess { data { ...SyncRunRow } }\n      ...FailureFields\n    }\n  }\n": typeof types.StartSyncNowDocument,
    "\n  subscription IntegrationSyncProgress($connectorType: String) {\n    syncProgress(connectorType: $connectorType) { ...SyncRunRow }\n  }\n": typeof types.IntegrationSyncProgressDocument,
    "\n  query OrganizationList {\n    organizations { orgId name status createdAt disabledAt }\n  }\n": typeof types.OrganizationListDocument,
    "\n  query SignInCheck {\n    connectors { connectorType }\n  }\n": typeof types.SignInCheckDocument,
    "\n  query WebhookLog($connectorType: String, $status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime, $after: String) {\n    webhookEvents(connectorType: $connectorType, status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50, after: $after) {\n      edges { node { deliveryId connectorType status receivedAt processedAt transferCount error signatureScheme } }\n      pageInfo { hasNextPage endCursor }\n    }\n    integrations { connectorType connector { displayName } }\n  }\n": typeof types.WebhookLogDocument,
    "\n  subscription WebhookEventLive($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n": typeof types.WebhookEventLiveDocument,
    "\n  mutation ReplayWebhookEventsNow($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ...FailureFields\n    }\n  }\n": typeof types.ReplayWebhookEventsNowDocument,
    "\n  query WebhookEventDetail($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId connectorType status receivedAt processedAt body headers signatureScheme dedupKey transferCount error\n      transfers { transferId scope receivedScope externalId status outcome attempts error createdAt updatedAt completedAt }\n    }\n  }\n": typeof types.WebhookEventDetailDocument,
    "\n  subscription TransferLive($deliveryId: String) { transferRequestUpdated(deliveryId: $deliveryId) { transferId status } }\n": typeof types.TransferLiveDocument,
    "\n  mutation RetryTransfersNow($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      ... on MutationRetryTransferRequestsSuccess { data }\n      ...FailureFields\n    }\n  }\n": typeof types.RetryTransfersNowDocument,
};
const documents: Documents = {
    "\n  fragment FailureFields on Error {\n    code\n    message\n    ... on ValidationError { fields { path message } }\n  }\n": types.FailureFieldsFragmentDoc,
    "\n  query MessageLog($eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime, $after: String) {\n    messageLog(eventType: $eventType, status: $status, since: $since, until: $until, first: 25, after: $after) {\n      edges {\n        node {\n          messageId eventType createdAt payload\n          deliveries { endpointId status attempts nextAttemptAt lastStatusCode lastError completedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    webhookEndpoints { endpointId url }\n    eventTypes { type }\n  }\n": types.MessageLogDocument,
    "\n  fragment EndpointFields on WebhookEndpoint {\n    endpointId url description eventTypes enabled disabledReason rateLimitPerSecond failingSince previousSecretValidUntil createdAt updatedAt\n  }\n": types.EndpointFieldsFragmentDoc,
    "\n  query EndpointList {\n    webhookEndpoints { ...EndpointFields }\n    eventTypes { type description }\n  }\n": types.EndpointListDocument,
    "\n  subscription EndpointChanges { webhookEndpointChanged { endpointId action } }\n": types.EndpointChangesDocument,
    "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      ... on MutationCreateWebhookEndpointSuccess { data { endpoint { endpointId } } }\n      ...FailureFields\n    }\n  }\n": types.CreateEndpointDocument,
    "\n  query EndpointPage($endpointId: String!) {\n    webhookEndpoint(endpointId: $endpointId) { ...EndpointFields }\n    eventTypes { type origin description archived exampleData }\n  }\n": types.EndpointPageDocument,
    "\n  mutation UpdateEndpoint($endpointId: String!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      ... on MutationUpdateWebhookEndpointSuccess { data { ...EndpointFields } }\n      ...FailureFields\n    }\n  }\n": types.UpdateEndpointDocument,
    "\n  mutation DeleteEndpoint($endpointId: String!) {\n    deleteWebhookEndpoint(endpointId: $endpointId) {\n      ... on MutationDeleteWebhookEndpointSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.DeleteEndpointDocument,
    "\n  query RevealEndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n": types.RevealEndpointSecretDocument,
    "\n  mutation RotateEndpointSecret($endpointId: String!) {\n    rotateWebhookEndpointSecret(endpointId: $endpointId) {\n      ... on MutationRotateWebhookEndpointSecretSuccess { data { previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n": types.RotateEndpointSecretDocument,
    "\n  mutation SendTestEventNow($endpointId: String!, $eventType: String, $data: JSONObject) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType, data: $data) {\n      ... on MutationSendTestEventSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.SendTestEventNowDocument,
    "\n  fragment AttemptFields on DeliveryAttempt { attemptId eventId attemptedAt statusCode latencyMs responseBody error }\n": types.AttemptFieldsFragmentDoc,
    "\n  query EndpointAttempts($endpointId: String!) {\n    deliveryAttempts(endpointId: $endpointId, first: 50) { edges { node { ...AttemptFields } } pageInfo { hasNextPage endCursor } }\n  }\n": types.EndpointAttemptsDocument,
    "\n  subscription AttemptLive($endpointId: String) { deliveryAttempts(endpointId: $endpointId) { ...AttemptFields } }\n": types.AttemptLiveDocument,
    "\n  query EndpointMessages($endpointId: String!, $status: String, $after: String) {\n    webhookMessages(endpointId: $endpointId, status: $status, first: 50, after: $after) {\n      edges { node { eventId eventType status attempts nextAttemptAt lastStatusCode lastError createdAt payload attemptLog { ...AttemptFields } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.EndpointMessagesDocument,
    "\n  mutation ResendMessage($endpointId: String!, $eventId: String!) {\n    resendWebhookMessage(endpointId: $endpointId, eventId: $eventId) {\n      ... on MutationResendWebhookMessageSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.ResendMessageDocument,
    "\n  mutation RecoverMessages($endpointId: String!, $since: DateTime!) {\n    recoverWebhookMessages(endpointId: $endpointId, since: $since) {\n      ... on MutationRecoverWebhookMessagesSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.RecoverMessagesDocument,
    "\n  query EventTypeCatalog {\n    eventTypes { type origin description archived schema exampleData }\n  }\n": types.EventTypeCatalogDocument,
    "\n  fragment IntegrationSummary on Integration {\n    id connectorType enabled tenantUrl\n    connector { displayName }\n    health { status reason since }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n": types.IntegrationSummaryFragmentDoc,
    "\n  query IntegrationList {\n    integrations { ...IntegrationSummary }\n    connectors { connectorType displayName description }\n  }\n": types.IntegrationListDocument,
    "\n  subscription IntegrationListChanges { integrationChanged { integrationId action } }\n": types.IntegrationListChangesDocument,
    "\n  subscription AnySyncProgress($connectorType: String) { syncProgress(connectorType: $connectorType) { runId status } }\n": types.AnySyncProgressDocument,
    "\n  subscription AnyWebhookEvent($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n": types.AnyWebhookEventDocument,
    "\n  query IntegrationPage($connectorType: String!) {\n    connector(connectorType: $connectorType) {\n      connectorType displayName description tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n      webhookScopes { name description }\n      itemSourceFields { name kind description units }\n      deliverySourceFields { name kind description units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n    integration(connectorType: $connectorType) { ...IntegrationDetail }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required description }\n    }\n  }\n": types.IntegrationPageDocument,
    "\n  fragment IntegrationDetail on Integration {\n    ...IntegrationSummary\n    credentialFields webhookSecretConfigured previousWebhookSecretValidUntil webhookUrl\n    webhookScopes deleteHandling syncIntervalMinutes nextSyncAt connectorSettings\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n  }\n": types.IntegrationDetailFragmentDoc,
    "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationDetail } } }\n      ...FailureFields\n    }\n  }\n": types.ConfigureIntegrationDocument,
    "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      ... on MutationDeleteIntegrationSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.DeleteIntegrationDocument,
    "\n  mutation TestConnectionNow($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ...FailureFields\n    }\n  }\n": types.TestConnectionNowDocument,
    "\n  mutation UpdateMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n": types.UpdateMappingsDocument,
    "\n  mutation ResetMappingsNow($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n": types.ResetMappingsNowDocument,
    "\n  fragment SyncRunRow on SyncRun {\n    runId status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount error startedAt finishedAt\n    errors { externalId field message }\n  }\n": types.SyncRunRowFragmentDoc,
    "\n  query IntegrationSyncRuns($connectorType: String!, $after: String) {\n    syncRuns(connectorType: $connectorType, first: 20, after: $after) {\n      edges { node { ...SyncRunRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.IntegrationSyncRunsDocument,
    "\n  mutation StartSyncNow($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      ... on MutationStartSyncSuccess { data { ...SyncRunRow } }\n      ...FailureFields\n    }\n  }\n": types.StartSyncNowDocument,
    "\n  subscription IntegrationSyncProgress($connectorType: String) {\n    syncProgress(connectorType: $connectorType) { ...SyncRunRow }\n  }\n": types.IntegrationSyncProgressDocument,
    "\n  query OrganizationList {\n    organizations { orgId name status createdAt disabledAt }\n  }\n": types.OrganizationListDocument,
    "\n  query SignInCheck {\n    connectors { connectorType }\n  }\n": types.SignInCheckDocument,
    "\n  query WebhookLog($connectorType: String, $status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime, $after: String) {\n    webhookEvents(connectorType: $connectorType, status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50, after: $after) {\n      edges { node { deliveryId connectorType status receivedAt processedAt transferCount error signatureScheme } }\n      pageInfo { hasNextPage endCursor }\n    }\n    integrations { connectorType connector { displayName } }\n  }\n": types.WebhookLogDocument,
    "\n  subscription WebhookEventLive($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n": types.WebhookEventLiveDocument,
    "\n  mutation ReplayWebhookEventsNow($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ...FailureFields\n    }\n  }\n": types.ReplayWebhookEventsNowDocument,
    "\n  query WebhookEventDetail($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId connectorType status receivedAt processedAt body headers signatureScheme dedupKey transferCount error\n      transfers { transferId scope receivedScope externalId status outcome attempts error createdAt updatedAt completedAt }\n    }\n  }\n": types.WebhookEventDetailDocument,
    "\n  subscription TransferLive($deliveryId: String) { transferRequestUpdated(deliveryId: $deliveryId) { transferId status } }\n": types.TransferLiveDocument,
    "\n  mutation RetryTransfersNow($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      ... on MutationRetryTransferRequestsSuccess { data }\n      ...FailureFields\n    }\n  }\n": types.RetryTransfersNowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FailureFields on Error {\n    code\n    message\n    ... on ValidationError { fields { path message } }\n  }\n"): typeof import('./graphql').FailureFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageLog($eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime, $after: String) {\n    messageLog(eventType: $eventType, status: $status, since: $since, until: $until, first: 25, after: $after) {\n      edges {\n        node {\n          messageId eventType createdAt payload\n          deliveries { endpointId status attempts nextAttemptAt lastStatusCode lastError completedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    webhookEndpoints { endpointId url }\n    eventTypes { type }\n  }\n"): typeof import('./graphql').MessageLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EndpointFields on WebhookEndpoint {\n    endpointId url description eventTypes enabled disabledReason rateLimitPerSecond failingSince previousSecretValidUntil createdAt updatedAt\n  }\n"): typeof import('./graphql').EndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointList {\n    webhookEndpoints { ...EndpointFields }\n    eventTypes { type description }\n  }\n"): typeof import('./graphql').EndpointListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EndpointChanges { webhookEndpointChanged { endpointId action } }\n"): typeof import('./graphql').EndpointChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      ... on MutationCreateWebhookEndpointSuccess { data { endpoint { endpointId } } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').CreateEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointPage($endpointId: String!) {\n    webhookEndpoint(endpointId: $endpointId) { ...EndpointFields }\n    eventTypes { type origin description archived exampleData }\n  }\n"): typeof import('./graphql').EndpointPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEndpoint($endpointId: String!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      ... on MutationUpdateWebhookEndpointSuccess { data { ...EndpointFields } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').UpdateEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEndpoint($endpointId: String!) {\n    deleteWebhookEndpoint(endpointId: $endpointId) {\n      ... on MutationDeleteWebhookEndpointSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').DeleteEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevealEndpointSecret($endpointId: String!) {\n    webhookEndpointSecret(endpointId: $endpointId) {\n      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').RevealEndpointSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateEndpointSecret($endpointId: String!) {\n    rotateWebhookEndpointSecret(endpointId: $endpointId) {\n      ... on MutationRotateWebhookEndpointSecretSuccess { data { previousSecretValidUntil } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').RotateEndpointSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestEventNow($endpointId: String!, $eventType: String, $data: JSONObject) {\n    sendTestEvent(endpointId: $endpointId, eventType: $eventType, data: $data) {\n      ... on MutationSendTestEventSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').SendTestEventNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptFields on DeliveryAttempt { attemptId eventId attemptedAt statusCode latencyMs responseBody error }\n"): typeof import('./graphql').AttemptFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointAttempts($endpointId: String!) {\n    deliveryAttempts(endpointId: $endpointId, first: 50) { edges { node { ...AttemptFields } } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').EndpointAttemptsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AttemptLive($endpointId: String) { deliveryAttempts(endpointId: $endpointId) { ...AttemptFields } }\n"): typeof import('./graphql').AttemptLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointMessages($endpointId: String!, $status: String, $after: String) {\n    webhookMessages(endpointId: $endpointId, status: $status, first: 50, after: $after) {\n      edges { node { eventId eventType status attempts nextAttemptAt lastStatusCode lastError createdAt payload attemptLog { ...AttemptFields } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').EndpointMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendMessage($endpointId: String!, $eventId: String!) {\n    resendWebhookMessage(endpointId: $endpointId, eventId: $eventId) {\n      ... on MutationResendWebhookMessageSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').ResendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecoverMessages($endpointId: String!, $since: DateTime!) {\n    recoverWebhookMessages(endpointId: $endpointId, since: $since) {\n      ... on MutationRecoverWebhookMessagesSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').RecoverMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventTypeCatalog {\n    eventTypes { type origin description archived schema exampleData }\n  }\n"): typeof import('./graphql').EventTypeCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationSummary on Integration {\n    id connectorType enabled tenantUrl\n    connector { displayName }\n    health { status reason since }\n    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }\n  }\n"): typeof import('./graphql').IntegrationSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationList {\n    integrations { ...IntegrationSummary }\n    connectors { connectorType displayName description }\n  }\n"): typeof import('./graphql').IntegrationListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntegrationListChanges { integrationChanged { integrationId action } }\n"): typeof import('./graphql').IntegrationListChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnySyncProgress($connectorType: String) { syncProgress(connectorType: $connectorType) { runId status } }\n"): typeof import('./graphql').AnySyncProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnyWebhookEvent($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n"): typeof import('./graphql').AnyWebhookEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationPage($connectorType: String!) {\n    connector(connectorType: $connectorType) {\n      connectorType displayName description tenantUrlDescription settingsSchema\n      credentialFieldSpecs { name required url description }\n      webhookScopes { name description }\n      itemSourceFields { name kind description units }\n      deliverySourceFields { name kind description units }\n      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }\n    }\n    integration(connectorType: $connectorType) { ...IntegrationDetail }\n    mappingTargets {\n      itemMappings { name kind required description }\n      deliveryMappings { name kind required description }\n    }\n  }\n"): typeof import('./graphql').IntegrationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationDetail on Integration {\n    ...IntegrationSummary\n    credentialFields webhookSecretConfigured previousWebhookSecretValidUntil webhookUrl\n    webhookScopes deleteHandling syncIntervalMinutes nextSyncAt connectorSettings\n    fieldMappings { itemMappings { target source } deliveryMappings { target source } }\n  }\n"): typeof import('./graphql').IntegrationDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {\n    configureIntegration(input: $input) {\n      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationDetail } } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').ConfigureIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIntegration($connectorType: String!) {\n    deleteIntegration(connectorType: $connectorType) {\n      ... on MutationDeleteIntegrationSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').DeleteIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnectionNow($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').TestConnectionNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMappings($connectorType: String!, $input: FieldMappingsInput!) {\n    updateFieldMappings(connectorType: $connectorType, input: $input) {\n      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').UpdateMappingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetMappingsNow($connectorType: String!) {\n    resetMappings(connectorType: $connectorType) {\n      ... on MutationResetMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').ResetMappingsNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunRow on SyncRun {\n    runId status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount error startedAt finishedAt\n    errors { externalId field message }\n  }\n"): typeof import('./graphql').SyncRunRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationSyncRuns($connectorType: String!, $after: String) {\n    syncRuns(connectorType: $connectorType, first: 20, after: $after) {\n      edges { node { ...SyncRunRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').IntegrationSyncRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSyncNow($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      ... on MutationStartSyncSuccess { data { ...SyncRunRow } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').StartSyncNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntegrationSyncProgress($connectorType: String) {\n    syncProgress(connectorType: $connectorType) { ...SyncRunRow }\n  }\n"): typeof import('./graphql').IntegrationSyncProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationList {\n    organizations { orgId name status createdAt disabledAt }\n  }\n"): typeof import('./graphql').OrganizationListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInCheck {\n    connectors { connectorType }\n  }\n"): typeof import('./graphql').SignInCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookLog($connectorType: String, $status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime, $after: String) {\n    webhookEvents(connectorType: $connectorType, status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50, after: $after) {\n      edges { node { deliveryId connectorType status receivedAt processedAt transferCount error signatureScheme } }\n      pageInfo { hasNextPage endCursor }\n    }\n    integrations { connectorType connector { displayName } }\n  }\n"): typeof import('./graphql').WebhookLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebhookEventLive($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }\n"): typeof import('./graphql').WebhookEventLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookEventsNow($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      ... on MutationReplayWebhookEventsSuccess { data { queued } }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').ReplayWebhookEventsNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEventDetail($deliveryId: String!) {\n    webhookEvent(deliveryId: $deliveryId) {\n      deliveryId connectorType status receivedAt processedAt body headers signatureScheme dedupKey transferCount error\n      transfers { transferId scope receivedScope externalId status outcome attempts error createdAt updatedAt completedAt }\n    }\n  }\n"): typeof import('./graphql').WebhookEventDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TransferLive($deliveryId: String) { transferRequestUpdated(deliveryId: $deliveryId) { transferId status } }\n"): typeof import('./graphql').TransferLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryTransfersNow($ids: [String!]!) {\n    retryTransferRequests(transferIds: $ids) {\n      ... on MutationRetryTransferRequestsSuccess { data }\n      ...FailureFields\n    }\n  }\n"): typeof import('./graphql').RetryTransfersNowDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
