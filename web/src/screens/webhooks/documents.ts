/** The GraphQL operations of the inbound webhook screens. */
import { graphql } from '../../gql';

export const WebhookLogQuery = graphql(`
  query WebhookLog($connectorType: String, $status: WebhookEventStatus, $receivedSince: DateTime, $receivedBefore: DateTime, $after: String) {
    webhookEvents(connectorType: $connectorType, status: $status, receivedSince: $receivedSince, receivedBefore: $receivedBefore, first: 50, after: $after) {
      edges { node { deliveryId connectorType status receivedAt processedAt transferCount error signatureScheme } }
      pageInfo { hasNextPage endCursor }
    }
    integrations { connectorType connector { displayName } }
  }
`);

export const WebhookEventLive = graphql(`
  subscription WebhookEventLive($connectorType: String) { webhookEvents(connectorType: $connectorType) { deliveryId status } }
`);

export const ReplayWebhookEvents = graphql(`
  mutation ReplayWebhookEventsNow($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      ... on MutationReplayWebhookEventsSuccess { data { queued } }
      ...FailureFields
    }
  }
`);

export const WebhookEventQuery = graphql(`
  query WebhookEventDetail($deliveryId: String!) {
    webhookEvent(deliveryId: $deliveryId) {
      deliveryId connectorType status receivedAt processedAt body headers signatureScheme dedupKey transferCount error
      transfers { transferId scope receivedScope externalId status outcome attempts error createdAt updatedAt completedAt }
    }
  }
`);

export const TransferLive = graphql(`
  subscription TransferLive($deliveryId: String) { transferRequestUpdated(deliveryId: $deliveryId) { transferId status } }
`);

export const RetryTransfers = graphql(`
  mutation RetryTransfersNow($ids: [String!]!) {
    retryTransferRequests(transferIds: $ids) {
      ... on MutationRetryTransferRequestsSuccess { data }
      ...FailureFields
    }
  }
`);
