/** The connector types this hub knows. A new connector is one entry here. */
import { genericHttp } from './generic-http/definition';
import { sapS4hana } from './sap-s4hana/definition';
import type { ConnectorDefinition } from './types';

const connectors: readonly ConnectorDefinition[] = [sapS4hana, genericHttp];
const byType = new Map(connectors.map((connector) => [connector.connectorType, connector]));

export function listConnectors(): readonly ConnectorDefinition[] {
  return connectors;
}

export function findConnector(connectorType: string): ConnectorDefinition | undefined {
  return byType.get(connectorType);
}

export function connectorTypes(): string[] {
  return [...byType.keys()];
}
