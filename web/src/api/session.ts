/**
 * The signed-in API key. It lives in sessionStorage only: gone when the tab closes, never in
 * localStorage, a cookie or a URL. A platform key (`fpk_platform_…`) belongs to no organization:
 * the organization it acts for is part of the screen's URL (`/console/orgs/{orgId}/…`), so a
 * link names it, and joins the session only while that screen is shown.
 */
const STORAGE_KEY = 'integration-hub.session';

export interface Session {
  apiKey: string;
  /** The organization a platform key acts for (from the URL); never stored. */
  orgId?: string;
}

/** Whether a key is a platform key, which acts for the organization it names on each call. */
export function isPlatformKey(apiKey: string): boolean {
  return apiKey.startsWith('fpk_platform_');
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
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ apiKey: session.apiKey }));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** What authenticates an HTTP call, and names the organization a platform key acts for. */
export function credentials(session: Session): Record<string, string> {
  return session.orgId ? { 'X-Api-Key': session.apiKey, 'X-Org-Id': session.orgId } : { 'X-Api-Key': session.apiKey };
}

/** The same for the graphql-ws socket: its connection params name the organization as `orgId`. */
export function connectionParams(session: Session): Record<string, string> {
  return session.orgId ? { 'X-Api-Key': session.apiKey, orgId: session.orgId } : { 'X-Api-Key': session.apiKey };
}
