/**
 * After a key rotation (the new key first in HUB_ENCRYPTION_KEYS, the old one still after it),
 * seals every stored secret again with the new key, so that the old key can be dropped.
 *
 * Servers keep running meanwhile, so a value may change between reading and writing it (a new
 * webhook secret, a rotated endpoint secret). Each write is a compare-and-swap on the sealed
 * value that was read: a changed value is never overwritten with the stale one, but read again
 * and resealed if it still needs it. The report says, per kind of secret, what was resealed and
 * how many values are still on an older key at the end (none, or the old key must stay).
 */
import type { Db } from '../../db/connection';
import { sealedColumns, secretKinds, type SealedSecrets, type SecretKind } from './sealed-secrets';

/** One stored value, as read. */
export interface SealedValue {
  id: string;
  orgId: string;
  sealed: string;
}

/** A value sealed again with the active key, to be written where `sealed` is still stored. */
export interface Reseal extends SealedValue {
  resealed: string;
}

export interface KindReport {
  /** Values of this kind that are set. */
  stored: number;
  resealed: number;
  /** Rows whose value kept changing under every attempt (left for the next run). */
  conflicts: string[];
  /** Rows whose value does not open (a key missing from HUB_ENCRYPTION_KEYS, or damaged data). */
  failed: { id: string; reason: string }[];
  /** Values still sealed with an older key after the run. */
  remaining: number;
}

export interface ResealReport {
  activeKeyId: string;
  kinds: Record<SecretKind, KindReport>;
  /** Sum of `remaining`: zero means the older keys can be dropped. */
  remaining: number;
}

/** What a sealed column needs of its Prisma table (both tables have id, orgId and the column). */
interface SealedTable {
  findMany(args: { where: object; select: object; orderBy: object; take?: number }): Promise<Record<string, unknown>[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
}

export interface ResealOptions {
  pageSize: number;
  /** Attempts per value that keeps changing under us. */
  attempts: number;
}

export class SecretResealer {
  constructor(
    private readonly db: Db,
    private readonly secrets: SealedSecrets,
    private readonly options: ResealOptions = { pageSize: 200, attempts: 5 },
  ) {}

  async resealAll(): Promise<ResealReport> {
    const kinds = {} as Record<SecretKind, KindReport>;
    for (const kind of secretKinds) {
      const report: KindReport = { stored: 0, resealed: 0, conflicts: [], failed: [], remaining: 0 };
      for await (const page of this.pages(kind)) {
        report.stored += page.stored;
        await this.resealPage(kind, page.values, report);
      }
      kinds[kind] = report;
    }
    // Counted once everything is written: a write of one kind can rewrite the others of its row.
    for (const kind of secretKinds) for await (const page of this.pages(kind)) kinds[kind].remaining += page.values.length;
    return { activeKeyId: this.secrets.activeKeyId, kinds, remaining: secretKinds.reduce((sum, kind) => sum + kinds[kind].remaining, 0) };
  }

  /**
   * One page of a kind's rows in id order: the values sealed with an older key, how many values
   * the page held, and the id to continue after (undefined on the last page).
   */
  async page(kind: SecretKind, after?: string): Promise<{ values: SealedValue[]; stored: number; next: string | undefined }> {
    const rows = await this.read(kind, after === undefined ? {} : { id: { gt: after } }, this.options.pageSize);
    const stored = storedValues(kind, rows);
    return {
      values: stored.filter((value) => this.secrets.isStale(value.sealed)),
      stored: stored.length,
      next: rows.length === this.options.pageSize ? (rows.at(-1)!.id as string) : undefined,
    };
  }

  /** Opens each value and seals it with the active key; values that do not open are reported. */
  prepare(kind: SecretKind, values: SealedValue[]): { reseals: Reseal[]; failed: KindReport['failed'] } {
    const reseals: Reseal[] = [];
    const failed: KindReport['failed'] = [];
    for (const value of values) {
      try {
        reseals.push({ ...value, resealed: this.secrets.seal(kind, value, this.secrets.open(kind, value, value.sealed)) });
      } catch (error) {
        failed.push({ id: value.id, reason: (error as Error).message });
      }
    }
    return { reseals, failed };
  }

  /**
   * Writes each resealed value only where the column still holds the value that was read.
   * Returns how many were written and the ids whose value had changed meanwhile (not written).
   */
  async apply(kind: SecretKind, reseals: Reseal[]): Promise<{ written: number; changed: string[] }> {
    const { column } = sealedColumns[kind];
    let written = 0;
    const changed: string[] = [];
    for (const reseal of reseals) {
      const { count } = await this.table(kind).updateMany({ where: { id: reseal.id, [column]: reseal.sealed }, data: { [column]: reseal.resealed } });
      if (count === 1) written += 1;
      else changed.push(reseal.id);
    }
    return { written, changed };
  }

  private async resealPage(kind: SecretKind, values: SealedValue[], report: KindReport): Promise<void> {
    let pending = values;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const { reseals, failed } = this.prepare(kind, pending);
      report.failed.push(...failed);
      const { written, changed } = await this.apply(kind, reseals);
      report.resealed += written;
      if (changed.length === 0) return;
      // Changed meanwhile: read those again; a value now on the active key (or gone) is done.
      pending = storedValues(kind, await this.read(kind, { id: { in: changed } })).filter((value) => this.secrets.isStale(value.sealed));
      if (attempt === this.options.attempts) {
        report.conflicts.push(...pending.map((value) => value.id));
        return;
      }
    }
  }

  private async *pages(kind: SecretKind) {
    for (let after: string | undefined; ; ) {
      const page = await this.page(kind, after);
      yield page;
      if (!page.next) return;
      after = page.next;
    }
  }

  private read(kind: SecretKind, where: object, take?: number): Promise<Record<string, unknown>[]> {
    const { column } = sealedColumns[kind];
    return this.table(kind).findMany({ where, select: { id: true, orgId: true, [column]: true }, orderBy: { id: 'asc' }, ...(take ? { take } : {}) });
  }

  private table(kind: SecretKind): SealedTable {
    return this.db[sealedColumns[kind].model] as unknown as SealedTable;
  }
}

/** The rows' values of this kind that are set. */
function storedValues(kind: SecretKind, rows: Record<string, unknown>[]): SealedValue[] {
  const { column } = sealedColumns[kind];
  return rows.flatMap((row) => (row[column] == null ? [] : [{ id: row.id as string, orgId: row.orgId as string, sealed: row[column] as string }]));
}
