/** The SAP S/4HANA connector client for one integration: the parts wired together. */
import type { ConnectorClient, ConnectorContext } from '../types';
import { SapApi } from './api';
import { testConnection } from './connection-test';
import { fetchDelivery } from './deliveries';
import { TokenProvider } from './oauth';
import { fetchProduct, listProducts } from './products';

export function createSapClient(context: ConnectorContext): ConnectorClient {
  const { clientId = '', clientSecret = '', tokenUrl = '' } = context.credentials;
  const tokens = new TokenProvider(context, { clientId, clientSecret, tokenUrl });
  const api = new SapApi(context, tokens);
  return {
    testConnection: (signal) => testConnection(api, signal),
    listItems: (options) => listProducts(api, options),
    fetchItem: (externalId, signal) => fetchProduct(api, externalId, signal),
    fetchDelivery: (externalId, signal) => fetchDelivery(api, externalId, signal),
  };
}
