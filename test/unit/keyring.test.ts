import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKey, keyEntry, Keyring, KeyringError, loadKeyFile, parseKeys } from '../../src/lib/crypto/keyring';


describe('keyring', () => {
  const k1 = generateKey();
  const k2 = { ...generateKey(), id: 'k2' };

  it('round-trips and produces a fresh ciphertext each time', () => {
    const ring = new Keyring([k1]);
    const a = ring.seal('s3cret', 'org/int/credentials');
    const b = ring.seal('s3cret', 'org/int/credentials');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(ring.open(a, 'org/int/credentials')).toBe('s3cret');
  });

  it('refuses a value moved to another row or org (associated data), or tampered with', () => {
    const ring = new Keyring([k1]);
    const sealed = ring.seal('s3cret', 'orgA/int1/credentials');
    expect(() => ring.open(sealed, 'orgB/int1/credentials')).toThrow(KeyringError);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('x'.repeat(6)).toString('base64url');
    expect(() => ring.open(parts.join('.'), 'orgA/int1/credentials')).toThrow(/failed authentication/);
    expect(() => ring.open('garbage', 'orgA/int1/credentials')).toThrow(/malformed/);
  });

  it('rotates: the new key seals, the old one still opens, resealing is detected', () => {
    const old = new Keyring([k1]);
    const sealed = old.seal('s3cret', 'aad');
    const rotated = new Keyring(parseKeys(`${keyEntry(k2)},${keyEntry(k1)}`));
    expect(rotated.open(sealed, 'aad')).toBe('s3cret');
    expect(rotated.needsResealing(sealed)).toBe(true);
    expect(rotated.needsResealing(rotated.seal('s3cret', 'aad'))).toBe(false);
    expect(() => new Keyring([k2]).open(sealed, 'aad')).toThrow(/unknown key/);
  });

  it('validates configured keys', () => {
    expect(() => parseKeys('nocolon')).toThrow(/keyId/);
    expect(() => parseKeys(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseKeys(`bad id:${Buffer.alloc(32).toString('base64')}`)).toThrow(/may only contain/);
  });

  it('creates a private key file on first use and reuses it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hub-keys-')), 'sub', 'keys.json');
    const { keyring: first, created } = loadKeyFile(file);
    expect(created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { keyring: second, created: again } = loadKeyFile(file);
    expect(again).toBe(false);
    expect(second.activeKeyId).toBe(first.activeKeyId);
    expect(second.open(first.seal('x', 'aad'), 'aad')).toBe('x');
    expect(JSON.parse(readFileSync(file, 'utf8')).keys).toHaveLength(1);
  });
});
