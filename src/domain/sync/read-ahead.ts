/**
 * Reads a listing one page ahead: while the caller stores a page, the next one is already being
 * requested, sent by the host and parsed. A sync then takes about as long as the slower of
 * downloading and storing instead of their sum (PostgreSQL works in its own process, and the host
 * prepares its answer while SQLite writes). At most two pages are held: the one being stored and
 * the one arriving.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const pages = source[Symbol.asyncIterator]();
  // A page that fails while the caller still stores the previous one is awaited (and its error
  // thrown) only on the next turn of the loop; marking it handled at once keeps Node from
  // reporting an unhandled rejection in between.
  const ahead = (): Promise<IteratorResult<T>> => {
    const request = pages.next();
    request.catch(() => undefined);
    return request;
  };
  let next = ahead();
  let finished = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        finished = true;
        return;
      }
      next = ahead();
      yield result.value;
    }
  } finally {
    if (!finished) {
      // The caller stopped early (an error, an abort): the request under way is not wanted, and
      // its failure (the same abort, typically) is not news. Then let the source clean up.
      next.then(
        () => pages.return?.(),
        () => undefined,
      );
    }
  }
}
