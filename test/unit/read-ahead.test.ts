/**
 * readAhead: the sync's page loop asks for the next page while it stores the current one, never
 * more than one ahead, and when the loop stops early the source is closed and its pending
 * failure (an aborted request) is not left unhandled.
 */
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/domain/sync/read-ahead';

/** A source that records when each page is asked for. */
function source(pages: number, failAt?: number) {
  const asked: number[] = [];
  let closed = false;
  async function* listing() {
    try {
      for (let page = 0; page < pages; page++) {
        asked.push(page);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (page === failAt) throw new Error(`page ${page} failed`);
        yield page;
      }
    } finally {
      closed = true;
    }
  }
  return { listing: listing(), asked, closed: () => closed };
}

describe('readAhead', () => {
  it('yields every page in order, asking for the next one while the current one is handled, one ahead at most', async () => {
    const { listing, asked } = source(5);
    const seen: number[] = [];
    for await (const page of readAhead(listing)) {
      // While page n is handled, page n + 1 has been asked for, and not n + 2.
      expect(asked.at(-1)).toBe(Math.min(page + 1, 4));
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(asked.at(-1)).toBe(Math.min(page + 1, 4));
      seen.push(page);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes a failure of the source on when its page is reached', async () => {
    const { listing } = source(5, 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of readAhead(listing)) seen.push(page);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([0, 1]);
  });

  it('reports a page that fails while the previous one is still being stored once, when it is reached, never as unhandled', async () => {
    const { listing } = source(5, 2);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const seen: number[] = [];
      await expect(
        (async () => {
          for await (const page of readAhead(listing)) {
            // Storing takes several turns of the event loop: page 2 fails meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 30));
            seen.push(page);
          }
        })(),
      ).rejects.toThrow('page 2 failed');
      expect(seen).toEqual([0, 1]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes the source when the loop stops early, and swallows the failure of the page asked for ahead', async () => {
    const { listing, closed } = source(5, 1);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for await (const page of readAhead(listing)) {
        expect(page).toBe(0);
        break; // while page 1 (which fails) is under way
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(closed()).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
