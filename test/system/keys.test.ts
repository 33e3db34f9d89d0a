/**
 * Encryption keys as an operator meets them: production refuses to start without
 * HUB_ENCRYPTION_KEYS and says how to make one, `hub -- keys generate` makes one, and the
 * development key file stays beside the database whatever the working directory.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeys } from '../../src/lib/crypto/keyring';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { envFor, runNpm, startServerProcess } from '../support/process';

let database: TestDatabase;
const folders: string[] = [];
const folder = (prefix: string) => {
  const made = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(made);
  return made;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe('encryption keys', () => {
  it('production without HUB_ENCRYPTION_KEYS: exit 78 and one line saying how to make a key, no key file', async () => {
    const keyFile = path.join(database.dir, 'production-keys.json');
    const result = await runNpm(['start', '--silent'], envFor(database, { NODE_ENV: 'production', PORT: '0', HUB_ENCRYPTION_KEYS: undefined, HUB_KEY_FILE: keyFile }));
    expect(result.code).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: HUB_ENCRYPTION_KEYS: is required when NODE_ENV=production; create a key with `npm run --silent hub -- keys generate` and set HUB_ENCRYPTION_KEYS to its output',
    ]);
    expect(result.stdout).not.toMatch(/listening/);
    expect(existsSync(keyFile)).toBe(false);
  }, 60_000);

  it('`keys generate` prints a new entry (and --json) with which production starts', async () => {
    const [text, json, another] = await Promise.all([
      runNpm(['run', '--silent', 'hub', '--', 'keys', 'generate'], process.env),
      runNpm(['run', '--silent', 'hub', '--', 'keys', 'generate', '--json'], process.env),
      runNpm(['run', '--silent', 'hub', '--', 'keys', 'generate'], process.env),
    ]);
    for (const result of [text, json, another]) expect(result.code, result.stderr).toBe(0);
    const entry = text.stdout.trim();
    expect(entry).toMatch(/^k[0-9a-f]+:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeys(entry)[0]!.bytes).toHaveLength(32);
    expect(another.stdout.trim()).not.toBe(entry);
    const parsed = JSON.parse(json.stdout) as { keyId: string; key: string; entry: string };
    expect(parsed.entry).toBe(`${parsed.keyId}:${parsed.key}`);
    expect(parseKeys(parsed.entry)[0]!.id).toBe(parsed.keyId);

    const server = await startServerProcess(database, { NODE_ENV: 'production', HUB_ENCRYPTION_KEYS: entry, HUB_KEY_FILE: undefined });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);

  it('development: the key file is created beside the SQLite database and found again from any working directory', async () => {
    // Its own SQLite file on either test run: this is about where a SQLite hub keeps its key.
    const dataDir = folder('hub-keys-data-');
    const sqlite: TestDatabase = { target: { provider: 'sqlite', url: path.join(dataDir, 'hub.db') }, dir: dataDir, drop: async () => {} };
    const env = { HUB_KEY_FILE: undefined, HUB_ENCRYPTION_KEYS: undefined, NODE_ENV: 'development' };
    const expected = path.join(dataDir, 'encryption-keys.json');
    const logs: string[] = [];
    for (const cwd of [folder('hub-keys-cwd-a-'), folder('hub-keys-cwd-b-')]) {
      const server = await startServerProcess(sqlite, env, { cwd });
      server.child.kill('SIGTERM');
      const { stdout } = await server.exited;
      logs.push(stdout);
      expect(readdirSync(cwd)).toEqual([]); // nothing written where the process happened to start
    }
    expect(existsSync(expected)).toBe(true);
    const keyLine = (stdout: string) => stdout.split('\n').find((line) => line.includes('encryption key')) ?? '';
    expect(JSON.parse(keyLine(logs[0]!))).toMatchObject({ level: 40, keyFile: expected, msg: expect.stringContaining(`created a development encryption key in ${expected}`) });
    expect(JSON.parse(keyLine(logs[1]!))).toMatchObject({ level: 30, keyFile: expected, msg: expect.stringContaining(`using the development encryption key in ${expected}`) });
  }, 120_000);
});
