/**
 * Scheduled incremental syncs for integrations with a sync interval. Each due integration is
 * claimed by moving its nextSyncAt forward with a compare-and-set, so with several hub processes
 * on one database exactly one of them starts the run.
 */
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import { ConflictError } from '../errors';
import type { SyncService } from './sync-service';

export class SyncScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly sync: SyncService,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly checkEveryMs = 30_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick().catch((err: unknown) => this.logger.error({ err }, 'sync scheduler tick failed')), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Starts every due sync; returns the ids of the runs it started. */
  async tick(now = this.clock()): Promise<string[]> {
    const due = await this.db.integration.findMany({
      where: { enabled: true, syncIntervalMinutes: { not: null }, nextSyncAt: { lte: now } },
      select: { id: true, orgId: true, connectorType: true, syncIntervalMinutes: true, nextSyncAt: true },
      take: 100,
    });
    const started: string[] = [];
    for (const integration of due) {
      const next = new Date(now.getTime() + integration.syncIntervalMinutes! * 60_000);
      const { count } = await this.db.integration.updateMany({
        where: { id: integration.id, nextSyncAt: integration.nextSyncAt },
        data: { nextSyncAt: next },
      });
      if (count === 0) continue; // another process claimed it
      try {
        const run = await this.sync.start(integration.orgId, integration.connectorType, { mode: 'incremental', trigger: 'schedule' });
        started.push(run.id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        this.logger.info({ integrationId: integration.id, reason: error.message }, 'scheduled sync skipped');
      }
    }
    return started;
  }
}
