/** GraphQL operations of the failure-class and health tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const IntegrationHealthQuery = graphql(`
  query IntegrationHealth($connectorType: String!) {
    integration(connectorType: $connectorType) {
      health { status reason since }
      syncStatus { lastError health { status reason since } }
    }
  }
`);

export const EventFailureQuery = graphql(`
  query EventFailure($deliveryId: String!) {
    webhookEvent(deliveryId: $deliveryId) {
      status error errorClass retryable
      transfers { status attempts error errorClass retryable }
    }
  }
`);

export const SyncRunFailureQuery = graphql(`
  query SyncRunFailure($runId: String!) {
    syncRun(runId: $runId) { status error errorClass retryable }
  }
`);

export const HealthChangedSubscription = graphql(`
  subscription HealthChanged {
    integrationChanged(connectorType: "sap-s4hana") {
      action
      integration { health { status reason } }
    }
  }
`);
