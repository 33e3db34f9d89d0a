/**
 * The ingest and mixed scenarios' server under test (bench/ingest-server.ts) as a child process:
 * started with its mode's arguments, it prints one JSON line once listening; SIGTERM stops it.
 * BENCH_SERVER_FLAGS passes node flags to it (e.g. `--cpu-prof --cpu-prof-dir=bench/results/profiles`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface IngestServer {
  url: string;
  orgId?: string;
  apiKey?: string;
  secret?: string;
  child: ChildProcess;
}

export async function startIngestServer(args: string[], env: Record<string, string> = {}): Promise<IngestServer> {
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/ingest-server.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  const [line] = await Promise.race([
    (async () => {
      for await (const text of createInterface({ input: child.stdout! })) return [text];
      return [undefined];
    })(),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)))),
  ]);
  return { ...(JSON.parse(line!) as Omit<IngestServer, 'child'>), child };
}

export async function stopIngestServer(server: IngestServer): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}
