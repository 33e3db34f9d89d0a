/**
 * The signed-in API key. It lives in sessionStorage only: gone when the tab closes, never in
 * localStorage, a cookie or a URL.
 */
const STORAGE_KEY = 'integration-hub.session';

export interface Session {
  apiKey: string;
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    return typeof parsed?.apiKey === 'string' && parsed.apiKey ? { apiKey: parsed.apiKey } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * What authenticates a call: HTTP headers and graphql-ws connection params alike (the hub reads
 * the same names in both), so anything a session adds to it reaches every transport.
 */
export function credentials(session: Session): Record<string, string> {
  return { 'X-Api-Key': session.apiKey };
}
