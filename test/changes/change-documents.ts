/** GraphQL operations of the change feed tests; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql';

export const ItemChangesQuery = graphql(`
  query ItemChanges($after: String, $first: Int) {
    itemChanges(after: $after, first: $first) {
      cursor hasMore
      changes { cursor operation itemId sku source changedAt item { id sku category active } }
    }
  }
`);

export const DeliveryChangesQuery = graphql(`
  query DeliveryChanges($after: String, $first: Int) {
    deliveryChanges(after: $after, first: $first) {
      cursor hasMore
      changes { cursor operation deliveryId orderId source delivery { id orderId lines { lineNumber sku } } }
    }
  }
`);

export const ItemsChangedSubscription = graphql(`
  subscription ItemsChanged($connectorType: String, $after: String) {
    itemsChanged(connectorType: $connectorType, after: $after) {
      cursor
      changes { cursor operation sku item { category } }
    }
  }
`);
