/**
 * Encryption of secrets at rest: AES-256-GCM (authenticated), one key active for sealing and any
 * number of older keys kept for opening, so keys can be rotated without a flag day.
 *
 * A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The caller passes
 * associated data naming where the value lives (org, integration, field); a value copied to
 * another row or org does not open there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Key {
  id: string;
  bytes: Buffer;
}

export class KeyringError extends Error {}

export class Keyring {
  private readonly byId: Map<string, Key>;

  constructor(private readonly keys: Key[]) {
    if (keys.length === 0) throw new KeyringError('at least one encryption key is required');
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  get activeKeyId(): string {
    return this.keys[0]!.id;
  }

  seal(plaintext: string, associatedData: string): string {
    const key = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  open(sealed: string, associatedData: string): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new KeyringError('sealed value is malformed');
    }
    const key = this.byId.get(keyId);
    if (!key) throw new KeyringError(`sealed with unknown key "${keyId}"; add it to HUB_ENCRYPTION_KEYS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(associatedData));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new KeyringError('sealed value failed authentication (wrong key or tampered data)');
    }
  }

  /** True when the value was sealed with an older key and should be sealed again. */
  needsResealing(sealed: string): boolean {
    return sealed.split('.')[1] !== this.activeKeyId;
  }
}

/** Parses `id:base64key,id2:base64key2`. */
export function parseKeys(spec: string): Key[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const separator = part.indexOf(':');
      if (separator <= 0) throw new KeyringError('HUB_ENCRYPTION_KEYS entries look like "<keyId>:<base64 of 32 bytes>"');
      const id = part.slice(0, separator);
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new KeyringError(`key id "${id}" may only contain letters, digits, "_" and "-"`);
      const bytes = Buffer.from(part.slice(separator + 1), 'base64');
      if (bytes.length !== 32) throw new KeyringError(`key "${id}" must be 32 bytes (base64), got ${bytes.length}`);
      return { id, bytes };
    });
}

export function generateKey(): Key {
  return { id: `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(3).toString('hex')}`, bytes: randomBytes(32) };
}

/** A key as one HUB_ENCRYPTION_KEYS entry: `keyId:base64`. */
export function keyEntry(key: Key): string {
  return `${key.id}:${key.bytes.toString('base64')}`;
}

/**
 * The development default: a key file created on first use (mode 0600). Production passes
 * HUB_ENCRYPTION_KEYS from a secret store instead (the configuration insists on it).
 */
export function loadKeyFile(keyFile: string): { keyring: Keyring; created: boolean } {
  let created = false;
  if (!existsSync(keyFile)) {
    const key = generateKey();
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${JSON.stringify({ keys: [{ id: key.id, key: key.bytes.toString('base64') }] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  }
  const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { keys: { id: string; key: string }[] };
  return { keyring: new Keyring(parseKeys(stored.keys.map((key) => `${key.id}:${key.key}`).join(','))), created };
}
