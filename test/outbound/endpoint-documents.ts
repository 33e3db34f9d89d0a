/** GraphQL operations of the outbound webhook tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const CreateEndpointMutation = graphql(`
  mutation CreateEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { endpointId url eventTypes enabled } } }
      ... on ValidationError { message fields { path message } }
    }
  }
`);

export const EndpointSecretQuery = graphql(`
  query EndpointSecret($endpointId: String!) {
    webhookEndpointSecret(endpointId: $endpointId) {
      __typename
      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret } }
      ... on NotFoundError { message }
    }
  }
`);

export const SendTestEventMutation = graphql(`
  mutation SendTestEvent($endpointId: String!, $eventType: String) {
    sendTestEvent(endpointId: $endpointId, eventType: $eventType) {
      __typename
      ... on MutationSendTestEventSuccess { data }
      ... on ValidationError { message }
      ... on NotFoundError { message }
    }
  }
`);

export const DeliveryAttemptsSubscription = graphql(`
  subscription DeliveryAttempts($endpointId: String) {
    deliveryAttempts(endpointId: $endpointId) { attemptId endpointId eventId statusCode error }
  }
`);

export const MessagesQuery = graphql(`
  query Messages($endpointId: String!) {
    webhookMessages(endpointId: $endpointId, first: 10) {
      edges { node { eventId eventType status attempts payload attemptLog { statusCode latencyMs } } }
    }
    eventTypes { type exampleData }
  }
`);

export const MessageLogQuery = graphql(`
  query MessageLog($first: Int, $after: String, $eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime) {
    messageLog(first: $first, after: $after, eventType: $eventType, status: $status, since: $since, until: $until) {
      edges { cursor node { id messageId eventType createdAt payload deliveries { endpointId status attempts lastStatusCode } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const OutboundMessageNodeQuery = graphql(`
  query OutboundMessageNode($id: ID!) {
    node(id: $id) { __typename ... on OutboundMessage { messageId } }
  }
`);
