/**
 * Connector clients for integrations: their definition, decrypted credentials, the HTTP client.
 *
 * One client per integration serves every job and request of this process, so its OAuth token
 * is fetched once and kept until it expires or the host refuses it (twenty webhook transfers
 * make one token request, not twenty). A client is only reused for the configuration it was
 * built from: the row each caller read names its configuration, so a change made here or by
 * another instance is picked up at the next call, and a deleted integration's client is dropped.
 *
 * Whatever a host system says reaches users only through these clients, which redact the
 * integration's secrets (and the tokens obtained with them) from every message.
 */
import { findConnector } from '../connectors/registry';
import { ConnectorError, type ConnectorClient } from '../connectors/types';
import type { OutboundHttp } from '../lib/http/outbound';
import type { Logger } from '../lib/logger';
import { SecretRedactor } from '../lib/redaction';
import { connectorSettings, type Integration, type IntegrationService } from './integrations/integration-service';

export class Connections {
  private readonly clients = new Map<string, { configuration: string; client: ConnectorClient }>();

  constructor(
    private readonly integrations: IntegrationService,
    private readonly http: OutboundHttp,
    private readonly logger: Logger,
  ) {
    integrations.onChange((integration, action) => {
      if (action === 'DELETED') this.clients.delete(integration.id);
    });
  }

  /** The integration's shared client (its token cache included), built again when its configuration changed. */
  clientFor(integration: Integration): ConnectorClient {
    const configuration = configurationOf(integration);
    const cached = this.clients.get(integration.id);
    if (cached?.configuration === configuration) return cached.client;
    const client = this.connect(integration);
    this.clients.set(integration.id, { configuration, client });
    return client;
  }

  /** A client of its own, for a connection test: it checks the credentials, not a token cached earlier. */
  newClientFor(integration: Integration): ConnectorClient {
    return this.connect(integration);
  }

  private connect(integration: Integration): ConnectorClient {
    const definition = findConnector(integration.connectorType);
    if (!definition) throw new Error(`connector ${integration.connectorType} is no longer available`);
    const credentials = this.integrations.credentials(integration);
    const redactor = new SecretRedactor(definition.secretCredentialFields.flatMap((field) => credentials[field] ?? []));
    const client = definition.connect({
      tenantUrl: integration.tenantUrl,
      credentials,
      settings: connectorSettings(integration.settings),
      http: this.http,
      logger: this.logger.child({ integrationId: integration.id, connectorType: integration.connectorType }),
      redactor,
    });
    return redacting(client, redactor);
  }
}

/** What a client is built from; the sealed credentials change with every update of them (and with a reseal). */
function configurationOf(integration: Integration): string {
  return JSON.stringify([integration.tenantUrl, integration.credentialsSealed, connectorSettings(integration.settings)]);
}

/** The client with the secrets removed from every message it gives: test results and errors. */
function redacting(client: ConnectorClient, redactor: SecretRedactor): ConnectorClient {
  const clean = (error: unknown): unknown => (error instanceof ConnectorError ? error.withMessage(redactor.redact(error.message)) : error);
  return {
    testConnection: async (signal) => {
      const result = await client.testConnection(signal);
      return { ...result, message: redactor.redact(result.message) };
    },
    listItems: async function* (options) {
      try {
        yield* client.listItems(options);
      } catch (error) {
        throw clean(error);
      }
    },
    fetchItem: (externalId, signal) => client.fetchItem(externalId, signal).catch((error: unknown) => Promise.reject(clean(error))),
    fetchDelivery: (externalId, signal) => client.fetchDelivery(externalId, signal).catch((error: unknown) => Promise.reject(clean(error))),
  };
}
