/**
 * vitest globalSetup: tests that start the hub as a process run the built service (`node
 * dist/main.js`, as production does), so the build must match the sources. It is rebuilt only when
 * a source is newer than it, which also keeps two test runs started together from rebuilding
 * under each other's processes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const built = path.join(root, 'dist/main.js');
const inputs = ['src', 'scripts/build-server.ts', 'scripts/bundle-options.ts', 'package.json'];

function newestInput(): number {
  let newest = 0;
  for (const input of inputs) {
    const full = path.join(root, input);
    const files = statSync(full).isDirectory() ? readdirSync(full, { recursive: true, encoding: 'utf8' }).map((file) => path.join(full, file)) : [full];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  if (existsSync(built) && statSync(built).mtimeMs >= newestInput()) return;
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
}
