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
    const key = await this.db.apiKey.findUnique({ where: { keyHash: hashKey(apiKey) }, select: { id: true, orgId: true, revokedAt: true } });
    if (!key || key.revokedAt) return null;
    const now = this.clock();
    if (now.getTime() - (this.lastTouched.get(key.id) ?? 0) > touchIntervalMs) {
      this.lastTouched.set(key.id, now.getTime());
      await this.db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
    }
    return { orgId: key.orgId, keyId: key.id };
  }
}
