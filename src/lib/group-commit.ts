/**
 * Group commit: callers hand in one item each and wait; items that arrive while a flush is being
 * written share the next flush (one database transaction), and every caller is answered with its
 * own result only after that flush committed. Under load this turns N commits into a few, while a
 * lone request still goes out at once (no timer: the first item flushes on the next turn).
 */
export interface GroupCommitOptions<T, R> {
  /** Writes a batch in one transaction; returns one result per item, in order. */
  flush(items: T[]): Promise<R[]>;
  /** Largest batch (default 500); more waiting items go into the following flush. */
  maxBatch?: number;
  /** Told true when items start waiting, false once everything submitted is written (a writer elsewhere may yield meanwhile). */
  onBusy?(busy: boolean): void;
}

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class GroupCommit<T, R> {
  private queue: Waiting<T, R>[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private busy = false;
  private readonly maxBatch: number;

  constructor(private readonly options: GroupCommitOptions<T, R>) {
    this.maxBatch = options.maxBatch ?? 500;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        this.options.onBusy?.(true);
      }
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far is written (shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing || this.scheduled) {
      await (this.flushing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  private schedule(): void {
    // One flush at a time: what arrives meanwhile waits and goes out together afterwards.
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flushBatch().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
        else if (this.busy) {
          this.busy = false;
          this.options.onBusy?.(false);
        }
      });
    });
  }

  private async flushBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const results = await this.options.flush(batch.map((waiting) => waiting.item));
      for (const [index, waiting] of batch.entries()) waiting.resolve(results[index]!);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
