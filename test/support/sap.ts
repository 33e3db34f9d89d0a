/** A running SAP simulator and an integration of a test org pointed at it. */
import { createSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../tools/sap-simulator';
import { rest } from './http';
import type { TestHub } from './hub';

export async function startSap(options: SapSimulatorOptions = {}): Promise<SapSimulator> {
  return createSapSimulator({ products: 2500, ...options });
}

export function sapIntegrationBody(sap: SapSimulator, overrides: Record<string, unknown> = {}) {
  return {
    tenantUrl: sap.url,
    enabled: true,
    credentials: { clientId: sap.clientId, clientSecret: sap.clientSecret, tokenUrl: sap.tokenUrl },
    settings: { webhookSecret: 'whsec_test_secret_123' },
    ...overrides,
  };
}

export async function configureSap(hub: TestHub, apiKey: string, sap: SapSimulator, overrides: Record<string, unknown> = {}) {
  const res = await rest(hub.url, 'PUT', '/api/v1/integrations/sap-s4hana', { apiKey, body: sapIntegrationBody(sap, overrides) });
  if (res.status >= 300) throw new Error(`configure failed: ${res.status} ${res.text}`);
  return res.body;
}
