// The ways the simulated API authenticates a request, one at a time (the simulator's `auth`):
// an API key header, a static bearer token, HTTP Basic, or OAuth2 client credentials with a
// token endpoint whose tokens expire.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type AuthMode = 'none' | 'header' | 'bearer' | 'basic' | 'oauth2';

export interface SimulatorCredentials {
  apiKey: string;
  token: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `Basic base64(user:password)` → [user, password]; the OAuth form-encoded variant is decoded too. */
export function basicPair(header: string | undefined, formEncoded = false): [string, string] | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const part = (value: string) => (formEncoded ? decodeURIComponent(value.replace(/\+/g, ' ')) : value);
  return [part(decoded.slice(0, colon)), part(decoded.slice(colon + 1))];
}

export class TokenIssuer {
  private readonly expiries = new Map<string, number>();

  issue(ttlSeconds: number): string {
    const token = `sim_${randomBytes(18).toString('base64url')}`;
    this.expiries.set(token, Date.now() + ttlSeconds * 1000);
    return token;
  }

  valid(token: string): boolean {
    const expiry = this.expiries.get(token);
    return expiry !== undefined && Date.now() < expiry;
  }

  expireAll(): void {
    this.expiries.clear();
  }
}

/** Undefined when the request is authenticated; otherwise why not (the 401 body's message). */
export function refusal(req: IncomingMessage, mode: AuthMode, credentials: SimulatorCredentials, apiKeyHeader: string, tokens: TokenIssuer): string | undefined {
  const authorization = req.headers.authorization;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  switch (mode) {
    case 'none':
      return undefined;
    case 'header': {
      const key = req.headers[apiKeyHeader.toLowerCase()];
      if (typeof key !== 'string') return `missing API key: send it in the ${apiKeyHeader} header`;
      return same(key, credentials.apiKey) ? undefined : 'invalid API key';
    }
    case 'bearer':
      if (bearer === undefined) return 'missing bearer token';
      return same(bearer, credentials.token) ? undefined : 'invalid bearer token';
    case 'basic': {
      const pair = basicPair(authorization);
      if (!pair) return 'missing HTTP Basic credentials';
      return same(pair[0], credentials.username) && same(pair[1], credentials.password) ? undefined : 'invalid user name or password';
    }
    case 'oauth2':
      if (bearer === undefined) return 'missing access token';
      return tokens.valid(bearer) ? undefined : 'invalid or expired access token';
  }
}
