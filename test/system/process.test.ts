/**
 * The service as operators run it: `npm start` runs the compiled build with node alone, migrates,
 * answers its probes and stops cleanly on SIGTERM; `hub worker` runs jobs behind the probes only;
 * with HUB_MIGRATE_ON_START=false the release's `npm run db:migrate` makes an instance ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database';
import { envFor, finished, repoRoot, runNpm, startServerProcess } from '../support/process';
import { eventually } from '../support/webhooks';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

/** The command lines of a process and all its descendants. */
function commandLines(pid: number): string[] {
  const own = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [own, ...children.flatMap(commandLines)];
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no "listening" line within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

const status = async (url: string) => (await fetch(url)).status;

describe('service process', () => {
  it('`npm start` runs the compiled service with node only, answers /healthz and /readyz, and exits 0 on SIGTERM', async () => {
    const child = spawn('npm', ['start'], { cwd: repoRoot, env: envFor(database, { PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const done = finished(child);
    const url = await listeningUrl(child);
    const processes = commandLines(child.pid!);
    expect(processes.some((line) => /^\S*node dist\/main\.js$/.test(line))).toBe(true);
    expect(processes.filter((line) => /tsx|typescript|esbuild/.test(line))).toEqual([]);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await status(`${url}/readyz`)).toBe(200);

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

  it('`hub worker` serves the probes and no API, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/cli/hub.js', 'worker'], { cwd: repoRoot, env: envFor(database, { PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'] });
    const done = finished(child);
    const url = await listeningUrl(child);
    expect(await status(`${url}/healthz`)).toBe(200);
    expect(await status(`${url}/readyz`)).toBe(200);
    expect(await status(`${url}/graphql`)).toBe(404);
    expect(await status(`${url}/api/v1/integrations/connectors`)).toBe(404);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Integration Hub worker listening on');
  });
});

// The release flow of a PostgreSQL deployment (SQLite's migrator needs the file to itself).
describe.runIf(testProvider === 'postgresql')('migrations as a release step', () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(() => fresh?.drop());

  it('an instance with HUB_MIGRATE_ON_START=false on an unmigrated database is not ready until `npm run db:migrate` ran', async () => {
    const hub = await startServerProcess(fresh, { HUB_MIGRATE_ON_START: 'false' });
    try {
      expect(await status(`${hub.url}/healthz`)).toBe(200);
      const answer = await fetch(`${hub.url}/readyz`);
      expect(answer.status).toBe(503);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toContain('run npm run db:migrate');

      const migrated = await runNpm(['run', '--silent', 'db:migrate'], envFor(fresh));
      expect(migrated.code).toBe(0);
      await eventually(async () => ((await status(`${hub.url}/readyz`)) === 200 ? true : undefined), 10_000, '/readyz to answer 200');
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  });
});
