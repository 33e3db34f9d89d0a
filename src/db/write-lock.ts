/**
 * SQLite has one writer, and better-sqlite3 waits for the write lock synchronously: a connection
 * that finds it taken sleeps in SQLite's busy handler (1, 2, 5, 10 ms, …) with its whole thread.
 * An API process with a job thread opens the database twice, so without more, an
 * acknowledgement could sleep behind a job's transaction, and a job's behind a webhook commit.
 *
 * This lock, in memory the two threads share, decides who writes before either asks SQLite, and
 * is awaited (Atomics.waitAsync): a thread waiting for it keeps serving its event loop. The
 * request thread has priority: while it waits, or has announced writes (webhooks accepted and
 * waiting for their commit), the job thread starts no write (for at most 100 ms at a time, so
 * jobs still move under a steady stream of webhooks). SQLite's own lock and busy timeout stay,
 * for other processes on the same file (the CLI, a second hub).
 *
 * PostgreSQL has no such lock, but the two threads share the same cores with the database's own
 * processes: there only the priority applies (giveWay before each job statement), so a burst of
 * webhooks is committed before job work takes the CPU back.
 */

/** Longest the job side waits for the request side before it joins a hold anyway, so jobs still move under a steady stream of webhooks. */
const maxGiveWayMs = 100;

export type WriteLockSide = 'request' | 'jobs';
/** The shared memory: who holds the lock (0 nobody, else the side's number), and how many of the request side's writes wait or are announced. */
const OWNER = 0;
const WAITING = 1;
const FREE = 0;
const sides: Record<WriteLockSide, number> = { request: 1, jobs: 2 };

// Node 20 has it; the TypeScript lib this project targets does not declare it yet.
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

async function waitWhile(shared: Int32Array, index: number, value: number, timeoutMs: number): Promise<void> {
  const wait = waitAsync(shared, index, value, timeoutMs);
  if (!wait.async) return;
  // The timeout is this timer's: a pending waitAsync neither keeps the event loop alive nor, in
  // a worker thread on Node 20, reliably resolves when its own timeout passes.
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([wait.value, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The shared memory of one process's lock: made by the request thread, handed to the job thread. */
export function newWriteLockMemory(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

/** Frees the lock if `side` holds it: that side's thread ended without releasing it (it died mid-write). */
export function freeAbandonedLock(memory: Int32Array, side: WriteLockSide): void {
  if (Atomics.compareExchange(memory, OWNER, sides[side], FREE) === sides[side]) Atomics.notify(memory, OWNER);
}

export class WriteLock {
  private readonly me: number;
  /** Writes of this thread under way: they share one hold (one connection; the adapter runs one transaction at a time). */
  private holders = 0;
  private taking: Promise<void> | null = null;
  private announced = false;

  constructor(
    private readonly shared: Int32Array,
    readonly side: WriteLockSide,
  ) {
    this.me = sides[side];
  }

  async acquire(): Promise<void> {
    // The job side joins no hold while the request thread waits: its writes under way finish,
    // the lock passes, and only then do new ones start (or after maxGiveWayMs, so a write that
    // runs inside one of its own transactions can never wait for itself for long).
    if (this.side === 'jobs') await this.giveWay();
    this.holders++;
    this.taking ??= this.side === 'request' ? this.takeFirst() : this.take();
    await this.taking;
  }

  release(): void {
    this.holders--;
    if (this.holders > 0) return;
    this.taking = null;
    Atomics.store(this.shared, OWNER, FREE);
    Atomics.notify(this.shared, OWNER);
  }

  /**
   * The request side says writes are coming (accepted webhooks wait for their commit) before it
   * asks for the lock: the job side starts none meanwhile, as when the request thread waits.
   */
  announce(coming: boolean): void {
    if (this.announced === coming) return;
    this.announced = coming;
    if (coming) Atomics.add(this.shared, WAITING, 1);
    else {
      Atomics.sub(this.shared, WAITING, 1);
      Atomics.notify(this.shared, WAITING);
    }
  }

  /** Runs `write` holding the lock. */
  async around<T>(write: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await write();
    } finally {
      this.release();
    }
  }

  private async takeFirst(): Promise<void> {
    Atomics.add(this.shared, WAITING, 1);
    try {
      await this.take();
    } finally {
      Atomics.sub(this.shared, WAITING, 1);
      Atomics.notify(this.shared, WAITING);
    }
  }

  /** Job side: waits while the request side waits for the lock or announced writes, for at most 100 ms. */
  async giveWay(): Promise<void> {
    const started = performance.now();
    for (;;) {
      const waiting = Atomics.load(this.shared, WAITING);
      const remaining = maxGiveWayMs - (performance.now() - started);
      if (waiting === 0 || remaining <= 0) return;
      await waitWhile(this.shared, WAITING, waiting, remaining);
    }
  }

  private async take(): Promise<void> {
    for (;;) {
      const owner = Atomics.compareExchange(this.shared, OWNER, FREE, this.me);
      if (owner === FREE) return;
      // The timeout only bounds a missed wake-up; a release notifies.
      await waitWhile(this.shared, OWNER, owner, 50);
    }
  }
}
