/**
 * The request headers for each auth type, and what to tell the user when the API refuses them.
 * Only OAuth2 can recover from a 401 by itself (the cached token expired or was revoked: fetch a
 * new one once); for a static key, a 401 means the key is wrong and retrying changes nothing.
 */
import { ClientCredentialsTokens } from '../shared/client-credentials';
import type { ConnectorContext } from '../types';
import { apiDialect } from './http-answers';
import type { AuthSettings } from './settings';

export const DEFAULT_API_KEY_HEADER = 'X-Api-Key';

export interface Authenticator {
  /** Headers that authenticate one request. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** Told that the API answered 401 to `headers`; true when asking again with new headers may help. */
  refused(headers: Record<string, string>): boolean;
  /** Which credentials to check, for messages about a 401 or 403. */
  readonly checks: string;
}

function staticHeaders(headers: Record<string, string>, checks: string): Authenticator {
  return { headers: async () => headers, refused: () => false, checks };
}

export function createAuthenticator(auth: AuthSettings, context: ConnectorContext): Authenticator {
  const { credentials } = context;
  const { apiKey = '', token = '', username = '', password = '', clientId = '', clientSecret = '', tokenUrl = '' } = credentials;
  switch (auth.type) {
    case 'none':
      return staticHeaders({}, 'settings.auth: the API wants credentials, but auth type is "none"');
    case 'header': {
      const name = auth.headerName ?? DEFAULT_API_KEY_HEADER;
      return staticHeaders({ [name.toLowerCase()]: apiKey }, `credentials.apiKey (sent as header ${name})`);
    }
    case 'bearer':
      return staticHeaders({ authorization: `Bearer ${token}` }, 'credentials.token (sent as Authorization: Bearer)');
    case 'basic':
      // RFC 7617: user-id and password joined by ":", UTF-8, base64.
      return staticHeaders(
        { authorization: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}` },
        'credentials.username and credentials.password (sent as HTTP Basic)',
      );
    case 'oauth2': {
      const tokens = new ClientCredentialsTokens(context, { clientId, clientSecret, tokenUrl }, apiDialect);
      return {
        headers: async (signal) => ({ authorization: `Bearer ${await tokens.token(signal)}` }),
        refused: (headers) => {
          tokens.invalidate(headers.authorization?.slice('Bearer '.length) ?? '');
          return true;
        },
        checks: 'that the OAuth2 client (credentials.clientId) is allowed to use this API',
      };
    }
  }
}
