/** GraphQL operations of the webhook tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const WebhookEventsSubscription = graphql(`
  subscription WebhookEvents($connectorType: String) {
    webhookEvents(connectorType: $connectorType) { deliveryId connectorType status transferCount }
  }
`);

export const TransferRequestUpdatedSubscription = graphql(`
  subscription TransferRequestUpdated($deliveryId: String) {
    transferRequestUpdated(deliveryId: $deliveryId) { transferId scope externalId status attempts }
  }
`);

export const WebhookEventQuery = graphql(`
  query WebhookEvent($deliveryId: String!) {
    webhookEvent(deliveryId: $deliveryId) {
      deliveryId status body signatureScheme transferCount error
      transfers { scope externalId status outcome attempts error }
    }
  }
`);

export const WebhookEventsQuery = graphql(`
  query WebhookEventList($status: WebhookEventStatus) {
    webhookEvents(status: $status, first: 50) { edges { node { deliveryId status } } }
  }
`);

export const TransferRequestsQuery = graphql(`
  query TransferRequests($externalId: String) {
    transferRequests(externalId: $externalId, first: 20) { edges { node { transferId scope status event { deliveryId } } } }
  }
`);

export const DeliveriesQuery = graphql(`
  query Deliveries($orderId: String) {
    deliveries(orderId: $orderId, first: 5) { edges { node { orderId shipTo active lines { lineNumber sku quantity quantityUnit } } } }
  }
`);

export const WebhookSettingsQuery = graphql(`
  query WebhookSettings {
    connector(connectorType: "sap-s4hana") { webhookScopes { name entity action } }
    integration(connectorType: "sap-s4hana") {
      webhookScopes deleteHandling webhookSecretConfigured previousWebhookSecretValidUntil requireTimestampedSignatures
      syncStatus { lastWebhookAt lastWebhookStatus lastError }
    }
  }
`);

export const ConfigureScopesMutation = graphql(`
  mutation ConfigureScopes($scopes: [String!], $deleteHandling: String) {
    configureIntegration(input: { connectorType: "sap-s4hana", webhookScopes: $scopes, deleteHandling: $deleteHandling }) {
      __typename
      ... on MutationConfigureIntegrationSuccess { data { integration { webhookScopes deleteHandling } } }
      ... on ValidationError { message fields { path message } }
    }
  }
`);

export const RequireTimestampedSignaturesMutation = graphql(`
  mutation RequireTimestampedSignatures($required: Boolean) {
    configureIntegration(input: { connectorType: "sap-s4hana", requireTimestampedSignatures: $required }) {
      __typename
      ... on MutationConfigureIntegrationSuccess { data { integration { requireTimestampedSignatures webhookSecretConfigured } } }
    }
  }
`);

export const ReplayMutation = graphql(`
  mutation Replay($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      __typename
      ... on MutationReplayWebhookEventsSuccess { data { queued } }
      ... on ValidationError { message }
    }
  }
`);

export const RetryTransfersMutation = graphql(`
  mutation RetryTransfers($ids: [String!]!) {
    retryTransferRequests(transferIds: $ids) {
      __typename
      ... on MutationRetryTransferRequestsSuccess { data }
    }
  }
`);
