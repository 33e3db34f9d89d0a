/** A running in-house JSON API simulator and generic-http integrations of test orgs pointed at it. */
import { rest, type JsonResponse } from '../support/http';
import type { TestHub } from '../support/hub';
import type { JsonApiSimulator } from '../../tools/json-api-simulator';

export const base = '/api/v1/integrations/generic-http';
export const webhookSecret = 'whsec_generic_secret_1';

/** The integration body for the simulator's current auth and paging, with `settings` merged over it. */
export function genericBody(sim: JsonApiSimulator, overrides: { credentials?: Record<string, string>; settings?: Record<string, unknown>; [key: string]: unknown } = {}) {
  const { credentials, settings, ...rest } = overrides;
  return {
    tenantUrl: sim.url,
    enabled: true,
    credentials: { ...sim.integrationCredentials(), ...credentials },
    settings: { webhookSecret, ...sim.connectorSettings(), ...settings },
    ...rest,
  };
}

export function putGeneric(hub: TestHub, apiKey: string, body: unknown): Promise<JsonResponse> {
  return rest(hub.url, 'PUT', base, { apiKey, body });
}

/** A new org with a generic-http integration for the simulator as it is configured now. */
export async function orgWithGeneric(hub: TestHub, sim: JsonApiSimulator, overrides: Parameters<typeof genericBody>[1] = {}) {
  const org = await hub.createOrg();
  const res = await putGeneric(hub, org.apiKey, genericBody(sim, overrides));
  if (res.status !== 201) throw new Error(`configure failed: ${res.status} ${res.text}`);
  return org;
}
