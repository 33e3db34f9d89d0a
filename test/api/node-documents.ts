/** GraphQL operations of the global-id and cursor isolation tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const NodeFields = graphql(`
  fragment NodeFields on Node {
    __typename
    id
    ... on WebhookEvent { deliveryId body headers transfers { transferId externalId } }
    ... on TransferRequest { transferId externalId event { deliveryId body } }
    ... on SyncRun { runId itemsSynced }
    ... on Item { sku name }
    ... on Delivery { orderId lines { sku quantity } }
    ... on WebhookEndpoint { endpointId url }
    ... on WebhookMessage { eventId payload attemptLog { attemptId responseBody } }
  }
`);

export const NodeQuery = graphql(`
  query Node($id: ID!) {
    node(id: $id) { ...NodeFields }
  }
`);

export const NodesQuery = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { ...NodeFields }
  }
`);

/** Every paginated list of an organization, each with its own cursor argument. */
export const PagesQuery = graphql(`
  query Pages(
    $endpointId: String!
    $items: String
    $deliveries: String
    $syncRuns: String
    $webhookEvents: String
    $transferRequests: String
    $webhookMessages: String
    $deliveryAttempts: String
  ) {
    items(first: 10, after: $items) { edges { cursor node { id } } }
    deliveries(first: 10, after: $deliveries) { edges { cursor node { id } } }
    syncRuns(first: 10, after: $syncRuns) { edges { cursor node { id } } }
    webhookEvents(first: 10, after: $webhookEvents) { edges { cursor node { id } } }
    transferRequests(first: 10, after: $transferRequests) { edges { cursor node { id } } }
    webhookMessages(endpointId: $endpointId, first: 10, after: $webhookMessages) { edges { cursor node { id } } }
    deliveryAttempts(endpointId: $endpointId, first: 10, after: $deliveryAttempts) { edges { cursor node { attemptId } } }
    webhookEndpoints { id }
  }
`);
