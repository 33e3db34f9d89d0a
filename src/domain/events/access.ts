/**
 * Who may define event types, and which organization a publish is for. Event types are
 * deployment-wide, so only a key that acts for the product itself (a platform key) changes
 * them. An organization's key publishes for its own organization; a platform key names the
 * organization in the event's `orgId` (or X-Org-Id), checked by OrgService.resolveActingOrg.
 */
import { ForbiddenError } from '../errors';
import type { OrgService } from '../orgs/org-service';
import type { Principal } from '../orgs/principal';
import type { OrgResolver } from './publish';

export function assertMayManageEventTypes(principal: Principal): void {
  if (principal.kind !== 'platform') throw new ForbiddenError('event types are deployment-wide: only a platform key (fpk_platform_…) may change them');
}

/**
 * The organization each event of a call is published for: its `orgId`, else the one the call
 * already acts for (`actingOrgId`: an organization key's own, or a platform key's X-Org-Id).
 * Each organization a platform key names is looked up once per call.
 */
export function publishingOrgs(orgs: OrgService, principal: Principal, actingOrgId: string | null): OrgResolver {
  const resolved = new Map<string, Promise<string>>();
  return (requested) => {
    const named = requested ?? actingOrgId ?? undefined;
    const key = named ?? '';
    if (!resolved.has(key)) resolved.set(key, orgs.resolveActingOrg(principal, named, 'orgId'));
    return resolved.get(key)!;
  };
}
