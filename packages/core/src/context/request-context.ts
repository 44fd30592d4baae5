import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from '../internal/global';

/** The request values of one `withContext` scope (merged with the enclosing ones). */
export type RequestValues = ReadonlyMap<string, unknown>;

const requestStorage = processWide('request-storage', () => new AsyncLocalStorage<RequestValues>());

/** @internal The request values in force now, to hand a strategy that runs later (a nested experiment's). */
export function currentRequestValues(): RequestValues | undefined {
  return requestStorage.getStore();
}

/**
 * Runs `fn` with request values (a user id, a tenant) visible to strategies through
 * `RuntimeContext#get`, and returns what `fn` returns (a promise if it returns one). Nested
 * calls see the outer values too; an inner value of the same key wins.
 *
 * @example
 * ```ts
 * withContext({ userId: req.user.id }, () => svc.recommend(req.query));
 * ```
 */
export function withContext<T>(values: Readonly<Record<string, unknown>>, fn: () => T): T {
  if (values === null || typeof values !== 'object') {
    throw new TypeError(`withContext expects an object of request values, got ${String(values)}.`);
  }
  const outer = requestStorage.getStore();
  const merged = new Map(outer);
  for (const key of Object.keys(values)) merged.set(key, values[key]);
  return requestStorage.run(merged, fn);
}

/** What a strategy sees of the call it decides for. */
export class RuntimeContext {
  constructor(
    /** The name of the experiment the strategy picks configs for (the entry experiment, or a nested one). */
    readonly experiment: string,
  ) {}

  /** A value set by an enclosing `withContext`, or `undefined`. */
  get<T = unknown>(key: string): T | undefined {
    return requestStorage.getStore()?.get(key) as T | undefined;
  }
}
