/** The one rule for which organization a call acts for (src/domain/orgs/principal.ts). */
import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import { resolveActingOrgId, type Principal } from '../../src/domain/orgs/principal';

const orgKey: Principal = { kind: 'org', keyId: 'key_a', orgId: 'org_a' };
const platformKey: Principal = { kind: 'platform', keyId: 'pkey_p' };

describe('resolveActingOrgId', () => {
  it("acts for an organization key's own organization, named or not", () => {
    for (const named of [undefined, null, '', 'org_a']) expect(resolveActingOrgId(orgKey, named)).toBe('org_a');
  });

  it("refuses an organization key naming another organization, saying how it was named", () => {
    expect(() => resolveActingOrgId(orgKey, 'org_b', 'orgId')).toThrow(ForbiddenError);
    expect(() => resolveActingOrgId(orgKey, 'org_b', 'orgId')).toThrow(/orgId names another one/);
  });

  it('acts for the organization a platform key names', () => {
    expect(resolveActingOrgId(platformKey, 'org_b')).toBe('org_b');
  });

  it('asks a platform key for the organization, naming the field', () => {
    for (const named of [undefined, null, '']) {
      try {
        resolveActingOrgId(platformKey, named, 'orgId');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual([{ path: 'orgId', message: 'required with a platform key: the id of the organization to act for (org_…)' }]);
      }
    }
    expect(() => resolveActingOrgId(platformKey, 'acme')).toThrow('X-Org-Id: must be an organization id (org_…)');
  });
});
