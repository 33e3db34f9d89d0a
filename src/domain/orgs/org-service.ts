/**
 * Organizations, their API keys, and platform keys. An organization's key is
 * `fpk_<test|live>_<32 random chars>` and acts for that organization; a platform key is
 * `fpk_platform_<32 random chars>` and acts for any organization it names (./principal.ts).
 * Only a key's SHA-256 hash is stored (a key has ~190 bits of entropy, so a fast hash is enough
 * and lookups stay O(1)), and it is shown once, at creation.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import { newId, randomToken } from '../../lib/ids';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { orgIdHeader, resolveActingOrgId, type Caller, type Principal } from './principal';

export type { Caller, OrgKeyPrincipal, PlatformKeyPrincipal, Principal } from './principal';

export type KeyMode = 'test' | 'live';
export const keyModes = ['test', 'live'] as const satisfies readonly KeyMode[];

/** An organization is active until disabled; a disabled one's keys stop working and no platform key may act for it. */
export type OrgStatus = 'active' | 'disabled';

export interface CreatedKey {
  keyId: string;
  apiKey: string;
  prefix: string;
}

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export const orgStatusOf = (org: { disabledAt: Date | null }): OrgStatus => (org.disabledAt ? 'disabled' : 'active');

const orgKeyPattern = /^fpk_(test|live)_[A-Za-z0-9]{32}$/;
const platformKeyPattern = /^fpk_platform_[A-Za-z0-9]{32}$/;
const platformKeyPrefix = 'fpk_platform_';
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** lastUsedAt is a hint, not an audit log: write it at most once a minute per key. */
const touchIntervalMs = 60_000;

function hashKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/**
 * What decides whether an organization's key may act, in one place for a new request
 * (`authenticate`) and for a connection that stays open (`validKeyIds`): the key exists, is not
 * revoked, and its organization is not disabled.
 */
const orgKeyStatus = { id: true, orgId: true, revokedAt: true, org: { select: { disabledAt: true } } } as const;
type OrgKeyStatus = { id: string; orgId: string; revokedAt: Date | null; org: { disabledAt: Date | null } };

function orgKeyPrincipal(key: OrgKeyStatus | null): Principal | null {
  return key && !key.revokedAt && !key.org.disabledAt ? { kind: 'org', orgId: key.orgId, keyId: key.id } : null;
}

/** A platform key may act while it is not revoked. */
const platformKeyStatus = { id: true, revokedAt: true } as const;

function platformKeyPrincipal(key: { id: string; revokedAt: Date | null } | null): Principal | null {
  return key && !key.revokedAt ? { kind: 'platform', keyId: key.id } : null;
}

