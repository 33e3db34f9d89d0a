/** Collects values that arrive over time (subscription events, received requests) and waits for a count of them. */
export function collector<T>(): { events: T[]; push(event: T): void; waitFor(count: number, timeoutMs?: number): Promise<T[]> } {
  const events: T[] = [];
  const waiters: (() => void)[] = [];
  return {
    events,
    push(event) {
      events.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} events, got ${events.length}`)), timeoutMs);
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
