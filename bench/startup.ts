/**
 * startup: how fast a hub process answers its first /healthz, and how much memory it holds when
 * idle, for each way of running it (`tsx`: the TypeScript sources through tsx, as `npm run dev`
 * does; `node`: the compiled build, `node dist/main.js`, as `npm start` does).
 *
 * Per runtime and database: one start on a fresh database (it migrates), then `warmStarts` starts
 * on the migrated one. Start-up is the time from spawn to the first 200 from /healthz (polled every
 * 10 ms), and the CPU time the process tree had used by then (user + system, from /proc: on a
 * shared machine it varies far less with the load than the wall time does). Idle RSS is read from /proc after the process has been idle for `idleSeconds`, after the
 * fresh start and after the first start on the migrated database: the server process itself, and
 * the whole process tree (tsx runs the server in a child of its own). `nodeFlags` are passed to
 * node (e.g. V8 heap flags, to measure their effect).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateKey, keyEntry } from '../src/lib/crypto/keyring';
import { withDatabase } from './databases';

export interface StartupOptions {
  runtimes: string[];
  dbs: string[];
  warmStarts: number;
  idleSeconds: number;
  nodeFlags: string[];
}

export interface StartupResult {
  runtime: string;
  db: string;
  /** Spawn → first 200 from /healthz on a fresh database (includes applying every migration). */
  freshStartMs: number;
  /** Median of the starts on the migrated database. */
  warmStartMs: number;
  /** CPU time (user + system) of the process tree until that first 200, on the migrated database (median). */
  warmStartCpuMs: number;
  /** RSS of the server process after idling, started on a fresh database (it migrated at start). */
  idleRssMb: number;
  /** RSS of every process the command started (tsx: its wrapper and the server), same start. */
  idleTreeRssMb: number;
  /** RSS of the server process after idling, started on the migrated database. */
  idleRssMigratedMb: number;
}

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const commands: Record<string, string[]> = {
  tsx: [tsxCli, 'src/main.ts'],
  node: ['dist/main.js'],
};

export async function startupScenario(options: StartupOptions): Promise<StartupResult[]> {
  const results: StartupResult[] = [];
  for (const runtime of options.runtimes) {
    const args = commands[runtime];
    if (!args) throw new Error(`unknown runtime "${runtime}"; known: ${Object.keys(commands).join(', ')}`);
    if (runtime === 'node' && !existsSync('dist/main.js')) throw new Error('dist/main.js is missing: run `npm run build` first');
    for (const db of options.dbs) {
      const result = await withDatabase(db, async (target) => {
        const env = {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          DATABASE_URL: target.provider === 'sqlite' ? `file:${target.url}` : target.url,
          // Production refuses to start without its keys (it never writes a key file).
          HUB_ENCRYPTION_KEYS: keyEntry(generateKey()),
        };
        const command = [...options.nodeFlags, ...args];
        const fresh = await measure(command, env, options.idleSeconds);
        const migrated = await measure(command, env, options.idleSeconds);
        const warm = [migrated];
        for (let i = 1; i < options.warmStarts; i += 1) warm.push(await measure(command, env, 0));
        const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        return {
          runtime,
          db,
          freshStartMs: fresh.startMs,
          warmStartMs: median(warm.map((m) => m.startMs)),
          warmStartCpuMs: median(warm.map((m) => m.startCpuMs)),
          idleRssMb: fresh.rssMb,
          idleTreeRssMb: fresh.treeRssMb,
          idleRssMigratedMb: migrated.rssMb,
        };
      });
      console.log(
        `  ${runtime}, ${db}: first /healthz after ${result.freshStartMs} ms fresh, ${result.warmStartMs} ms (${result.warmStartCpuMs} ms CPU) migrated; idle RSS ${result.idleRssMb} MB after migrating (process tree ${result.idleTreeRssMb} MB), ${result.idleRssMigratedMb} MB on a migrated database`,
      );
      results.push(result);
    }
  }
  console.log(
    [
      '',
      '| runtime | database | start-up, fresh database (ms) | start-up, migrated (ms) | CPU until then, migrated (ms) | idle RSS after migrating at start (MB) | same, process tree (MB) | idle RSS, migrated database (MB) |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) => `| ${r.runtime} | ${r.db} | ${r.freshStartMs} | ${r.warmStartMs} | ${r.warmStartCpuMs} | ${r.idleRssMb} | ${r.idleTreeRssMb} | ${r.idleRssMigratedMb} |`),
    ].join('\n'),
  );
  return results;
}

async function measure(args: string[], env: NodeJS.ProcessEnv, idleSeconds: number): Promise<{ startMs: number; startCpuMs: number; rssMb: number; treeRssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await untilHealthy(`http://127.0.0.1:${port}/healthz`, child);
    const startMs = Math.round(performance.now() - started);
    const startCpuMs = processTree(child.pid!).map(cpuMs).reduce((a, b) => a + b, 0);
    if (!idleSeconds) return { startMs, startCpuMs, rssMb: 0, treeRssMb: 0 };
    await sleep(idleSeconds * 1000);
    const tree = processTree(child.pid!);
    // The server is the deepest node process (tsx's wrapper is its parent; esbuild is not node).
    const server = tree.filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node').at(-1)!;
    return { startMs, startCpuMs, rssMb: rssMb(server), treeRssMb: tree.map(rssMb).reduce((a, b) => a + b, 0) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode} before answering /healthz`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer 200 within 60 s`);
}

/** The process and its descendants, parents first. */
function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** User + system CPU time of one process so far (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