export class OrgService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  // ---- organizations -------------------------------------------------------------------------

  async createOrg(name: string, mode: KeyMode = 'test'): Promise<{ orgId: string } & CreatedKey> {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (!trimmed || trimmed.length > 200) throw new ValidationError([{ path: 'name', message: 'must be 1 to 200 characters' }]);
    const orgId = newId('org');
    await this.db.organization.create({ data: { id: orgId, name: trimmed } });
    return { orgId, ...(await this.createApiKey(orgId, mode)) };
  }

  listOrgs(): Promise<Organization[]> {
    return this.db.organization.findMany({ orderBy: { createdAt: 'asc' } });
  }

  async getOrg(orgId: string): Promise<Organization> {
    const org = await this.db.organization.findUnique({ where: { id: orgId } });
    if (!org) throw new NotFoundError(`organization ${orgId} does not exist`);
    return org;
  }

  /**
   * Disables (or enables again) an organization: while disabled, its keys are refused like
   * revoked ones (open sockets close at the next re-check) and no platform key may act for it.
   * Its data is kept. Idempotent.
   */
  async setOrgStatus(orgId: string, status: OrgStatus): Promise<Organization> {
    const org = await this.getOrg(orgId);
    if (orgStatusOf(org) === status) return org;
    return this.db.organization.update({ where: { id: orgId }, data: { disabledAt: status === 'disabled' ? this.clock() : null } });
  }

  // ---- organizations' API keys ---------------------------------------------------------------

  async createApiKey(orgId: string, mode: KeyMode = 'test', label?: string): Promise<CreatedKey> {
    const org = await this.db.organization.findUnique({ where: { id: orgId } });
    if (!org) throw new NotFoundError(`organization ${orgId} does not exist`);
    const apiKey = `fpk_${mode}_${randomToken(32, base62)}`;
    const keyId = newId('key');
    const prefix = apiKey.slice(0, `fpk_${mode}_`.length + 4);
    await this.db.apiKey.create({ data: { id: keyId, orgId, mode, prefix, keyHash: hashKey(apiKey), label: label ?? null } });
    return { keyId, apiKey, prefix };
  }

  listApiKeys(orgId: string) {
    return this.db.apiKey.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' }, omit: { keyHash: true } });
  }

  /** Revokes a key; with `orgId`, only a key of that organization (another's is "not found"). */
  async revokeApiKey(keyId: string, orgId?: string): Promise<void> {
    const { count } = await this.db.apiKey.updateMany({ where: { id: keyId, revokedAt: null, ...(orgId ? { orgId } : {}) }, data: { revokedAt: this.clock() } });
    if (count === 0) throw new NotFoundError(orgId ? `no active API key ${keyId} in organization ${orgId}` : `no active API key ${keyId}`);
  }

  // ---- platform keys -------------------------------------------------------------------------

  async createPlatformKey(label?: string): Promise<CreatedKey> {
    const apiKey = `${platformKeyPrefix}${randomToken(32, base62)}`;
    const keyId = newId('pkey');
    const prefix = apiKey.slice(0, platformKeyPrefix.length + 4);
    await this.db.platformKey.create({ data: { id: keyId, prefix, keyHash: hashKey(apiKey), label: label ?? null } });
    return { keyId, apiKey, prefix };
  }

  listPlatformKeys() {
    return this.db.platformKey.findMany({ orderBy: { createdAt: 'asc' }, omit: { keyHash: true } });
  }

  async revokePlatformKey(keyId: string): Promise<void> {
    const { count } = await this.db.platformKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: this.clock() } });
    if (count === 0) throw new NotFoundError(`no active platform key ${keyId}`);
  }

  // ---- authentication ------------------------------------------------------------------------

  /** The principal of a key, or null for a malformed, unknown or revoked key (or one of a disabled organization). */
  async authenticate(apiKey: string | undefined): Promise<Principal | null> {
    if (!apiKey) return null;
    let principal: Principal | null = null;
    if (orgKeyPattern.test(apiKey)) principal = orgKeyPrincipal(await this.db.apiKey.findUnique({ where: { keyHash: hashKey(apiKey) }, select: orgKeyStatus }));
    else if (platformKeyPattern.test(apiKey)) principal = platformKeyPrincipal(await this.db.platformKey.findUnique({ where: { keyHash: hashKey(apiKey) }, select: platformKeyStatus }));
    if (!principal) return null;
    const now = this.clock();
    if (now.getTime() - (this.lastTouched.get(principal.keyId) ?? 0) > touchIntervalMs) {
      this.lastTouched.set(principal.keyId, now.getTime());
      const touch = { where: { id: principal.keyId }, data: { lastUsedAt: now } };
      await (principal.kind === 'org' ? this.db.apiKey.update(touch) : this.db.platformKey.update(touch));
    }
    return principal;
  }

  /**
   * The organization a call acts for (see `resolveActingOrgId`), checked against the database:
   * a platform key naming an organization that does not exist gets NotFoundError (404), one
   * naming a disabled organization ForbiddenError (403). (An organization's own key is already
   * refused at authentication once its organization is disabled.) `named` is how the call named
   * the organization (`X-Org-Id`, `orgId`), for the error message.
   */
  async resolveActingOrg(principal: Principal, requestedOrgId: string | null | undefined, named: string = orgIdHeader): Promise<string> {
    const orgId = resolveActingOrgId(principal, requestedOrgId, named);
    if (principal.kind === 'org') return orgId;
    const org = await this.db.organization.findUnique({ where: { id: orgId }, select: { disabledAt: true } });
    if (!org) throw new NotFoundError(`organization ${orgId} (${named}) does not exist`);
    if (org.disabledAt) throw new ForbiddenError(`organization ${orgId} (${named}) is disabled`);
    return orgId;
  }

  /**
   * The ids among `keyIds` (organizations' and platform keys alike) whose keys may still act:
   * open WebSockets and subscriptions re-check their principal with this, one query per kind.
   */
  async validKeyIds(keyIds: readonly string[]): Promise<Set<string>> {
    const platformIds = keyIds.filter((id) => id.startsWith('pkey_'));
    const orgKeyIds = keyIds.filter((id) => !id.startsWith('pkey_'));
    const [orgKeys, platformKeys] = await Promise.all([
      orgKeyIds.length ? this.db.apiKey.findMany({ where: { id: { in: orgKeyIds } }, select: orgKeyStatus }) : [],
      platformIds.length ? this.db.platformKey.findMany({ where: { id: { in: platformIds } }, select: platformKeyStatus }) : [],
    ]);
    const principals = [...orgKeys.map(orgKeyPrincipal), ...platformKeys.map(platformKeyPrincipal)];
    return new Set(principals.flatMap((principal) => (principal ? [principal.keyId] : [])));
  }

  /** The ids among `orgIds` of organizations that exist and are not disabled: a platform key's open sessions re-check the organization they act for with this. */
  async activeOrgIds(orgIds: readonly string[]): Promise<Set<string>> {
    if (orgIds.length === 0) return new Set();
    const orgs = await this.db.organization.findMany({ where: { id: { in: [...new Set(orgIds)] }, disabledAt: null }, select: { id: true } });
    return new Set(orgs.map((org) => org.id));
  }

  /**
   * Whether each caller of an open session may still act: its key is valid and, for a platform
   * key acting for an organization, that organization is still active. Two or three queries for
   * all of them, whatever their number.
   */
  async validCallers(callers: readonly Caller[]): Promise<boolean[]> {
    const actingOrgs = callers.flatMap((caller) => (caller.principal.kind === 'platform' && caller.orgId ? [caller.orgId] : []));
    const [keys, orgs] = await Promise.all([this.validKeyIds([...new Set(callers.map((caller) => caller.principal.keyId))]), this.activeOrgIds(actingOrgs)]);
    return callers.map(
      (caller) => keys.has(caller.principal.keyId) && (caller.principal.kind === 'org' || caller.orgId === null || orgs.has(caller.orgId)),
    );
  }
}
