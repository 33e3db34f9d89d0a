/**
 * Organizations and their API keys. A key is `fpk_<mode>_<32 random chars>`; only its SHA-256
 * hash is stored (the key has ~190 bits of entropy, so a fast hash is enough and lookups stay
 * O(1)), and it is shown once, at creation.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import { newId, randomToken } from '../../lib/ids';
import { NotFoundError, ValidationError } from '../errors';

export type KeyMode = 'test' | 'live';

export interface CreatedKey {
  keyId: string;
  apiKey: string;
  prefix: string;
}

export interface Principal {
  orgId: string;
  keyId: string;
}

const keyPattern = /^fpk_(test|live)_[A-Za-z0-9]{32}$/;
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** lastUsedAt is a hint, not an audit log: write it at most once a minute per key. */
const touchIntervalMs = 60_000;

function hashKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/**
 * What decides whether a key may act, in one place for a new request (`authenticate`) and for a
 * connection that stays open (`validKeyIds`): the key exists and is not revoked. A status of the
 * organization (disabled, suspended) belongs here too: select it with the key and check it here.
 */
const keyStatus = { id: true, orgId: true, revokedAt: true } as const;

function principalOf(key: { id: string; orgId: string; revokedAt: Date | null } | null): Principal | null {
  return key && !key.revokedAt ? { orgId: key.orgId, keyId: key.id } : null;
}

export class OrgService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async createOrg(name: string, mode: KeyMode = 'test'): Promise<{ orgId: string } & CreatedKey> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) throw new ValidationError([{ path: 'name', message: 'must be 1 to 200 characters' }]);
    const orgId = newId('org');
    await this.db.organization.create({ data: { id: orgId, name: trimmed } });
    return { orgId, ...(await this.createApiKey(orgId, mode)) };
  }

  listOrgs() {
    return this.db.organization.findMany({ orderBy: { createdAt: 'asc' } });
  }

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

  async revokeApiKey(keyId: string): Promise<void> {
    const { count } = await this.db.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: this.clock() } });
    if (count === 0) throw new NotFoundError(`no active API key ${keyId}`);
  }

  /** The org a key belongs to, or null for a malformed, unknown or revoked key. */
  async authenticate(apiKey: string | undefined): Promise<Principal | null> {
    if (!apiKey || !keyPattern.test(apiKey)) return null;
    const principal = principalOf(await this.db.apiKey.findUnique({ where: { keyHash: hashKey(apiKey) }, select: keyStatus }));
    if (!principal) return null;
    const now = this.clock();
    if (now.getTime() - (this.lastTouched.get(principal.keyId) ?? 0) > touchIntervalMs) {
      this.lastTouched.set(principal.keyId, now.getTime());
      await this.db.apiKey.update({ where: { id: principal.keyId }, data: { lastUsedAt: now } });
    }
    return principal;
  }

  /**
   * The ids among `keyIds` whose keys may still act: open WebSockets and subscriptions re-check
   * their principal with this, one query for all of them.
   */
  async validKeyIds(keyIds: readonly string[]): Promise<Set<string>> {
    if (keyIds.length === 0) return new Set();
    const keys = await this.db.apiKey.findMany({ where: { id: { in: [...keyIds] } }, select: keyStatus });
    return new Set(keys.map(principalOf).flatMap((principal) => (principal ? [principal.keyId] : [])));
  }
}
