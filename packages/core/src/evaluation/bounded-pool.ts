/**
 * Runs `work` on the items of `source` with at most `concurrency` of them in flight. The next
 * item is pulled only when a slot is free (and pulls never overlap), so an iterator that reads
 * lazily — a file, a generator — is read no faster than the work goes: memory stays bounded
 * whatever the source's size.
 *
 * Stops pulling once `shouldStop()` is true or `work` (or the source) fails; the items already
 * in flight finish; then the source is closed (`return()`) and the first failure is thrown.
 */
export async function forEachBounded<T>(
  source: AsyncIterator<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean,
): Promise<void> {
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let previousPull: Promise<unknown> = Promise.resolve();

  const pull = (): Promise<IteratorResult<T> | undefined> => {
    const next = previousPull.then(async () => {
      if (exhausted || failure || shouldStop()) return undefined;
      const result = await source.next();
      if (result.done) exhausted = true;
      // An item that arrives after a stop is not started.
      return result.done || failure || shouldStop() ? undefined : result;
    });
    previousPull = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      const next = await pull();
      if (next === undefined) return;
      await work(next.value);
    }
  };

  await Promise.all(
    Array.from({ length: concurrency }, () =>
      worker().catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  if (!exhausted) {
    try {
      await source.return?.();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
