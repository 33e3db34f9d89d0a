/**
 * Deletes what is older than the retention age, on a schedule, so the database does not grow
 * without bound: outbound events (their deliveries and attempt logs go with them), attempt logs,
 * inbound webhooks (their transfer requests go with them), dead jobs, and publish idempotency
 * keys past their 24-hour window. In chunks, so one run
 * never holds a long transaction.
 */
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import { IDEMPOTENCY_WINDOW_MS } from './publish';

const CHUNK = 1000;

export interface RetentionResult {
  events: number;
  attempts: number;
  webhooks: number;
  jobs: number;
  idempotencyKeys: number;
}

export class Retention {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly retentionMs: number,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  start(intervalMs = 60 * 60_000): void {
    this.timer ??= setInterval(() => void this.run().catch((error: unknown) => this.logger.error({ err: error }, 'retention run failed')), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async run(): Promise<RetentionResult> {
    const cutoff = new Date(this.clock().getTime() - this.retentionMs);
    const result = {
      events: await chunked((take) => this.db.hubEvent.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => this.db.hubEvent.deleteMany({ where: { id: { in: ids } } })),
      attempts: await chunked((take) => this.db.deliveryAttempt.findMany({ where: { attemptedAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => this.db.deliveryAttempt.deleteMany({ where: { id: { in: ids } } })),
      webhooks: await chunked((take) => this.db.webhookEvent.findMany({ where: { receivedAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => this.db.webhookEvent.deleteMany({ where: { id: { in: ids } } })),
      jobs: await chunked((take) => this.db.job.findMany({ where: { status: 'dead', updatedAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => this.db.job.deleteMany({ where: { id: { in: ids } } })),
      // Keyed by (orgId, key), not id: small rows, deleted in one statement.
      idempotencyKeys: (await this.db.publishIdempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(this.clock().getTime() - IDEMPOTENCY_WINDOW_MS) } } })).count,
    };
    if (Object.values(result).some((count) => count > 0)) this.logger.info({ ...result, cutoff }, 'retention: deleted old records');
    return result;
  }
}

async function chunked(find: (take: number) => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (await find(CHUNK)).map((row) => row.id);
    if (ids.length === 0) return total;
    total += (await remove(ids)).count;
  }
}
