/**
 * Who is calling, and which organization a call acts for.
 *
 * A caller authenticates with one of two kinds of key:
 * - an organization's API key (`fpk_test_…`, `fpk_live_…`) acts for that organization and no other;
 * - a platform key (`fpk_platform_…`), held by the product's own backend, belongs to no
 *   organization: it provisions organizations and their keys, and acts for the organization it
 *   names on each call (`X-Org-Id`, or an `orgId` in a body).
 */
import { ForbiddenError, ValidationError } from '../errors';

export interface OrgKeyPrincipal {
  kind: 'org';
  keyId: string;
  orgId: string;
}

export interface PlatformKeyPrincipal {
  kind: 'platform';
  keyId: string;
}

export type Principal = OrgKeyPrincipal | PlatformKeyPrincipal;
export type PrincipalKind = Principal['kind'];

/** The request header naming the organization a platform key acts for. */
export const orgIdHeader = 'X-Org-Id';

/** Why an organization's key is refused on a platform key's operation (provisioning organizations). */
export const platformOnlyMessage = "only a platform key (fpk_platform_…) may do this; an organization's API key acts for its own organization only";

export const orgIdPattern = /^org_[a-z0-9]{1,64}$/;

/**
 * The organization a call acts for, from its principal and the organization the call names
 * (`requestedOrgId`: the X-Org-Id header, a body's `orgId`; absent is undefined, null or '').
 * `named` is what the caller wrote it as, so an error says what to fix.
 *
 * - An organization's key acts for its own organization. Naming that same organization is
 *   allowed; naming another one is refused (ForbiddenError, 403), never silently ignored.
 * - A platform key acts for the organization it names; naming none is a ValidationError (400)
 *   on `named`.
 *
 * Pure: whether a named organization exists and is enabled is checked by
 * `OrgService.resolveActingOrg`, which is what a request path should call.
 */
export function resolveActingOrgId(principal: Principal, requestedOrgId: string | null | undefined, named: string = orgIdHeader): string {
  const requested = requestedOrgId === '' ? undefined : (requestedOrgId ?? undefined);
  if (principal.kind === 'org') {
    if (requested !== undefined && requested !== principal.orgId) {
      throw new ForbiddenError(`an organization's API key acts only for its own organization; ${named} names another one (leave ${named} out, or use a platform key)`);
    }
    return principal.orgId;
  }
  if (requested === undefined) {
    throw new ValidationError([{ path: named, message: `required with a platform key: the id of the organization to act for (org_…)` }]);
  }
  if (!orgIdPattern.test(requested)) throw new ValidationError([{ path: named, message: 'must be an organization id (org_…)' }]);
  return requested;
}

/** A principal and the organization it acts for (null: a platform key that named none). */
export interface Caller {
  principal: Principal;
  orgId: string | null;
}
