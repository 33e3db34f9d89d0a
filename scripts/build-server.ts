/**
 * `npm run build:server`: compiles the service into dist/ for `node dist/main.js` (see
 * bundle-options.ts). Entry points: the server, the admin CLI (`node dist/cli/hub.js`, also
 * `hub worker`), the migration step (`node dist/cli/migrate.js`) and the job thread of an API
 * process (dist/jobs/worker-thread.js). Files read at run time
 * (prisma/models.prisma and prisma/migrations/) are found from the package root
 * (src/lib/package-root.ts), so dist/ needs prisma/ beside it, not inside.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options';

const outdir = 'dist';
// Only the chunks: entry files are overwritten, and dist/ may hold other builds (the web console).
rmSync(`${outdir}/chunks`, { recursive: true, force: true });

const result = await build(bundleOptions(['src/main.ts', 'src/cli/hub.ts', 'src/cli/migrate.ts', 'src/jobs/worker-thread.ts'], outdir));
const outputs = Object.entries(result.metafile!.outputs).filter(([file]) => file.endsWith('.js'));
const kib = Math.round(outputs.reduce((sum, [, output]) => sum + output.bytes, 0) / 1024);
console.log(`built ${outdir}/ (${outputs.length} modules, ${kib} KiB of JavaScript)`);
