/** `npm start` as a process: starts, migrates, serves /healthz, stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { envFor, finished, repoRoot, runNpm } from '../support/process';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe('service process', () => {
  it('starts, answers /healthz and exits 0 on SIGTERM', async () => {
    const child = spawn('npm', ['start'], { cwd: repoRoot, env: envFor(database, { PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const done = finished(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "listening" line within 30 s')), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    process.kill(-child.pid!, 'SIGTERM');
    const result = await done;
    expect(result.stdout).toMatch(/"msg":"stopped"/);
    expect(result.code === 0 || result.signal === 'SIGTERM').toBe(true);
  });

  it('refuses bad configuration with one clear line per problem and no stack trace', async () => {
    const result = await runNpm(['start', '--silent'], envFor(database, { PORT: 'eighty', HUB_ALLOW_PRIVATE_TARGETS: 'maybe' }));
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Invalid configuration:\n  - PORT: must be a port number\n  - HUB_ALLOW_PRIVATE_TARGETS: must be "true" or "false"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
