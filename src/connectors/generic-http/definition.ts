/**
 * Generic HTTP/JSON: for in-house systems with a JSON API of their own. Nothing about the API is
 * assumed beyond JSON over HTTP: where records are, how they page, how to authenticate and how
 * to read hooks all come from the integration's settings (settings.ts), and mappings name
 * fields as dotted JSON paths, since no catalog of source fields can exist for it.
 */
import type { ConnectorDefinition } from '../types';
import { createGenericClient } from './client';
import { allCredentialFields, credentialFieldsByAuthType, credentialHelp, missingCredentials, secretCredentialFields } from './credentials';
import { settingsSchema, type GenericSettings } from './settings';
import { genericWebhooks } from './webhooks';

export const genericHttp: ConnectorDefinition = {
  connectorType: 'generic-http',
  displayName: 'Generic HTTP (JSON API)',
  description: 'Sync items and orders from an in-house system with a JSON API',
  // They depend on settings.auth.type; `validate` names the missing ones.
  requiredCredentialFields: [],
  optionalCredentialFields: allCredentialFields,
  urlCredentialFields: ['tokenUrl'],
  secretCredentialFields,
  // The auth type decides which secret goes to the tenant URL: switching it sends a stored
  // secret where it was not sent before.
  secretDestinations: [
    { field: 'tenantUrl', guards: secretCredentialFields },
    { field: 'credentials.tokenUrl', guards: ['clientSecret'] },
    { field: 'settings.auth.type', guards: secretCredentialFields },
  ],
  credentialFieldsInUse: (settings) => credentialFieldsByAuthType[(settings as GenericSettings).auth.type],
  help: { tenantUrl: 'Base URL of the JSON API, e.g. https://erp.example.com/api', credentials: credentialHelp },
  sourceFields: { itemMappings: [], deliveryMappings: [] },
  acceptsAnySourceField: true,
  defaultMappings: {
    itemMappings: { sku: 'sku', name: 'name', length: 'length', width: 'width', height: 'height', weight: 'weight', category: 'category' },
    deliveryMappings: { orderId: 'orderId', sku: 'sku', quantity: 'quantity' },
  },
  webhooks: genericWebhooks,
  settingsSchema,
  validate: ({ credentials, settings }) => missingCredentials((settings as GenericSettings).auth.type, credentials),
  connect: createGenericClient,
};
