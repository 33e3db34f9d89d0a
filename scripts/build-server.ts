/**
 * `npm run build:server`: compiles the service into dist/ for `node dist/main.js` (no TypeScript
 * tooling at run time). esbuild bundles our sources, including the generated Prisma clients, into
 * ES modules; packages stay in node_modules (imported as they are, native and WebAssembly parts
 * included). Code splitting keeps what `import()` loads on demand in chunks of its own, so a
 * process loads one provider's client and driver, and the schema engine only when it migrates.
 *
 * Entry points: the server, the admin CLI (`node dist/cli/hub.js`, also `hub worker`) and the
 * migration step (`node dist/cli/migrate.js`). Files read at run time (prisma/models.prisma and
 * prisma/migrations/) are found from the package root (src/lib/package-root.ts).
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist';
// Only the chunks: entry files are overwritten, and dist/ may hold other builds (the web console).
rmSync(`${outdir}/chunks`, { recursive: true, force: true });

const result = await build({
  entryPoints: ['src/main.ts', 'src/cli/hub.ts', 'src/cli/migrate.ts'],
  outdir,
  outbase: 'src',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`built ${outdir}/ (${Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length} modules, ${Math.round(bytes / 1024)} KiB)`);
