/** The GraphQL operations of the integration screens. */
import { graphql } from '../../gql';

export const IntegrationSummary = graphql(`
  fragment IntegrationSummary on Integration {
    id connectorType enabled tenantUrl
    connector { displayName }
    health { status reason since }
    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }
  }
`);

export const IntegrationListQuery = graphql(`
  query IntegrationList {
    integrations { ...IntegrationSummary }
    connectors { connectorType displayName description }
  }
`);

export const IntegrationListChanges = graphql(`
  subscription IntegrationListChanges { integrationChanged { integrationId action } }
`);

export const AnySyncProgress = graphql(`
  subscription AnySyncProgress($connectorType: String) { syncProgress(connectorType: $connectorType) { runId status } }
`);

export const AnyWebhookEvent = graphql(`
  subscription AnyWebhookEvent($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }
`);

export const IntegrationPageQuery = graphql(`
  query IntegrationPage($connectorType: String!) {
    connector(connectorType: $connectorType) {
      connectorType displayName description tenantUrlDescription settingsSchema
      credentialFieldSpecs { name required url description }
      webhookScopes { name description }
      itemSourceFields { name kind description units }
      deliverySourceFields { name kind description units }
      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }
    }
    integration(connectorType: $connectorType) { ...IntegrationDetail }
    mappingTargets {
      itemMappings { name kind required description }
      deliveryMappings { name kind required description }
    }
  }
`);

export const IntegrationDetail = graphql(`
  fragment IntegrationDetail on Integration {
    ...IntegrationSummary
    credentialFields webhookSecretConfigured previousWebhookSecretValidUntil webhookUrl
    webhookScopes deleteHandling syncIntervalMinutes nextSyncAt connectorSettings
    fieldMappings { itemMappings { target source } deliveryMappings { target source } }
  }
`);

export const ConfigureIntegration = graphql(`
  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {
    configureIntegration(input: $input) {
      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationDetail } } }
      ...FailureFields
    }
  }
`);

export const DeleteIntegration = graphql(`
  mutation DeleteIntegration($connectorType: String!) {
    deleteIntegration(connectorType: $connectorType) {
      ... on MutationDeleteIntegrationSuccess { data }
      ...FailureFields
    }
  }
`);

export const TestConnection = graphql(`
  mutation TestConnectionNow($connectorType: String!) {
    testConnection(connectorType: $connectorType) {
      ... on MutationTestConnectionSuccess { data { success message } }
      ...FailureFields
    }
  }
`);

export const UpdateMappings = graphql(`
  mutation UpdateMappings($connectorType: String!, $input: FieldMappingsInput!) {
    updateFieldMappings(connectorType: $connectorType, input: $input) {
      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }
      ...FailureFields
    }
  }
`);

export const ResetMappings = graphql(`
  mutation ResetMappingsNow($connectorType: String!) {
    resetMappings(connectorType: $connectorType) {
      ... on MutationResetMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }
      ...FailureFields
    }
  }
`);

export const SyncRunRow = graphql(`
  fragment SyncRunRow on SyncRun {
    runId status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount error startedAt finishedAt
    errors { externalId field message }
  }
`);

export const SyncRunsQuery = graphql(`
  query IntegrationSyncRuns($connectorType: String!, $after: String) {
    syncRuns(connectorType: $connectorType, first: 20, after: $after) {
      edges { node { ...SyncRunRow } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const StartSync = graphql(`
  mutation StartSyncNow($connectorType: String!, $mode: SyncMode) {
    startSync(connectorType: $connectorType, mode: $mode) {
      ... on MutationStartSyncSuccess { data { ...SyncRunRow } }
      ...FailureFields
    }
  }
`);

export const SyncProgress = graphql(`
  subscription IntegrationSyncProgress($connectorType: String) {
    syncProgress(connectorType: $connectorType) { ...SyncRunRow }
  }
`);
