/** The generic-http connector client for one integration: the parts wired together. */
import type { ConnectorClient, ConnectorContext } from '../types';
import { ConnectorError } from '../types';
import { JsonApi } from './api';
import { createAuthenticator } from './auth';
import { testConnection } from './connection-test';
import { fetchDelivery } from './deliveries';
import { fetchItem, listItems } from './items';
import { settingsSchema, type GenericSettings } from './settings';

/**
 * Settings are validated when saved; they are parsed again here so the defaults of a newer
 * connector version apply to older stored settings. If they no longer parse, every call fails
 * with the reason instead of the client failing to be built.
 */
function failing(message: string): ConnectorClient {
  const fail = () => Promise.reject(new ConnectorError(message, 'protocol'));
  return {
    testConnection: async () => ({ success: false, message, failureClass: 'configuration' }),
    // Fails on its first step, as a listing that cannot start does.
    // biome-ignore lint/correctness/useYield: a listing that cannot start fails before its first page.
    listItems: async function* () {
      throw new ConnectorError(message, 'protocol');
    },
    fetchItem: fail,
    fetchDelivery: fail,
  };
}

export function createGenericClient(context: ConnectorContext): ConnectorClient {
  const parsed = settingsSchema.safeParse(context.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failing(`the integration's settings are invalid (settings.${issue.path.join('.')}: ${issue.message}); save them again`);
  }
  const settings: GenericSettings = parsed.data;
  const auth = createAuthenticator(settings.auth, context);
  const api = new JsonApi(context, auth);
  return {
    testConnection: (signal) => testConnection(api, settings, signal),
    listItems: (options) => listItems(api, settings, options),
    fetchItem: (externalId, signal) => fetchItem(api, settings, externalId, signal),
    fetchDelivery: (externalId, signal) => fetchDelivery(api, settings, externalId, signal),
  };
}
