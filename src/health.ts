/**
 * Liveness and readiness of one hub process, as orchestrators probe them (`/healthz`, `/readyz`).
 * Alive is the process answering at all. Ready is: not shutting down, the database answering, and
 * every migration of this build applied (an instance started with HUB_MIGRATE_ON_START=false
 * waits for the release's `npm run db:migrate`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './db/connection';
import { pendingMigrationsOf } from './db/migrate';
import type { Provider } from './db/provider-schemas';

export type Readiness = { ready: true } | { ready: false; reason: string };

export class Health {
  private shuttingDown = false;
  /** Once every migration is applied it stays so: a newer release only adds to the list. */
  private schemaCurrent = false;

  constructor(
    private readonly db: Db,
    private readonly provider: Provider,
  ) {}

  /** From now on the process is not ready: the load balancer should stop sending it requests. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<Readiness> {
    if (this.shuttingDown) return { ready: false, reason: 'shutting down' };
    let pending: string[];
    try {
      await this.db.$queryRawUnsafe('SELECT 1');
      pending = this.schemaCurrent ? [] : await pendingMigrationsOf(this.db, this.provider);
    } catch {
      return { ready: false, reason: 'database is not answering' };
    }
    if (pending.length) {
      return { ready: false, reason: `database schema is not current: ${pending.length} migration(s) not applied; run npm run db:migrate` };
    }
    this.schemaCurrent = true;
    return { ready: true };
  }

  /** The migrations this build has and the database lacks (empty once the schema is current). */
  async pendingMigrations(): Promise<string[]> {
    return this.schemaCurrent ? [] : pendingMigrationsOf(this.db, this.provider);
  }

  /** Resolves when every migration is applied, checking every `pollMs`; false when `signal` aborts first. */
  async untilSchemaCurrent(pollMs: number, signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      try {
        if ((await this.pendingMigrations()).length === 0) {
          this.schemaCurrent = true;
          return true;
        }
      } catch {
        // the database is not answering yet: ask again
      }
      await sleep(pollMs, undefined, { signal }).catch(() => undefined);
    }
    return false;
  }
}
