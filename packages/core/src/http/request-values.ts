import { describeValue } from '../internal/describe';
import { describeError } from '../internal/describe-error';
import { isPromiseLike } from '../internal/is-promise-like';
import { withContext } from '../context/request-context';

/** The request values one request runs with (`{ userId: '42' }`), or `undefined` for none. */
export type RequestContextValues = Readonly<Record<string, unknown>> | undefined;

/**
 * Takes the request values from a request: read a header, the session, the authenticated user.
 * May return a promise (a session lookup).
 *
 * @example
 * ```ts
 * const valuesOf: RequestContextValuesOf<{ headers: Record<string, string | string[] | undefined> }> =
 *   (req) => ({ userId: req.headers['x-user-id'] });
 * ```
 */
export type RequestContextValuesOf<Req> = (request: Req) => RequestContextValues | PromiseLike<RequestContextValues>;

/** How one request continues: `next` inside the context, `fail` on the framework's error path. */
export interface Continuation {
  /** Names the helper in error messages. */
  readonly helper: string;
  readonly next: () => void;
  /** Always receives an `Error` (Express treats `next(undefined)` as success and `next('route')` as a jump). */
  readonly fail: (error: Error) => void;
}

/**
 * Calls `valuesOf(request)`, then `next` inside `withContext` with the values (synchronously when
 * `valuesOf` is synchronous). Whatever goes wrong (it throws, rejects, or returns something that
 * is not an object) goes to `fail`, the framework's error path, and `next` is not called.
 */
export function runWithRequestValues<Req>(valuesOf: RequestContextValuesOf<Req>, request: Req, continuation: Continuation): void {
  const fail = (error: unknown): void => continuation.fail(asError(continuation.helper, error));
  let values: unknown;
  try {
    values = valuesOf(request);
    if (isPromiseLike(values)) {
      // `next` is the framework's: it handles what the rest of the request throws itself.
      Promise.resolve(values)
        .then((resolved) => enter(resolved, continuation.helper, continuation.next, fail), fail)
        .then(undefined, () => undefined);
      return;
    }
  } catch (error) {
    return fail(error);
  }
  enter(values, continuation.helper, continuation.next, fail);
}

function enter(values: unknown, helper: string, next: () => void, fail: (error: unknown) => void): void {
  if (values === undefined) return next();
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return fail(new TypeError(`${helper}: expected the request values function to return an object such as { userId: '42' } (or undefined), got ${describeValue(values)}.`));
  }
  let copy: Record<string, unknown>;
  try {
    copy = { ...values }; // reads every getter now, where a throwing one can still go to `fail`
  } catch (error) {
    return fail(error);
  }
  withContext(copy, next);
}

function asError(helper: string, error: unknown): Error {
  return error instanceof Error ? error : new Error(`${helper}: the request values function threw ${describeError(error)}`);
}
