/** GraphQL operations used by the tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const ConnectorsQuery = graphql(`
  query Connectors {
    connectors {
      connectorType
      displayName
      description
      requiredCredentialFields
      itemSourceFields { name kind units }
      defaultFieldMappings { itemMappings { target source } deliveryMappings { target source } }
    }
  }
`);

export const IntegrationFields = graphql(`
  fragment IntegrationFields on Integration {
    id
    connectorType
    tenantUrl
    enabled
    credentialFields
    webhookSecretConfigured
    webhookUrl
    fieldMappings { itemMappings { target source } deliveryMappings { target source } }
    syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastWebhookAt lastWebhookStatus lastError }
  }
`);

export const ConfigureIntegrationMutation = graphql(`
  mutation ConfigureIntegration($input: ConfigureIntegrationInput!) {
    configureIntegration(input: $input) {
      __typename
      ... on MutationConfigureIntegrationSuccess { data { created integration { ...IntegrationFields } } }
      ... on ValidationError { message code fields { path message } }
      ... on NotFoundError { message code }
    }
  }
`);

export const IntegrationsQuery = graphql(`
  query Integrations {
    integrations { ...IntegrationFields }
  }
`);

export const IntegrationQuery = graphql(`
  query Integration($connectorType: String!) {
    integration(connectorType: $connectorType) { ...IntegrationFields }
  }
`);

export const DeleteIntegrationMutation = graphql(`
  mutation DeleteIntegration($connectorType: String!) {
    deleteIntegration(connectorType: $connectorType) {
      __typename
      ... on MutationDeleteIntegrationSuccess { data }
      ... on NotFoundError { message }
    }
  }
`);

export const FieldMappingsQuery = graphql(`
  query FieldMappings($connectorType: String!) {
    fieldMappings(connectorType: $connectorType) {
      __typename
      ... on QueryFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }
      ... on NotFoundError { message }
    }
    defaultFieldMappings(connectorType: $connectorType) {
      __typename
      ... on QueryDefaultFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }
      ... on NotFoundError { message }
    }
  }
`);

export const UpdateFieldMappingsMutation = graphql(`
  mutation UpdateFieldMappings($connectorType: String!, $input: FieldMappingsInput!) {
    updateFieldMappings(connectorType: $connectorType, input: $input) {
      __typename
      ... on MutationUpdateFieldMappingsSuccess { data { itemMappings { target source } deliveryMappings { target source } } }
      ... on ValidationError { fields { path message } }
      ... on NotFoundError { message }
    }
  }
`);

export const ResetMappingsMutation = graphql(`
  mutation ResetMappings($connectorType: String!) {
    resetMappings(connectorType: $connectorType) {
      __typename
      ... on MutationResetMappingsSuccess { data { itemMappings { target source } } }
      ... on NotFoundError { message }
    }
  }
`);

export const IntegrationChangedSubscription = graphql(`
  subscription IntegrationChanged($connectorType: String) {
    integrationChanged(connectorType: $connectorType) {
      action
      connectorType
      integrationId
      integration { tenantUrl credentialFields }
    }
  }
`);
