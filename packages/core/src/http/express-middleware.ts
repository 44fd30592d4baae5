import type { IncomingMessage } from 'node:http';
import { describeValue } from '../internal/describe';
import { runWithRequestValues, type RequestContextValuesOf } from './request-values';

/** A Connect / Express middleware: `(req, res, next)`. */
export type RequestContextMiddleware<Req> = (request: Req, response: unknown, next: (error?: unknown) => void) => void;

/**
 * An Express (or Connect) middleware that runs the rest of each request inside `withContext`
 * with the values `valuesOf(req)` returns, so strategies such as `strategies.weighted({ key:
 * 'userId' })` see the request's values. If `valuesOf` throws or rejects, the error goes to
 * `next(error)`. Annotate the parameter to read more than `IncomingMessage` has, such as
 * Express's `Request`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { requestContextMiddleware } from '@spearmint/core';
 *
 * const app = express();
 * app.use(requestContextMiddleware((req) => ({ userId: req.headers['x-user-id'] })));
 * ```
 */
export function requestContextMiddleware<Req = IncomingMessage>(valuesOf: RequestContextValuesOf<Req>): RequestContextMiddleware<Req> {
  if (typeof valuesOf !== 'function') {
    throw new TypeError(`requestContextMiddleware expects a function (req) => ({ key: value }), got ${describeValue(valuesOf)}.`);
  }
  return function spearmintRequestContext(request, _response, next) {
    runWithRequestValues(valuesOf, request, { helper: 'requestContextMiddleware', next: () => next(), fail: next });
  };
}
