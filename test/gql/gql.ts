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
    "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.StartSyncDocument,
    "\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.TestConnectionDocument,
    "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsSynced errorCount }\n  }\n": typeof types.SyncProgressDocument,
    "\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SyncRunsDocument,
    "\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ItemsDocument,
    "\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n": typeof types.SyncStatusDocument,
};
const documents: Documents = {
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
    "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  mutation StartSync($connectorType: String!, $mode: SyncMode) {\n    startSync(connectorType: $connectorType, mode: $mode) {\n      __typename\n      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }\n      ... on ConflictError { message }\n      ... on NotFoundError { message }\n    }\n  }\n": types.StartSyncDocument,
    "\n  mutation TestConnection($connectorType: String!) {\n    testConnection(connectorType: $connectorType) {\n      __typename\n      ... on MutationTestConnectionSuccess { data { success message } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.TestConnectionDocument,
    "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsSynced errorCount }\n  }\n": types.SyncProgressDocument,
    "\n  query SyncRuns($first: Int, $after: String) {\n    syncRuns(first: $first, after: $after) {\n      edges { node { ...SyncRunFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SyncRunsDocument,
    "\n  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {\n    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {\n      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ItemsDocument,
    "\n  query SyncStatus($connectorType: String!) {\n    integration(connectorType: $connectorType) {\n      syncIntervalMinutes nextSyncAt\n      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }\n    }\n  }\n": types.SyncStatusDocument,
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
export function graphql(source: "\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n"): (typeof documents)["\n  fragment SyncRunFields on SyncRun {\n    id runId connectorType status mode trigger pages itemsSeen itemsSynced errorCount\n    errors { externalId field message }\n    error startedAt finishedAt changedSince\n  }\n"];
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
export function graphql(source: "\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsSynced errorCount }\n  }\n"): (typeof documents)["\n  subscription SyncProgress($runId: String) {\n    syncProgress(runId: $runId) { runId status pages itemsSynced errorCount }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;