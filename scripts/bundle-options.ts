/**
 * How the service is bundled for `node` (no TypeScript tooling at run time): esbuild bundles our
 * sources, including the generated Prisma clients, into ES modules; packages stay in node_modules
 * (imported as they are, native and WebAssembly parts included). Code splitting keeps what
 * `import()` loads on demand in chunks of its own, so a process loads one provider's client and
 * driver, the schema engine only when it migrates, and the API only when it serves one.
 * Used by `npm run build:server` and by the benchmarks that measure the built service.
 */
import type { BuildOptions } from 'esbuild';

export function bundleOptions(entryPoints: string[], outdir: string, outbase = 'src'): BuildOptions {
  return {
    entryPoints,
    outdir,
    outbase,
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
  };
}
