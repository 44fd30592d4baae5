import { VariantTimeoutError } from '../errors';
import type { ExecutionScope } from './execution-scope';

/** A running variant timeout; `clear()` stops it and returns `true` unless it already fired. */
export interface VariantTimeout {
  clear(): boolean;
}

/**
 * Starts the supervisor's `variantTimeoutMs` for an async variant (`undefined` when there is
 * none): when it fires first, the scope's signal aborts and `onTimeout` gets the error.
 */
export function startTimeout(scope: ExecutionScope, onTimeout: (error: VariantTimeoutError) => void): VariantTimeout | undefined {
  const experiment = scope.entry;
  const timeoutMs = experiment.supervisor.variantTimeoutMs;
  if (timeoutMs === undefined) return undefined;
  let pending = true;
  const timer = setTimeout(() => {
    pending = false;
    const error = new VariantTimeoutError(experiment.name, scope.config.config_id, timeoutMs);
    scope.abort(error);
    onTimeout(error);
  }, timeoutMs);
  timer.unref?.();
  return {
    clear: () => {
      clearTimeout(timer);
      const wasPending = pending;
      pending = false;
      return wasPending;
    },
  };
}
