import type { IncomingHttpHeaders } from 'node:http';
import { describeValue } from '../internal/describe';
import { runWithRequestValues, type RequestContextValuesOf } from './request-values';

/** What of a Fastify request the default type promises: its headers. */
export interface FastifyRequestLike {
  readonly headers: IncomingHttpHeaders;
}

/** What the plugin uses of a Fastify instance: `addHook('onRequest', (request, reply, done) => ...)`. */
export interface FastifyHooksLike {
  /** Fastify's `addHook`, given a callback-style `onRequest` hook. */
  addHook(name: 'onRequest', hook: (request: unknown, reply: unknown, done: (error?: Error) => void) => void): unknown;
}

/** A Fastify plugin, applied to the whole application (it is not encapsulated). */
export type RequestContextPlugin = (instance: FastifyHooksLike, options: unknown, done: (error?: Error) => void) => void;

/**
 * A Fastify plugin that runs each request inside `withContext` with the values `valuesOf(request)`
 * returns, so strategies such as `strategies.weighted({ key: 'userId' })` see them. It adds an
 * `onRequest` hook; Fastify 5 keeps the context through body parsing and the later hooks. It
 * applies to every route (no encapsulation); register it before the routes. If `valuesOf` throws
 * or rejects, the request fails with that error.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { fastifyRequestContext } from '@spearmint/core';
 *
 * const app = Fastify();
 * await app.register(fastifyRequestContext((request) => ({ userId: request.headers['x-user-id'] })));
 * ```
 */
export function fastifyRequestContext<Req = FastifyRequestLike>(valuesOf: RequestContextValuesOf<Req>): RequestContextPlugin {
  if (typeof valuesOf !== 'function') {
    throw new TypeError(`fastifyRequestContext expects a function (request) => ({ key: value }), got ${describeValue(valuesOf)}.`);
  }
  const plugin: RequestContextPlugin = (instance, _options, done) => {
    instance.addHook('onRequest', (request, _reply, next) => {
      runWithRequestValues(valuesOf, request as Req, { helper: 'fastifyRequestContext', next: () => next(), fail: next });
    });
    done();
  };
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'spearmint-request-context' });
  return plugin;
}
