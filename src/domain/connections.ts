/** Builds a connector client for one integration: its definition, decrypted credentials, the HTTP client. */
import { findConnector } from '../connectors/registry';
import type { ConnectorClient } from '../connectors/types';
import type { OutboundHttp } from '../lib/http/outbound';
import type { Logger } from '../lib/logger';
import { connectorSettings, type Integration, type IntegrationService } from './integrations/integration-service';

export class Connections {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly http: OutboundHttp,
    private readonly logger: Logger,
  ) {}

  clientFor(integration: Integration): ConnectorClient {
    const definition = findConnector(integration.connectorType);
    if (!definition) throw new Error(`connector ${integration.connectorType} is no longer available`);
    return definition.connect({
      tenantUrl: integration.tenantUrl,
      credentials: this.integrations.credentials(integration),
      settings: connectorSettings(integration.settings),
      http: this.http,
      logger: this.logger.child({ integrationId: integration.id, connectorType: integration.connectorType }),
    });
  }
}
