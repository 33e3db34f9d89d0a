/**
 * OAuth 2.0 client credentials against the configured token URL (XSUAA, or S/4's own
 * /sap/bc/sec/oauth2/token; reference 4.1), through the shared token cache
 * (../shared/client-credentials.ts) with SAP's wording: messages name SAP and quote SAP's
 * error bodies.
 */
import { ClientCredentialsTokens, type ClientCredentials, type TokenContext, type TokenEndpointDialect } from '../shared/client-credentials';
import { parseJson, responseError } from './odata';

export type { ClientCredentials };

const sapDialect: TokenEndpointDialect = { system: 'SAP', parseJson, responseError };

export class TokenProvider extends ClientCredentialsTokens {
  constructor(context: TokenContext, credentials: ClientCredentials) {
    super(context, credentials, sapDialect);
  }
}
