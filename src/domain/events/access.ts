/**
 * Who may define event types and publish for which organization. Event types are
 * deployment-wide, so only a key that acts for the product itself (a platform key) changes
 * them; an organization key publishes for its own organization only, and a platform key names
 * the organization it publishes for.
 */
import type { Principal } from '../orgs/org-service';
import { ForbiddenError, ValidationError } from '../errors';

/** A principal that acts for the product rather than one organization. */
export function isPlatformPrincipal(principal: Principal): boolean {
  return (principal as { kind?: string }).kind === 'platform';
}

export function assertMayManageEventTypes(principal: Principal): void {
  if (!isPlatformPrincipal(principal)) throw new ForbiddenError('event types are deployment-wide: only a platform key may change them');
}

/** The organization an event is published for: the key's own, or (platform key) the one it names. */
export function publishingOrgOf(principal: Principal, requestedOrgId: string | undefined): string {
  if (isPlatformPrincipal(principal)) {
    if (!requestedOrgId) throw new ValidationError([{ path: 'orgId', message: 'a platform key must name the organization the event is for' }]);
    return requestedOrgId;
  }
  if (requestedOrgId !== undefined && requestedOrgId !== principal.orgId) throw new ForbiddenError('an organization key publishes for its own organization only; leave orgId out');
  return principal.orgId;
}
