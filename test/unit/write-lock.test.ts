/**
 * The write lock an API process's request thread and job thread share on SQLite: one writer at a
 * time, awaited without blocking the waiting thread's event loop, the request thread first.
 * The job side runs in a real worker thread, loading the same module.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { newWriteLockMemory, WriteLock } from '../../src/db/write-lock';
import { fromPackageRoot } from '../../src/lib/package-root';

/** Shared counters: [0] who is inside (0 none, 1 request, 2 jobs), [1] overlaps seen, [2] job writes done. */
function jobThread(memory: Int32Array, counters: Int32Array, script: string): { worker: Worker; done: Promise<void> } {
  const tsxRoot = path.dirname(createRequire(fromPackageRoot('package.json')).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const lockModule = pathToFileURL(fromPackageRoot('src', 'db', 'write-lock.ts')).href;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(lockModule)}); }).then(async ({ WriteLock }) => {
      const { memory, counters } = workerData;
      const lock = new WriteLock(memory, 'jobs');
      const hold = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      ${script}
      parentPort.postMessage('done');
    });`;
  const worker = new Worker(code, { eval: true, workerData: { memory, counters } });
  workers.push(worker);
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { worker, done };
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.terminate()));
});

describe('the SQLite write lock between the request thread and the job thread', () => {
  it('lets one thread write at a time', async () => {
    const memory = newWriteLockMemory();
    const counters = new Int32Array(new SharedArrayBuffer(12));
    const { done } = jobThread(memory, counters, `
      for (let i = 0; i < 200; i++) {
        await lock.acquire();
        if (Atomics.compareExchange(counters, 0, 0, 2) !== 0) Atomics.add(counters, 1, 1);
        hold(0.2);
        Atomics.store(counters, 0, 0);
        Atomics.add(counters, 2, 1);
        lock.release();
      }`);
    const lock = new WriteLock(memory, 'request');
    for (let i = 0; i < 200; i++) {
      await lock.around(async () => {
        if (Atomics.compareExchange(counters, 0, 0, 1) !== 0) Atomics.add(counters, 1, 1);
        await new Promise((resolve) => setImmediate(resolve));
        Atomics.store(counters, 0, 0);
      });
    }
    await done;
    expect(Atomics.load(counters, 2)).toBe(200);
    expect(Atomics.load(counters, 1)).toBe(0);
  });

  it('keeps the waiting thread serving its event loop, and the job thread gives way to it', async () => {
    const memory = newWriteLockMemory();
    const counters = new Int32Array(new SharedArrayBuffer(12));
    // The job side holds the lock for 300 ms, then wants it back at once, 20 times over.
    const { done } = jobThread(memory, counters, `
      await lock.acquire();
      Atomics.store(counters, 0, 2);
      hold(300);
      Atomics.store(counters, 0, 0);
      lock.release();
      for (let i = 0; i < 20; i++) await lock.around(async () => Atomics.add(counters, 2, 1));`);
    while (Atomics.load(counters, 0) !== 2) await new Promise((resolve) => setTimeout(resolve, 5));

    const lock = new WriteLock(memory, 'request');
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    const started = performance.now();
    await lock.acquire();
    const waited = performance.now() - started;
    clearInterval(ticking);
    // Held by the request thread: the job thread, waiting for it since its release, wrote nothing yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Atomics.load(counters, 2)).toBe(0);
    lock.release();
    await done;

    expect(waited).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(5);
    expect(Atomics.load(counters, 2)).toBe(20);
  });

  it('holds the job side back while the request side announces writes, for at most 100 ms at a time', async () => {
    const memory = newWriteLockMemory();
    const counters = new Int32Array(new SharedArrayBuffer(12));
    const lock = new WriteLock(memory, 'request');
    lock.announce(true);
    // The job side asks twice: once while the announcement stands, once after its 100 ms passed.
    const { done } = jobThread(memory, counters, `
      const started = performance.now();
      await lock.around(async () => Atomics.store(counters, 0, Math.round(performance.now() - started)));
      Atomics.add(counters, 2, 1);`);
    await done;
    expect(Atomics.load(counters, 2)).toBe(1);
    expect(Atomics.load(counters, 0)).toBeGreaterThanOrEqual(90);

    lock.announce(false);
    const again = jobThread(memory, counters, `
      const started = performance.now();
      await lock.around(async () => Atomics.store(counters, 0, Math.round(performance.now() - started)));`);
    await again.done;
    expect(Atomics.load(counters, 0)).toBeLessThan(90);
  });
});
