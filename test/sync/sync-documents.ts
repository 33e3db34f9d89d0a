/** GraphQL operations of the sync tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const SyncRunFields = graphql(`
  fragment SyncRunFields on SyncRun {
    id runId connectorType status mode trigger pages itemsTotal itemsSeen itemsSynced errorCount
    errors { externalId field message }
    error startedAt finishedAt changedSince
  }
`);

export const StartSyncMutation = graphql(`
  mutation StartSync($connectorType: String!, $mode: SyncMode) {
    startSync(connectorType: $connectorType, mode: $mode) {
      __typename
      ... on MutationStartSyncSuccess { data { ...SyncRunFields } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

export const TestConnectionMutation = graphql(`
  mutation TestConnection($connectorType: String!) {
    testConnection(connectorType: $connectorType) {
      __typename
      ... on MutationTestConnectionSuccess { data { success message } }
      ... on NotFoundError { message }
    }
  }
`);

export const SyncProgressSubscription = graphql(`
  subscription SyncProgress($runId: String) {
    syncProgress(runId: $runId) { runId status pages itemsTotal itemsSynced errorCount }
  }
`);

export const SyncRunsQuery = graphql(`
  query SyncRuns($first: Int, $after: String) {
    syncRuns(first: $first, after: $after) {
      edges { node { ...SyncRunFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ItemsQuery = graphql(`
  query Items($first: Int, $after: String, $sku: String, $skuPrefix: String) {
    items(first: $first, after: $after, sku: $sku, skuPrefix: $skuPrefix) {
      edges { cursor node { id sku name category lengthMm widthMm heightMm weightKg active source externalId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const SyncStatusQuery = graphql(`
  query SyncStatus($connectorType: String!) {
    integration(connectorType: $connectorType) {
      syncIntervalMinutes nextSyncAt
      syncStatus { lastSyncAt lastSyncStatus lastSyncItemCount lastError }
    }
  }
`);
