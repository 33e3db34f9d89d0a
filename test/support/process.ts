/** Runs the hub's own commands (npm scripts) as a user would, against a test database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { openHub } from '../../src/hub';
import path from 'node:path';
import type { TestDatabase } from './database';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The environment of a hub command on this database; an `undefined` in `extra` unsets a variable. */
export function envFor(database: TestDatabase, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const url = database.target.provider === 'sqlite' ? `file:${database.target.url}` : database.target.url;
  return { ...process.env, DATABASE_URL: url, HUB_KEY_FILE: path.join(database.dir, 'keys.json'), LOG_LEVEL: 'info', ...extra };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runNpm(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return finished(spawn('npm', args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * The hub as a real server process, as built (node, not through npm, so a kill reaches the
 * server itself), started in the repository or in another working directory (`cwd`).
 */
export function startServerProcess(
  database: TestDatabase,
  extra: Record<string, string | undefined> = {},
  { cwd = repoRoot }: { cwd?: string } = {},
): Promise<{ child: ChildProcess; url: string; exited: Promise<Finished> }> {
  const env = envFor(database, { PORT: '0', HUB_ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'info', ...extra });
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/main.js')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = finished(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the hub did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited: output });
      }
    });
    void output.then((result) => reject(new Error(`the hub exited early (${result.code}): ${result.stderr.slice(-500)}`)));
  });
}

/** An organization and API key in the database a server process uses, made as the CLI makes them. */
export async function createOrgIn(database: TestDatabase, name: string): Promise<{ orgId: string; apiKey: string }> {
  const admin = await openHub({ ...loadConfig(envFor(database)), database: database.target });
  try {
    return await admin.services.orgs.createOrg(name);
  } finally {
    await admin.close();
  }
}
