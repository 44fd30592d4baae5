import type { SpearmintOptions } from '@spearmint/decorators';
import { DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS, MAX_TIMER_MS } from './spearmint.constants';
import type { ResolvedSpearmintModuleOptions, SpearmintModuleFactoryOptions } from './interfaces/spearmint-module-options.interface';
import { drainTimeoutMessage, globalInFactoryMessage, globalMessage, optionsObjectMessage, requestContextMessage } from './spearmint.messages';

/**
 * The one place where the module's defaults are merged in and its own options checked, for
 * `forRoot()` and for whatever a `forRootAsync()` factory returns. `label` names the caller in
 * error messages. The `Spearmint` options are checked by `new Spearmint()` itself.
 */
export function resolveModuleOptions(options: unknown, label: string): ResolvedSpearmintModuleOptions {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(optionsObjectMessage(label, options));
  }
  if ('global' in options) throw new TypeError(globalInFactoryMessage(label));
  const given = options as SpearmintModuleFactoryOptions;
  const timeout = given.shutdownDrainTimeoutMs ?? DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !(timeout >= 0) || (timeout > MAX_TIMER_MS && timeout !== Infinity)) {
    throw new TypeError(drainTimeoutMessage(label, timeout));
  }
  if (given.requestContext !== undefined && typeof given.requestContext !== 'function') {
    throw new TypeError(requestContextMessage(label, given.requestContext));
  }
  return Object.freeze({ ...given, shutdownDrainTimeoutMs: timeout });
}

/** Whether the module is global: `true` unless `global: false` is given. */
export function resolveGlobal(global: unknown, label: string): boolean {
  if (global === undefined) return true;
  if (typeof global !== 'boolean') throw new TypeError(globalMessage(label, global));
  return global;
}

/** The options for `new Spearmint()`: the module's options without the module's own. */
export function spearmintOptionsOf(options: ResolvedSpearmintModuleOptions): SpearmintOptions {
  const { shutdownDrainTimeoutMs: _moduleOnly, requestContext: _interceptorOnly, ...spearmintOptions } = options;
  return spearmintOptions;
}
