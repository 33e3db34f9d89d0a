import { describe, expect, it, vi } from 'vitest';
import { newId } from '../../src/lib/ids';

describe('newId', () => {
  it('is the prefix and 20 lower-case alphanumerics', () => {
    expect(newId('evt')).toMatch(/^evt_[a-z0-9]{20}$/);
  });

  it('sorts by creation time, so inserts land at the end of a primary-key index', () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00.000Z'), toFake: ['Date'] });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        ids.push(newId('evt'));
        vi.advanceTimersByTime(1);
      }
      expect([...ids].sort()).toEqual(ids);
    } finally {
      vi.useRealTimers();
    }
  });

  it('differs within the same millisecond', () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00.000Z'), toFake: ['Date'] });
    try {
      const ids = new Set(Array.from({ length: 10_000 }, () => newId('job')));
      expect(ids.size).toBe(10_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
