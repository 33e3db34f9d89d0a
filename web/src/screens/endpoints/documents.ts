/** The GraphQL operations of the endpoint, event type and message screens. */
import { graphql } from '../../gql';

export const EndpointFields = graphql(`
  fragment EndpointFields on WebhookEndpoint {
    endpointId url description eventTypes enabled disabledReason rateLimitPerSecond failingSince previousSecretValidUntil createdAt updatedAt
  }
`);

export const EndpointListQuery = graphql(`
  query EndpointList {
    webhookEndpoints { ...EndpointFields }
    eventTypes { type description }
  }
`);

export const EndpointChanges = graphql(`
  subscription EndpointChanges { webhookEndpointChanged { endpointId action } }
`);

/** The secret the hub answers with is deliberately not selected: the page reveals it only on request. */
export const CreateEndpoint = graphql(`
  mutation CreateEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      ... on MutationCreateWebhookEndpointSuccess { data { endpoint { endpointId } } }
      ...FailureFields
    }
  }
`);

export const EndpointPageQuery = graphql(`
  query EndpointPage($endpointId: String!) {
    webhookEndpoint(endpointId: $endpointId) { ...EndpointFields }
    eventTypes { type origin description archived exampleData }
  }
`);

export const UpdateEndpoint = graphql(`
  mutation UpdateEndpoint($endpointId: String!, $input: WebhookEndpointInput!) {
    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {
      ... on MutationUpdateWebhookEndpointSuccess { data { ...EndpointFields } }
      ...FailureFields
    }
  }
`);

export const DeleteEndpoint = graphql(`
  mutation DeleteEndpoint($endpointId: String!) {
    deleteWebhookEndpoint(endpointId: $endpointId) {
      ... on MutationDeleteWebhookEndpointSuccess { data }
      ...FailureFields
    }
  }
`);

export const RevealSecret = graphql(`
  query RevealEndpointSecret($endpointId: String!) {
    webhookEndpointSecret(endpointId: $endpointId) {
      ... on QueryWebhookEndpointSecretSuccess { data { secret previousSecret previousSecretValidUntil } }
      ...FailureFields
    }
  }
`);

/** Rotating does not bring the new secret into the page; "Reveal" does, on request. */
export const RotateSecret = graphql(`
  mutation RotateEndpointSecret($endpointId: String!) {
    rotateWebhookEndpointSecret(endpointId: $endpointId) {
      ... on MutationRotateWebhookEndpointSecretSuccess { data { previousSecretValidUntil } }
      ...FailureFields
    }
  }
`);

export const SendTestEvent = graphql(`
  mutation SendTestEventNow($endpointId: String!, $eventType: String, $data: JSONObject) {
    sendTestEvent(endpointId: $endpointId, eventType: $eventType, data: $data) {
      ... on MutationSendTestEventSuccess { data }
      ...FailureFields
    }
  }
`);

export const AttemptFields = graphql(`
  fragment AttemptFields on DeliveryAttempt { attemptId eventId attemptedAt statusCode latencyMs responseBody error }
`);

export const AttemptsQuery = graphql(`
  query EndpointAttempts($endpointId: String!) {
    deliveryAttempts(endpointId: $endpointId, first: 50) { edges { node { ...AttemptFields } } pageInfo { hasNextPage endCursor } }
  }
`);

export const AttemptLive = graphql(`
  subscription AttemptLive($endpointId: String) { deliveryAttempts(endpointId: $endpointId) { ...AttemptFields } }
`);

export const MessagesQuery = graphql(`
  query EndpointMessages($endpointId: String!, $status: String, $after: String) {
    webhookMessages(endpointId: $endpointId, status: $status, first: 50, after: $after) {
      edges { node { eventId eventType status attempts nextAttemptAt lastStatusCode lastError createdAt payload attemptLog { ...AttemptFields } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ResendMessage = graphql(`
  mutation ResendMessage($endpointId: String!, $eventId: String!) {
    resendWebhookMessage(endpointId: $endpointId, eventId: $eventId) {
      ... on MutationResendWebhookMessageSuccess { data }
      ...FailureFields
    }
  }
`);

export const RecoverMessages = graphql(`
  mutation RecoverMessages($endpointId: String!, $since: DateTime!) {
    recoverWebhookMessages(endpointId: $endpointId, since: $since) {
      ... on MutationRecoverWebhookMessagesSuccess { data }
      ...FailureFields
    }
  }
`);

export const EventTypesQuery = graphql(`
  query EventTypeCatalog {
    eventTypes { type origin description archived schema exampleData }
  }
`);

