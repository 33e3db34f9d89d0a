/** GraphQL operations of the deletion tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const HeldRunFields = graphql(`
  fragment HeldRunFields on SyncRun {
    runId status mode itemsSynced deletionDecision
    counts { added updated unchanged removed failed }
    heldDeletions { count sampleIds }
  }
`);

export const ConfirmSyncDeletionsMutation = graphql(`
  mutation ConfirmSyncDeletions($runId: String!) {
    confirmSyncDeletions(runId: $runId) {
      __typename
      ... on MutationConfirmSyncDeletionsSuccess { data { ...HeldRunFields } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

export const DiscardSyncDeletionsMutation = graphql(`
  mutation DiscardSyncDeletions($runId: String!) {
    discardSyncDeletions(runId: $runId) {
      __typename
      ... on MutationDiscardSyncDeletionsSuccess { data { ...HeldRunFields } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

export const HeldRunProgressSubscription = graphql(`
  subscription HeldRunProgress($connectorType: String) {
    syncProgress(connectorType: $connectorType) { ...HeldRunFields }
  }
`);

export const DeletionStatusQuery = graphql(`
  query DeletionStatus($connectorType: String!) {
    integration(connectorType: $connectorType) {
      deleteHandling maxDeletePercent
      syncStatus {
        lastSyncStatus lastSyncItemCount lastSyncRunId
        lastSyncCounts { added updated unchanged removed failed }
        heldDeletions { count sampleIds }
      }
    }
  }
`);
