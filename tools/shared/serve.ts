/** Server plumbing the simulators share: listening on a loopback port, closing, and their CLIs' life cycle. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens (port 0: any free one) and returns the base URL. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  // Clients keep connections alive; without this, close() would wait for them to time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}

/** Closes the server and drops its open connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * Runs a simulator CLI: what `main` starts serves until Ctrl+C or SIGTERM (nothing started, e.g.
 * after --help: done); a failure prints its message and the usage.
 */
export function runCli(main: () => Promise<{ close(): Promise<void> } | undefined>, usage: string): void {
  main()
    .then((sim) => {
      if (!sim) return;
      const stop = (): void => {
        void sim.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      console.error(usage);
      process.exit(1);
    });
}
