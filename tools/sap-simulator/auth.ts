// OAuth 2.0 client credentials (XSUAA-style token endpoint), Basic auth for a communication user,
// and CSRF tokens (reference section 4).

import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  jti: string;
}

export type TokenCheck = 'valid' | 'unknown' | 'expired';

interface IssuedToken {
  expiresAt: number;
  /** Requests served with this token, for the rejectTokensAfterRequests fault. */
  uses: number;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly signingKey = randomBytes(32);

  issue(clientId: string, ttlSeconds: number, now = Date.now()): TokenResponse {
    this.dropExpired(now);
    const jti = randomUUID().replace(/-/g, '');
    const iat = Math.floor(now / 1000);
    // Shaped like an XSUAA JWT so clients that peek into it find the usual claims; only this
    // simulator validates it, by lookup.
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({ jti, client_id: clientId, cid: clientId, grant_type: 'client_credentials', scope: ['uaa.resource'], iat, exp: iat + ttlSeconds }),
    );
    const signature = base64url(createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest());
    const token = `${header}.${payload}.${signature}`;
    this.tokens.set(token, { expiresAt: now + ttlSeconds * 1000, uses: 0 });
    return { access_token: token, token_type: 'bearer', expires_in: ttlSeconds, scope: 'uaa.resource', jti };
  }

  /** Validates a token and counts the use; `maxUses` makes a token expire after that many requests. */
  use(token: string, maxUses: number | undefined, now = Date.now()): TokenCheck {
    const issued = this.tokens.get(token);
    if (!issued) return 'unknown';
    if (now >= issued.expiresAt) return 'expired';
    issued.uses++;
    if (maxUses !== undefined && issued.uses > maxUses) {
      issued.expiresAt = now;
      return 'expired';
    }
    return 'valid';
  }

  expireAll(): void {
    for (const issued of this.tokens.values()) issued.expiresAt = 0;
  }

  private dropExpired(now: number): void {
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}

export interface Credentials {
  id: string;
  secret: string;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Checks `Authorization: Basic` against the expected credentials. XSUAA wants id and secret
 * URL-encoded before base64 (client ids contain `!` and `|`); the raw form is accepted too.
 */
export function checkBasic(authorization: string | undefined, expected: Credentials): 'absent' | 'valid' | 'invalid' {
  const m = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m?.[1]) return 'absent';
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'invalid';
  const id = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const encodedMatch = decodeComponent(id) === expected.id && decodeComponent(secret) === expected.secret;
  const rawMatch = id === expected.id && secret === expected.secret;
  return encodedMatch || rawMatch ? 'valid' : 'invalid';
}

export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

/** CSRF tokens handed out on `x-csrf-token: Fetch`; any issued token is accepted (no session binding). */
export class CsrfTokens {
  private readonly issued = new Set<string>();

  fetch(): string {
    const token = randomBytes(18).toString('base64');
    this.issued.add(token);
    return token;
  }

  isValid(token: string | undefined): boolean {
    return token !== undefined && this.issued.has(token);
  }
}
