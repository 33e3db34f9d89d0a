/**
 * The folder holding the hub's package.json: files the hub reads at run time (the Prisma models
 * and migrations under prisma/) are found from here, whether the code runs from its sources
 * (src/, through tsx) or from the build (dist/, where bundling moves every module).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. `fromPackageRoot('prisma', 'migrations')`. */
export function fromPackageRoot(...segments: string[]): string {
  return path.join(packageRoot, ...segments);
}
