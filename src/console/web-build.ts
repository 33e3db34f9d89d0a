/**
 * Where the operator console's built files are: `web/dist` under the package root. The root is
 * found from this module's own location (the nearest folder above it with a package.json), not
 * from the working directory, so it is the same folder under tsx from src/ and from a compiled
 * dist/, wherever the hub is started from.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRootAbove(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in any folder above ${start}`);
  }
}

export const packageRoot = packageRootAbove(path.dirname(fileURLToPath(import.meta.url)));

/** The console's build output (`npm run build:web`). */
export const webBuildDir = path.join(packageRoot, 'web', 'dist');
