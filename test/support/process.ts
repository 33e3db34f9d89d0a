/** Runs the hub's own commands (npm scripts) as a user would, against a test database. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestDatabase } from './database';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export function envFor(database: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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
